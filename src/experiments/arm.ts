/**
 * An experiment arm as simulation input: its regime, with the arm's policy changes appended to the
 * regime's own adjustments (a derived regime in an overlay library, so the policy tables compiled
 * from it differ only by them), and its parameters split between the engine (src/sim/parameters.ts)
 * and the institutions layer (src/institutions/parameters.ts). Unknown names are user errors.
 */
import { createHash } from 'node:crypto';
import type { ExperimentArm, Library, Regime, RegimeDocument } from '../regime/index.ts';
import { overlayLibrary } from '../regime/index.ts';
import { userError } from '../shared/errors.ts';
import { PARAMETER_INFO, checkParameter } from '../sim/index.ts';
import type { Parameters } from '../sim/index.ts';
import { INSTITUTION_PARAMETERS } from '../institutions/index.ts';
import type { InstitutionParameters } from '../institutions/index.ts';
import { ROOT_CAUSE_PARAMETERS } from '../rootcauses/parameters.ts';
import type { RootCauseParameters } from '../rootcauses/parameters.ts';

/** Whether a name is an engine parameter. */
export function isEngineParameter(name: string): name is keyof Parameters {
  return Object.hasOwn(PARAMETER_INFO, name);
}

/** Splits named values between the engine, the institutions layer and the root-cause levers. */
export function splitParameters(
  values: Readonly<Record<string, number>>,
  where = 'parameters',
): {
  engine: Partial<Parameters>;
  institutions: Partial<InstitutionParameters>;
  rootCauses: Partial<RootCauseParameters>;
} {
  const engine: Partial<Parameters> = {};
  const institutions: Partial<InstitutionParameters> = {};
  const rootCauses: Partial<RootCauseParameters> = {};
  for (const [name, v] of Object.entries(values)) {
    if (!Number.isFinite(v))
      throw userError('E_EXPERIMENT_PARAMETER', `${where}: ${name} must be a finite number`);
    if (isEngineParameter(name)) {
      checkParameter(name, v, where);
      engine[name] = v;
    } else if (INSTITUTION_PARAMETERS.has(name)) {
      INSTITUTION_PARAMETERS.check(name, v, where);
      institutions[name] = v;
    } else if (ROOT_CAUSE_PARAMETERS.has(name)) {
      ROOT_CAUSE_PARAMETERS.check(name, v, where);
      rootCauses[name] = v;
    } else
      throw userError(
        'E_EXPERIMENT_PARAMETER',
        `${where}: unknown parameter '${name}' (not an engine parameter of src/sim/parameters.ts, an institutions parameter of src/institutions/parameters.ts or a root-cause parameter of src/rootcauses/parameters.ts)`,
      );
  }
  return { engine, institutions, rootCauses };
}

/** Checks every parameter name an experiment uses (arms and sensitivity) before any run. */
export function checkParameterNames(exp: {
  id: string;
  arms: readonly ExperimentArm[];
  sensitivity?: { parameters: readonly { name: string; low: number; high: number }[] };
}): void {
  for (const a of exp.arms) splitParameters(a.parameters ?? {}, `experiment ${exp.id}, arm ${a.id}`);
  for (const p of exp.sensitivity?.parameters ?? []) {
    splitParameters({ [p.name]: p.low }, `experiment ${exp.id}, sensitivity (low)`);
    splitParameters({ [p.name]: p.high }, `experiment ${exp.id}, sensitivity (high)`);
    // An arm's own value wins over a design point's: a parameter every arm sets would vary nothing.
    if (exp.arms.every((a) => a.parameters && Object.hasOwn(a.parameters, p.name)))
      throw userError(
        'E_EXPERIMENT_PARAMETER',
        `experiment ${exp.id}, sensitivity: every arm sets ${p.name}, so varying it would change nothing`,
      );
  }
}

/** Id of the derived regime of an arm with policy changes (stable: a hash of the changes). */
export function derivedRegimeId(arm: ExperimentArm): string {
  if (!arm.policy?.length) return arm.regime;
  const h = createHash('sha256').update(JSON.stringify(arm.policy)).digest('hex').slice(0, 10);
  return `${arm.regime}-arm-${h}`;
}

/** The library and regime id an arm runs under. */
export function armLibrary(base: Library, arm: ExperimentArm): { library: Library; regimeId: string } {
  if (!arm.policy?.length) return { library: base, regimeId: arm.regime };
  const loaded = base.require(arm.regime, 'Regime');
  const regime = loaded.doc as Regime;
  const id = derivedRegimeId(arm);
  const doc: Regime = {
    ...regime,
    id,
    adjustments: [
      ...(regime.adjustments ?? []),
      ...arm.policy.map((p) => ({ ...p })),
    ] as Regime['adjustments'],
  };
  return { library: overlayLibrary(base, [{ ...loaded, doc: doc as RegimeDocument }]), regimeId: id };
}
