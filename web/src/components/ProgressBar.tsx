import type { JobView } from '../api/types.ts';

/** A job's state and progress, as a bar with its note. */
export function JobProgress({ job }: { job: JobView }) {
  const { done, total, message } = job.progress;
  const pct = job.state === 'done' ? 100 : total > 0 ? Math.round((100 * done) / total) : 0;
  return (
    <div className={`job job-${job.state}`} data-job={job.id} data-state={job.state}>
      <div className="job-head">
        <code>{job.id}</code> <span className="state">{job.state}</span>
        {job.position ? <span> (place {job.position} in the queue)</span> : null}
        {job.resultId && (
          <>
            {' → '}
            <a href={job.kind === 'run' ? `#/runs?id=${job.resultId}` : `#/compare?id=${job.resultId}`}>
              {job.resultId}
            </a>
          </>
        )}
      </div>
      <progress max={100} value={pct} aria-label={`progress of ${job.id}`} />
      <span className="job-note">
        {pct}% {job.error ? `${job.error.message} [${job.error.code}]` : message}
      </span>
    </div>
  );
}
