import type { ApiError } from '../api/client.ts';

/** An API error as the user sees it: message, code and each diagnostic with its place. */
export function ErrorBox({ error }: { error?: ApiError | null }) {
  if (!error) return null;
  return (
    <div className="error-box" role="alert">
      <strong>{error.message}</strong> <code>{error.code}</code>
      {error.diagnostics.length > 1 && (
        <ul>
          {error.diagnostics.map((d, i) => (
            <li key={i}>
              {d.line ? `${d.line}:${d.col ?? 1} ` : ''}
              {d.message}
              {d.path?.length ? ` (at ${d.path.join('.')})` : ''} <code>{d.code}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
