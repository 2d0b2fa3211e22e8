import { describe, expect, it } from 'vitest';
import type { MemberJob } from '../ensemble/member.ts';
import { memberJobId } from './job-id.ts';
import { runnerModuleOf, runnerPath } from './runner-path.ts';

const job: MemberJob = {
  scenario: 's',
  regime: 'neoliberal',
  seed: 3,
  scale: 1000,
  from: 1990,
  to: 2000,
  threads: 1,
};
const RUNNER = 'src/ensemble/engine-member.ts';

describe('member job ids', () => {
  it('are the same for the same member, whatever the thread count or key order', () => {
    const id = memberJobId('compare', job, RUNNER, 'v1');
    expect(id).toMatch(/^compare\.neoliberal\.seed3\.scale1000\.1990-2000\.[0-9a-f]{16}$/);
    const reordered = Object.fromEntries(
      Object.entries({ ...job, threads: 8 }).reverse(),
    ) as unknown as MemberJob;
    expect(memberJobId('compare', reordered, RUNNER, 'v1')).toBe(id);
  });

  it('differ for anything else that decides the result: fields a job kind adds, the runner, the code', () => {
    const arm = (point: number) => ({ ...job, arm: { id: 'x' }, point: { p: point } }) as MemberJob;
    const ids = new Set([
      memberJobId('compare', job, RUNNER, 'v1'),
      memberJobId('compare', job, RUNNER, 'v2'),
      memberJobId('compare', job, 'src/experiments/member.ts', 'v1'),
      memberJobId('compare', { ...job, scenario: 't' }, RUNNER, 'v1'),
      memberJobId('exp', arm(0.1), RUNNER, 'v1'),
      memberJobId('exp', arm(0.2), RUNNER, 'v1'),
    ]);
    expect(ids.size).toBe(6);
  });

  it('never contain a colon (BullMQ refuses it), even from an odd ensemble name', () => {
    expect(memberJobId('a:b.c', { ...job, regime: 'x:y' }, RUNNER, 'v')).not.toContain(':');
  });
});

describe('runner modules named in jobs', () => {
  it('travel as a path inside the package and come back to this machine’s module', () => {
    const url = new URL('../ensemble/engine-member.ts', import.meta.url);
    expect(runnerPath(url)).toBe(RUNNER);
    expect(runnerModuleOf(RUNNER).href).toBe(url.href);
  });

  it('are refused outside src/, when not a runner module, or when missing', () => {
    expect(() => runnerModuleOf('../etc/passwd-member.ts')).toThrow(/not a runner module/);
    expect(() => runnerModuleOf('src/../../x-member.ts')).toThrow(/not a runner module/);
    expect(() => runnerModuleOf('src/cli/main.ts')).toThrow(/not a runner module/);
    expect(runnerModuleOf('test/support/ensemble/double-member.ts').pathname).toMatch(/double-member\.ts$/);
    expect(() => runnerModuleOf('test/e2e/harness-member.ts')).toThrow(/not a runner module/);
    expect(() => runnerModuleOf('src/nowhere/ghost-member.ts')).toThrow(/does not exist/);
    expect(() => runnerPath(new URL('file:///elsewhere/member.ts'))).toThrow(/outside the package/);
  });
});
