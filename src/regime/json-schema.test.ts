import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { documentJsonSchema } from './json-schema.ts';

describe('the exported JSON Schema', () => {
  it('is the one committed in schema/ (regenerate with `npm run schema`)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../schema/regime-document.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(documentJsonSchema());
  });
  it('describes every document kind', () => {
    const text = JSON.stringify(documentJsonSchema());
    for (const kind of [
      'Instrument',
      'Convention',
      'NationalPolicy',
      'RegionalProcess',
      'Agreement',
      'Institution',
      'Regime',
      'Scenario',
      'Amendment',
      'Case',
    ]) {
      expect(text).toContain(`"const":"${kind}"`);
    }
  });
});
