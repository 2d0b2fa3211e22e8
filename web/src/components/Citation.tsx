import type { Source } from '../api/types.ts';

/** A citation on one line: instrument, article, page, seed section, with its link. */
export function Citation({ source }: { source?: Source }) {
  if (!source) return null;
  const parts: string[] = [];
  if (source.instrument) parts.push(source.instrument);
  if (source.article) parts.push(`Art ${source.article}${source.paragraph ? `(${source.paragraph})` : ''}`);
  else if (source.paragraph) parts.push(`para ${source.paragraph}`);
  if (source.page) parts.push(`p. ${source.page}`);
  if (source.seed) parts.push(`Overbeek 2002 ${source.seed}`);
  return (
    <span className="citation">
      {parts.join(', ')}
      {source.url && (
        <>
          {parts.length ? ' ' : ''}
          <a href={source.url} target="_blank" rel="noreferrer noopener">
            {parts.length ? 'text' : source.url}
          </a>
        </>
      )}
      {source.note && <span className="note"> — {source.note}</span>}
    </span>
  );
}
