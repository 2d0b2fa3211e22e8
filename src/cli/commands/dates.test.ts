import { describe, expect, it } from 'vitest';
import { defaultDate, lastEntry, loadBuiltinLibrary } from '../../regime/index.ts';
import { runInProcess } from '../../../test/support/cli/run-in-process.ts';

// `regimes check` and `regimes show` on dates: the default date, the warnings past a policy's last
// dated entry, and the tier default named as such (src/regime/time/coverage.ts).

/** `regimes check` of one policy against the EU long-term residents criteria, as JSON. */
const checkLtr = (policy: string, ...more: string[]) =>
  runInProcess([
    'check',
    '--convention',
    'eu-long-term-residents-criteria',
    '--policy',
    policy,
    '--json',
    ...more,
  ]);

describe('regimes check and show on dates', () => {
  it('check defaults to the latest date the documents cover and says so', async () => {
    const r = await checkLtr('policy-deu');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).date).toBe(defaultDate(loadBuiltinLibrary()).date);
    expect(r.stderr).toMatch(/the latest date the national policies cover/);
  });

  it('check warns when the date is past the policy’s last entry', async () => {
    const r = await checkLtr('policy-afg', '--at', '2024-01-01');
    expect(r.stderr).toMatch(/warning: policy-afg records no change after 1990-01-01/);
    expect(JSON.parse(r.stdout).past_last_entry).toBe('1990-01-01');
  });

  it("check reads another document's parameter: Germany grants long-term residence after five years", async () => {
    const r = await checkLtr('policy-deu', '--at', '2024-01-01');
    const five = JSON.parse(r.stdout).criteria.find((c: { id: string }) => c.id === 'ltr-five-years');
    expect(five.result).toBe('met');
  });

  it('check finds an EU member that meets each coded article compliant on the default date', async () => {
    // Art 9(5) is not coded: tested on re_immigration_rights_retained, it failed every EU member
    // (docs/rules.md §4)
    const r = await checkLtr('policy-swe');
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('complies');
    expect(report.criteria.map((c: { result: string }) => c.result)).not.toContain('not_met');
  });

  it('list gives each national policy the date of its last dated entry', async () => {
    const r = await runInProcess(['list', '--kind', 'NationalPolicy', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; country?: string; last_entry: string }[];
    const lib = loadBuiltinLibrary();
    for (const row of rows) expect(row.last_entry, row.id).toBe(lastEntry(lib, row.id));
    expect(rows.find((x) => x.id === 'policy-deu')?.country).toBe('DEU');
  });

  it('show says when a country runs on its tier default', async () => {
    const r = await runInProcess(['show', 'BRA', '--at', '2010-01-01', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/BRA has no policy of its own under neoliberal: the default of its tier/);
    expect(JSON.parse(r.stdout).id).toMatch(/^default-/);
  });
});
