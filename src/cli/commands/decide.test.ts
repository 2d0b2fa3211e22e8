import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../../test/support/cli/run-in-process.ts';
import { fileTempDirs } from '../../../test/support/temp-dirs.ts';

const run = (args: string[]) => runInProcess(args);

const dir = fileTempDirs('regimes-decide-')();
const write = (name: string, text: string) => {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
};
const CASE = `kind: Case
id: test-activist
date: 2000-06-01
person: { nationalities: [IRQ], location: DEU, skill: low }
history: [{ date: 2000-01-10, event: entered, country: DEU, channel: irregular }]
claim: { persecution: { ground: political_opinion, by: state }, violence: { immediacy: current, degree: serious, generalised: false, public_order_disturbed: false }, role: activist, internal_flight_alternative: false, return_possible: true }
employment: { offer: false, intra_corporate: false, self_employed: false, service_contract: false }
family: { spouse_in: null, children_in: [] }
expect: { protection: refugee, status: recognised_refugee }
`;

describe('regimes decide', () => {
  it('decides a case and explains it with numbered, cited reasons', async () => {
    const f = write('ok.yaml', CASE);
    const { code, stdout } = await run([
      'decide',
      '--regime',
      'neoliberal',
      '--case',
      f,
      '--explain',
      '--quiet',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/protection +refugee/);
    expect(stdout).toMatch(/ 1\. DEU decides under policy-deu/);
    expect(stdout).toContain(
      'refugee-convention-1951#refugee-definition — refugee-convention-1951, Art 1A(2)',
    );
  });

  it('prints the documented JSON fields', async () => {
    const f = write('ok2.yaml', CASE.replace('test-activist', 'test-activist-2'));
    const { code, stdout } = await run(['decide', '--regime', 'neoliberal', '--case', f, '--json']);
    expect(code).toBe(0);
    const d = JSON.parse(stdout);
    for (const k of [
      'regime',
      'country',
      'date',
      'protection',
      'status',
      'removable',
      'non_refoulement',
      'channels',
      'rights',
      'explanation',
    ])
      expect(d).toHaveProperty(k);
    expect(d.explanation[1]).toMatchObject({
      rule: 'refugee-convention-1951#refugee-definition',
      citation: 'refugee-convention-1951, Art 1A(2)',
    });
  });

  it('rejects a malformed case with FILE:LINE:COL and decides nothing', async () => {
    const f = write(
      'bad.yaml',
      CASE.replace('role: activist', 'role: bystander').replace('test-activist', 'test-bad'),
    );
    const { code, stdout, stderr } = await run(['decide', '--regime', 'neoliberal', '--case', f]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:\\d+: .*bystander`));
  });

  it('names an unknown regime clearly (exit 1) and wants a regime (exit 2)', async () => {
    const f = write('ok3.yaml', CASE.replace('test-activist', 'test-activist-3'));
    const unknown = await run(['decide', '--regime', 'neoliberl', '--case', f]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no document 'neoliberl' (did you mean 'neoliberal'?)");
    expect((await run(['decide', '--case', f])).code).toBe(2);
  });
});

describe('regimes cases and check', () => {
  it('runs case tests with the regime from the folder, failing with a diff and exit 1', async () => {
    write('suite/neoliberal/pass.yaml', CASE.replace('test-activist', 'suite-pass'));
    write(
      'suite/neoliberal/fail.yaml',
      CASE.replace('test-activist', 'suite-fail').replace(
        'protection: refugee, status',
        'protection: none, status',
      ),
    );
    const { code, stdout } = await run(['cases', join(dir, 'suite'), '--quiet']);
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL  suite-fail');
    expect(stdout).toContain('protection: expected none, got refugee');
    expect(stdout).toContain('1 passed, 1 failed');
  });

  it('checks a policy against a convention and ranks all policies', async () => {
    const one = await run([
      'check',
      '--convention',
      'international-migration-framework-convention',
      '--policy',
      'policy-deu',
      '--at',
      '2000-06-01',
      '--json',
    ]);
    expect(one.code).toBe(0);
    const r = JSON.parse(one.stdout);
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(100);
    expect(r.criteria.length).toBeGreaterThan(0);
    const all = await run([
      'check',
      '--convention',
      'global-compact-migration-criteria',
      '--all',
      '--at',
      '2000-06-01',
    ]);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('non-binding, scored only');
    expect(all.stdout).toMatch(/\bscored\b/);
    expect((await run(['check', '--convention', 'no-such-convention', '--all'])).code).toBe(1);
    expect((await run(['check', '--convention', 'international-migration-framework-convention'])).code).toBe(
      2,
    );
  });
});
