import type { LeverForm, LeverName, LeverSetting } from '../levers.ts';
import { LEVER_CONTROLS } from '../levers.ts';

/**
 * The root-cause levers of a run or a comparison (docs/model.md §9.4): a row per lever, switched on
 * with its checkbox, with its size and first year. Levers left off change nothing.
 */
export function LeverControls({ form, onChange }: { form: LeverForm; onChange(form: LeverForm): void }) {
  const set = (lever: LeverName, change: Partial<LeverSetting>) =>
    onChange({ ...form, [lever]: { ...form[lever], ...change } });
  return (
    <fieldset className="levers">
      <legend>root-cause levers (docs/model.md §9.4; off: history)</legend>
      {LEVER_CONTROLS.map((c) => {
        const s = form[c.lever];
        return (
          <div className="lever" key={c.lever} data-lever={c.lever}>
            <label>
              <input
                type="checkbox"
                aria-label={`lever ${c.lever}`}
                checked={s.on}
                onChange={(e) => set(c.lever, { on: e.target.checked })}
              />{' '}
              {c.label}
            </label>{' '}
            <label>
              {c.field}{' '}
              <input
                type="number"
                aria-label={`${c.lever} ${c.field}`}
                min={c.min}
                max={c.max}
                step={c.step}
                value={s.value}
                disabled={!s.on}
                onChange={(e) => set(c.lever, { value: Number(e.target.value) })}
              />
            </label>{' '}
            <label>
              from{' '}
              <input
                type="number"
                aria-label={`${c.lever} year`}
                min={1950}
                max={2100}
                value={s.year}
                disabled={!s.on}
                onChange={(e) => set(c.lever, { year: Number(e.target.value) })}
              />
            </label>
            {c.lever === 'social_protection_floor' && (
              <label>
                {' '}
                <input
                  type="checkbox"
                  aria-label="floor reaches irregular migrants"
                  checked={s.reachesIrregular ?? false}
                  disabled={!s.on}
                  onChange={(e) => set(c.lever, { reachesIrregular: e.target.checked })}
                />{' '}
                also migrants in an irregular situation (ILO R202 §6 leaves them to national law)
              </label>
            )}
            <span className="hint">
              {' '}
              {c.where}; history at {c.neutral}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}
