import { describe, expect, it } from 'vitest';
import {
  check,
  diagnosticsOf,
  instrumentYaml,
  policyYaml,
  regimeYaml,
} from '../../../test/support/regime/fixtures.ts';

/** The one diagnostic expected from a single bad file, with its position. */
function only(files: Record<string, string>) {
  const ds = diagnosticsOf(files);
  expect(ds, JSON.stringify(ds, null, 1)).toHaveLength(1);
  return ds[0];
}

const base = { 'i.yaml': instrumentYaml(), 'p.yaml': policyYaml(), 'r.yaml': regimeYaml() };

describe('a well-formed library', () => {
  it('loads the fixtures without diagnostics', () => {
    expect(diagnosticsOf(base)).toEqual([]);
  });
});

describe('bad YAML is refused with file, line and column', () => {
  it('reports a syntax error at its line', () => {
    const d = diagnosticsOf({ 'x.yaml': 'kind: Instrument\nid: [unclosed\n' })[0];
    expect(d).toMatchObject({ code: 'E_YAML_SYNTAX', file: 'x.yaml' });
    expect(d.line).toBeGreaterThanOrEqual(2);
  });
  it('reports a duplicate key', () => {
    expect(diagnosticsOf({ 'x.yaml': 'kind: Instrument\nid: a\nid: b\n' })[0]).toMatchObject({
      code: 'E_DUPLICATE_KEY',
      line: 3,
      col: 1,
    });
  });
  it('reports a tab-indented mapping', () => {
    expect(diagnosticsOf({ 'x.yaml': 'kind: Instrument\nsources:\n\t- a\n' })[0].code).toBe('E_YAML_SYNTAX');
  });
  it('reports a document that is a list, not a mapping', () => {
    expect(only({ 'x.yaml': '- a\n- b\n' })).toMatchObject({ code: 'E_NOT_A_DOCUMENT', line: 1 });
  });
  it('reports a file that holds no document, empty or of comments and markers only', () => {
    for (const text of ['', '# nothing yet\n', '---\n---\n'])
      expect(only({ 'x.yaml': text })).toMatchObject({ code: 'E_EMPTY_FILE', file: 'x.yaml' });
  });
  it('reports a document that is a bare string', () => {
    expect(only({ 'x.yaml': 'hello\n' }).code).toBe('E_NOT_A_DOCUMENT');
  });
});

