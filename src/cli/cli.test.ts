import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInProcess } from '../../test/support/cli/run-in-process.ts';
import { buildProgram } from './program.ts';
import { fileTempDirs } from '../../test/support/temp-dirs.ts';

const tmp = fileTempDirs('regimes-cli-')();

describe('the regimes CLI', () => {
  it('gives --help for every command, exit 0', async () => {
    for (const c of (await buildProgram()).commands) {
      const r = await runInProcess([c.name(), '--help']);
      expect(r.code, c.name()).toBe(0);
      expect(r.stdout, c.name()).toMatch(/Usage: regimes/);
    }
  });
  it('offers --json and --quiet on every command that prints results', async () => {
    for (const c of (await buildProgram()).commands) {
      const flags = c.options.map((o) => o.long);
      expect(flags, c.name()).toContain('--quiet');
      if (!['schema', 'worker', 'serve'].includes(c.name())) expect(flags, c.name()).toContain('--json');
    }
  });
  it('exits 2 on an unknown option, with a suggestion', async () => {
    const r = await runInProcess(['list', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Did you mean --json/);
  });
  it('exits 2 on an unknown command', async () => {
    expect((await runInProcess(['frobnicate'])).code).toBe(2);
  });
  it('suggests the command meant by a misspelt one', async () => {
    const r = await runInProcess(['valdate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Did you mean validate/);
  });
  it('lists every command in the top-level help', async () => {
    const r = await runInProcess(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['validate', 'decide', 'compare', 'displacement', 'experiment', 'worker'])
      expect(r.stdout).toContain(name);
  });
  it('exits 2 on a missing required option', async () => {
    expect((await runInProcess(['changes', 'policy-deu'])).code).toBe(2);
  });
  it('exits 1 with FILE:LINE:COL on a bad document', async () => {
    const file = join(tmp, 'bad.yaml');
    writeFileSync(file, 'kind: Instrument\nid: Bad_Id\n');
    const r = await runInProcess(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:2:1:`);
  });
  it('exits 1 naming an empty file, or one of comments only, instead of "0 document(s) valid"', async () => {
    for (const [name, text] of [
      ['empty.yaml', ''],
      ['comments.yaml', '# a draft\n---\n'],
    ]) {
      const file = join(tmp, name);
      writeFileSync(file, text);
      const r = await runInProcess(['validate', file]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${file}: the file holds no document`);
      expect(r.stderr).toContain('[E_EMPTY_FILE]');
    }
  });
  it('exits 1 on a file that does not exist', async () => {
    const r = await runInProcess(['validate', join(tmp, 'nope.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no such file/);
  });
  it('exits 1 on an unknown document id', async () => {
    const r = await runInProcess(['show', 'no-such-document']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no document 'no-such-document'/);
  });
  it('exits 1 on a bad date', async () => {
    const r = await runInProcess(['show', 'refugee-convention-1951', '--at', '1999-02-31']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a calendar date/);
  });
  it('validates a user document against the built-ins and prints JSON', async () => {
    const file = join(tmp, 'mine.yaml');
    writeFileSync(
      file,
      'kind: Institution\nid: my-assembly\ntitle: Mine\nsources: [{ seed: "§4" }]\nvalid_from: 2002-01-01\nvoting_rule: one_state_one_vote\nweight_basis: equal\nseats: [{ constituency: states, share: 1 }]\ndecision_threshold: 0.67\ntransparency: { public_records: true, open_sessions: true, published_reasons: true }\n',
    );
    const r = await runInProcess(['validate', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true,
      documents: [{ id: 'my-assembly', kind: 'Institution', file }],
    });
  });
  it('runs from the bin script on a fresh process', () => {
    const out = execFileSync(process.execPath, ['bin/regimes.js', 'list', '--kind', 'Instrument', '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out).map((d: { id: string }) => d.id)).toContain('refugee-convention-1951');
  });
  it('prints no stack trace for a user error from the bin script', () => {
    const r = spawnSync(process.execPath, ['bin/regimes.js', 'show', 'nothing'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
