import { describe, expect, it } from 'vitest';
import { defaultDate, loadBuiltinLibrary } from '../../regime/index.ts';
import { runInProcess } from '../run-in-process.ts';

// `regimes check` and `regimes show` on dates: the default date, the warnings past a policy's last
// dated entry, and the tier default named as such (src/regime/time/coverage.ts).
describe('regimes check and show on dates', () => {
  it('check defaults to the latest date the documents cover and says so', async () => {
    const lib = loadBuiltinLibrary();
    const r = await runInProcess([
      'check',
      '--convention',
      'eu-long-term-residents-criteria',
      '--policy',
      'policy-deu',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).date).toBe(defaultDate(lib).date);
    expect(r.stderr).toMatch(/the latest date the national policies cover/);
  });

  it('check warns when the date is past the policy’s last entry, and reads other documents’ parameters', async () => {
    const r = await runInProcess([
      'check',
      '--convention',
      'eu-long-term-residents-criteria',
      '--policy',
      'policy-afg',
      '--at',
      '2024-01-01',
      '--json',
    ]);
    expect(r.stderr).toMatch(/warning: policy-afg records no change after 1990-01-01/);
    expect(JSON.parse(r.stdout).past_last_entry).toBe('1990-01-01');
    // Germany grants long-term residence after five years: the directive's parameter is read
    const deu = await runInProcess([
      'check',
      '--convention',
      'eu-long-term-residents-criteria',
      '--policy',
      'policy-deu',
      '--at',
      '2024-01-01',
      '--json',
    ]);
    const five = JSON.parse(deu.stdout).criteria.find((c: { id: string }) => c.id === 'ltr-five-years');
    expect(five.result).toBe('met');
  });

  it('show says when a country runs on its tier default', async () => {
    const r = await runInProcess(['show', 'PRT', '--at', '2010-01-01', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/PRT has no policy of its own under neoliberal: the default of its tier/);
    expect(JSON.parse(r.stdout).id).toMatch(/^default-/);
  });
});
