/** Follows jobs live (server-sent events) and shows their progress; tells the page when one ends. */
import { useEffect, useState } from 'react';
import { followJob } from '../api/client.ts';
import type { JobView } from '../api/types.ts';
import { JobProgress } from './ProgressBar.tsx';

export function useJobs(
  initial: JobView[],
  onEnd: (job: JobView) => void,
): [JobView[], (job: JobView) => void] {
  const [jobs, setJobs] = useState<Map<string, JobView>>(() => new Map(initial.map((j) => [j.id, j])));
  const [watch, setWatch] = useState<string[]>(() =>
    initial.filter((j) => j.state === 'queued' || j.state === 'running').map((j) => j.id),
  );
  useEffect(() => {
    setJobs((m) => {
      const next = new Map(m);
      for (const j of initial) if (!next.has(j.id)) next.set(j.id, j);
      return next;
    });
    setWatch((w) => [
      ...new Set([
        ...w,
        ...initial.filter((j) => j.state === 'queued' || j.state === 'running').map((j) => j.id),
      ]),
    ]);
  }, [initial]);
  useEffect(() => {
    const stops = watch.map((id) =>
      followJob(id, (job) => {
        setJobs((m) => new Map(m).set(job.id, job));
        if (job.state === 'done' || job.state === 'failed') onEnd(job);
      }),
    );
    return () => stops.forEach((s) => s());
  }, [watch.join(',')]);
  const add = (job: JobView) => {
    setJobs((m) => new Map(m).set(job.id, job));
    setWatch((w) => [...w, job.id]);
  };
  return [[...jobs.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), add];
}

export function JobList({ jobs }: { jobs: JobView[] }) {
  if (!jobs.length) return null;
  return (
    <div className="jobs" aria-label="jobs">
      {jobs.map((j) => (
        <JobProgress key={j.id} job={j} />
      ))}
    </div>
  );
}