describe('hostile input is refused quickly and plainly', () => {
  it('refuses an alias bomb in under a second', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const t0 = performance.now();
    const d = only({ 'bomb.yaml': levels.join('\n') + '\n' });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(d.code).toBe('E_ALIAS_LIMIT');
    expect(d.message).toMatch(/alias/);
  });
  it('refuses nesting deeper than the limit', () => {
    const deep = 'kind: Instrument\nx: ' + '['.repeat(200) + ']'.repeat(200) + '\n';
    expect(only({ 'deep.yaml': deep })).toMatchObject({ code: 'E_TOO_DEEP', file: 'deep.yaml' });
  });
  it('refuses deeply nested block mappings', () => {
    let text = 'kind: Instrument\n';
    for (let i = 0; i < 100; i++) text += `${'  '.repeat(i)}k${i}:\n`;
    text += `${'  '.repeat(100)}v: 1\n`;
    expect(only({ 'deep.yaml': text }).code).toBe('E_TOO_DEEP');
  });
  it('refuses a binary file', () => {
    const r = check({});
    expect(r.ok).toBe(true);
    const ds = diagnosticsOf({ 'bin.yaml': 'kind: \u0000\u0001\u0002' });
    expect(ds[0]).toMatchObject({ code: 'E_BINARY_FILE', file: 'bin.yaml' });
  });
  it('refuses a file that is not UTF-8', async () => {
    const { checkLibrary } = await import('./library.ts');
    const r = checkLibrary([
      { file: 'latin1.yaml', bytes: new Uint8Array([0x6b, 0x3a, 0x20, 0xe9, 0xe8, 0x0a]) },
    ]);
    expect(r.ok ? [] : r.diagnostics).toMatchObject([{ code: 'E_NOT_UTF8' }]);
  });
  it('refuses a document over the size limit before parsing it', () => {
    const t0 = performance.now();
    const d = only({ 'big.yaml': 'kind: Instrument\nsummary: "' + 'x'.repeat(1_200_000) + '"\n' });
    expect(d.code).toBe('E_FILE_TOO_LARGE');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('schema errors name the path and what was expected', () => {
  it('reports an unknown kind with the kinds that exist', () => {
    const d = only({ 'x.yaml': 'kind: Treaty\nid: x\n' });
    expect(d).toMatchObject({ code: 'E_UNKNOWN_KIND', line: 1, col: 1 });
    expect(d.message).toMatch(/expected one of Instrument, Convention/);
  });
  it('reports a missing kind', () => {
    expect(only({ 'x.yaml': 'id: x\n' }).code).toBe('E_MISSING_FIELD');
  });
  it('reports a missing required field', () => {
    const d = only({ 'x.yaml': instrumentYaml().replace('title: A test convention\n', '') });
    expect(d).toMatchObject({ code: 'E_MISSING_FIELD', path: ['title'] });
  });
  it('reports an unknown field at its line and column', () => {
    const d = only({ 'x.yaml': instrumentYaml('x', 'bindng: true\n') });
    expect(d).toMatchObject({ code: 'E_UNKNOWN_FIELD', path: ['bindng'], line: 9, col: 1 });
  });
  it('reports a wrong type with what it got', () => {
    const d = only({ 'x.yaml': instrumentYaml().replace('binding: true', 'binding: "yes"') });
    expect(d).toMatchObject({ code: 'E_WRONG_TYPE', path: ['binding'] });
    expect(d.message).toMatch(/expected boolean, got 'yes'/);
  });
  it('reports a date that does not exist', () => {
    const d = only({
      'x.yaml': instrumentYaml().replace('valid_from: 1990-01-01', 'valid_from: 2001-02-30'),
    });
    expect(d).toMatchObject({ path: ['valid_from'], line: 5 });
    expect(d.message).toMatch(/exists in the calendar/);
  });
  it('reports a date written the wrong way', () => {
    const d = only({ 'x.yaml': instrumentYaml().replace('adopted: 1989-06-01', 'adopted: 01/06/1989') });
    expect(d.message).toMatch(/YYYY-MM-DD/);
  });
  it('reports a validity that ends before it starts', () => {
    const d = only({ 'x.yaml': instrumentYaml('x', 'valid_to: 1980-01-01\n') });
    expect(d).toMatchObject({ code: 'E_VALIDITY_ORDER', path: ['valid_to'], line: 9 });
  });
  it('reports an unknown country code', () => {
    const d = only({ 'x.yaml': policyYaml().replace('country: NLD', 'country: XXX') });
    expect(d).toMatchObject({ path: ['country'] });
    expect(d.message).toMatch(/known ISO 3166-1 alpha-3/);
  });
  it('reports an unknown value of a closed vocabulary, listing the vocabulary', () => {
    const d = only({
      'x.yaml': policyYaml().replace('tests: [refugee-1951]', 'tests: [refugee-1951, violence]'),
    });
    expect(d).toMatchObject({ code: 'E_INVALID_VALUE', path: ['asylum', 'tests', 1] });
    expect(d.message).toMatch(/violence-criterion/);
  });
  it('reports a share outside 0..1', () => {
    expect(only({ 'x.yaml': policyYaml().replace('border: 0.5', 'border: 1.5') }).path).toEqual([
      'enforcement',
      'border',
    ]);
  });
  it('reports a negative quota', () => {
    expect(only({ 'x.yaml': policyYaml().replace('quota: 1000', 'quota: -5') }).path).toEqual([
      'channels',
      'labour',
      'quota',
    ]);
  });
  it('reports a resettlement programme that ends before it starts, or admits a negative number', () => {
    const programme = (from: string, to: string, persons: number) =>
      policyYaml(
        'policy-nld',
        `resettlement:\n  - { from: ${from}, to: ${to}, persons: ${persons}, source: { note: test } }\n`,
      );
    expect(diagnosticsOf({ 'x.yaml': programme('1990-10-01', '1991-09-30', 500) })).toEqual([]);
    expect(only({ 'x.yaml': programme('1991-10-01', '1990-09-30', 500) })).toMatchObject({
      path: ['resettlement', 0, 'to'],
      line: 16,
      message: expect.stringMatching(/ends after it starts/),
    });
    expect(only({ 'x.yaml': programme('1990-10-01', '1991-09-30', -5) })).toMatchObject({
      path: ['resettlement', 0, 'persons'],
      line: 16,
    });
  });
  it('reports an unknown channel name', () => {
    const d = only({ 'x.yaml': policyYaml().replace('temporary_labour:', 'seasonal:') });
    expect(d.path).toEqual(['channels', 'seasonal']);
  });
  it('reports a source that cites nothing', () => {
    const d = only({
      'x.yaml': instrumentYaml().replace(
        'sources: [{ instrument: test-convention, article: "1" }]',
        'sources: [{ article: "1" }]',
      ),
    });
    expect(d.path).toEqual(['sources', 0]);
  });
  it('reports an empty sources list', () => {
    expect(only({ 'x.yaml': instrumentYaml().replace(/sources: .*\n/, 'sources: []\n') }).message).toMatch(
      /at least one source/,
    );
  });
  it('reports every error of a file, not only the first', () => {
    const text = policyYaml()
      .replace('border: 0.5', 'border: 2')
      .replace('quota: 1000', 'quota: "many"')
      .replace('country: NLD', 'country: nl');
    expect(diagnosticsOf({ 'x.yaml': text }).length).toBe(3);
  });
});

describe('rule conditions are type-checked at load time', () => {
  const withRule = (when: string, extra = '') =>
    instrumentYaml(
      'x',
      `rules:\n  - id: r1\n    citation: { instrument: x, article: "1" }\n    when: ${when}\n    then: { protection: refugee }\n    text: test\n${extra}`,
    );
  it('accepts a well-typed condition', () => {
    expect(
      diagnosticsOf({
        'x.yaml': withRule(
          '{ all: [{ eq: [{ fact: claim.role }, victim] }, { ge: [{ fact: person.age }, 18] }] }',
        ),
      }),
    ).toEqual([]);
  });
  it('reports an unknown operator', () => {
    const d = only({ 'x.yaml': withRule('{ equals: [1, 1] }') });
    expect(d).toMatchObject({ code: 'E_BAD_EXPRESSION', path: ['rules', 0, 'when'] });
  });
  it('reports an unknown fact', () => {
    const d = only({ 'x.yaml': withRule('{ eq: [{ fact: claim.rol }, victim] }') });
    expect(d).toMatchObject({
      code: 'E_EXPRESSION_TYPE',
      path: ['rules', 0, 'when', 'eq', 0, 'fact'],
      line: 12,
    });
    expect(d.message).toMatch(/unknown field 'rol'/);
  });
  it('reports a misspelt value of an enumerated fact', () => {
    const d = only({ 'x.yaml': withRule('{ eq: [{ fact: claim.role }, victm] }') });
    expect(d.message).toMatch(/unknown value 'victm': expected one of activist, target, victim, none/);
  });
  it('reports an ordering comparison on a string fact', () => {
    expect(only({ 'x.yaml': withRule('{ gt: [{ fact: claim.role }, 3] }') }).message).toMatch(
      /compares numbers/,
    );
  });
  it('reports a non-boolean fact used as a condition', () => {
    expect(only({ 'x.yaml': withRule('{ fact: person.age }') }).message).toMatch(/must be true or false/);
  });
  it('reports an unknown parameter', () => {
    expect(
      only({ 'x.yaml': withRule('{ ge: [{ fact: person.age }, { param: min_age }] }') }).message,
    ).toMatch(/unknown parameter 'min_age'/);
  });
  it('reports an exception to a rule that does not exist', () => {
    const d = only({ 'x.yaml': withRule('true', '    exception_of: nothing-here\n') });
    expect(d).toMatchObject({ code: 'E_DANGLING_REFERENCE', path: ['rules', 0, 'exception_of'] });
  });
  it('reports an expression with two operators', () => {
    expect(only({ 'x.yaml': withRule('{ all: [true], any: [false] }') }).code).toBe('E_BAD_EXPRESSION');
  });
});

describe('references between documents are checked', () => {
  it('reports a dangling reference with a suggestion', () => {
    const d = only({
      ...base,
      'r.yaml': regimeYaml('test-regime', '', '  - { ref: test-convension, where: all }'),
    });
    expect(d).toMatchObject({ code: 'E_DANGLING_REFERENCE', file: 'r.yaml', path: ['components', 0, 'ref'] });
    expect(d.message).toMatch(/did you mean 'test-convention'/);
  });
  it('reports a reference to a document of the wrong kind', () => {
    const d = only({
      ...base,
      'r.yaml': regimeYaml().replace('explicit: [policy-nld]', 'explicit: [test-convention]'),
    });
    expect(d).toMatchObject({ code: 'E_WRONG_REFERENCE_KIND' });
  });
  it('reports a duplicate id with where it was first defined', () => {
    const d = only({ ...base, 'dup.yaml': instrumentYaml() });
    expect(d).toMatchObject({ code: 'E_DUPLICATE_ID', file: 'dup.yaml' });
    expect(d.message).toMatch(/first defined at i\.yaml:2:1/);
  });
  it('reports regimes that include each other in a circle', () => {
    const ds = diagnosticsOf({
      ...base,
      'r.yaml': regimeYaml('regime-a', '', '  - { ref: regime-b, where: all }'),
      'r2.yaml': regimeYaml('regime-b', '', '  - { ref: regime-a, where: all }'),
    });
    expect(ds.map((d) => d.code)).toContain('E_CIRCULAR_REFERENCE');
    expect(ds.find((d) => d.code === 'E_CIRCULAR_REFERENCE')!.message).toMatch(
      /regime-a → regime-b → regime-a|regime-b → regime-a → regime-b/,
    );
  });
  it('reports a circular amendment', () => {
    const amendment = (id: string, target: string) =>
      `kind: Amendment\nid: ${id}\ntitle: t\nsources: [{ note: n }]\namends: ${target}\neffective: 2000-01-01\nchanges:\n  - set: { title: changed }\n`;
    const ds = diagnosticsOf({
      ...base,
      'a1.yaml': amendment('amend-a', 'amend-b'),
      'a2.yaml': amendment('amend-b', 'amend-a'),
    });
    expect(ds.map((d) => d.code)).toContain('E_CIRCULAR_AMENDMENT');
  });
  it('reports an amendment that sets a field the target does not have', () => {
    const a = `kind: Amendment\nid: a1\ntitle: t\nsources: [{ note: n }]\namends: policy-nld\neffective: 2000-01-01\nchanges:\n  - set: { channels.labour.quotaa: 5 }\n`;
    const d = only({ ...base, 'a.yaml': a });
    expect(d).toMatchObject({ code: 'E_UNKNOWN_PATH', file: 'a.yaml', line: 8 });
    expect(d.message).toMatch(/unknown field 'quotaa'/);
  });
  it('reports an amendment value of the wrong type', () => {
    const a = `kind: Amendment\nid: a1\ntitle: t\nsources: [{ note: n }]\namends: policy-nld\neffective: 2000-01-01\nchanges:\n  - set: { enforcement.border: "high" }\n`;
    expect(only({ ...base, 'a.yaml': a }).message).toMatch(/expected number/);
  });
  it('reports a history entry dated before the document is in force', () => {
    const p = policyYaml(
      'policy-nld',
      'history:\n  - { from: 1980-01-01, set: { channels.labour.quota: 5 }, source: { note: n } }\n',
    );
    expect(only({ ...base, 'p.yaml': p }).code).toBe('E_HISTORY_BEFORE_VALIDITY');
  });
  it('loads nothing when one file of many is bad', () => {
    const r = check({ ...base, 'bad.yaml': 'kind: Nope\n' });
    expect(r.ok).toBe(false);
  });
});
