import type { DocumentRow } from '../api/types.ts';

/**
 * A labelled text input for the id of a library document (a scenario, a regime), offering the ids
 * of the documents of that kind as suggestions; any other id may still be typed.
 */
export function DocumentIdInput({
  name,
  documents,
  value,
  placeholder = documents?.[0]?.id ?? `${name} id`,
  onChange,
}: {
  /** What the id names, e.g. `scenario`: the label and the input's accessible name. */
  name: string;
  documents?: DocumentRow[];
  value: string;
  /** Shown while empty; default: the first document's id. */
  placeholder?: string;
  onChange(value: string): void;
}) {
  const listId = `${name}-ids`;
  return (
    <label>
      {name}{' '}
      <input
        aria-label={name}
        list={listId}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {documents?.map((d) => (
          <option key={d.id} value={d.id} />
        ))}
      </datalist>
    </label>
  );
}
