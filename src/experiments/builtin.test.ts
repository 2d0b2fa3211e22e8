import { describe, expect, it } from 'vitest';
import { loadBuiltinLibrary } from '../regime/index.ts';
import { checkParameterNames } from './arm.ts';
import { BUILTIN_EXPERIMENTS, findExperiment } from './execute.ts';

describe('the built-in experiments', () => {
  const lib = loadBuiltinLibrary();
  it.each([...BUILTIN_EXPERIMENTS])(
    '%s declares its audit and the ranges its flip is searched in',
    (name) => {
      const { doc } = findExperiment(lib, name);
      expect(doc.audit?.inputs.length).toBeGreaterThan(0);
      expect(doc.audit?.emergent.length).toBeGreaterThan(0);
      expect(doc.sensitivity?.parameters.length).toBeGreaterThan(0);
      for (const p of doc.sensitivity!.parameters) expect(p.low).toBeLessThan(p.high);
      expect(() => checkParameterNames(doc)).not.toThrow();
    },
  );
});
