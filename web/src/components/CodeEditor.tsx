/**
 * A plain textarea with a line-number gutter that scrolls with it. Lines with a problem are marked
 * in the gutter (class `error`, the message as its title); `jumpTo` puts the caret at a line and
 * column.
 */
import { forwardRef, useImperativeHandle, useRef } from 'react';

export interface CodeEditorHandle {
  jumpTo(line: number, col: number): void;
}

interface Props {
  value: string;
  onChange(value: string): void;
  /** Messages by 1-based line. */
  problems: Map<number, string[]>;
  label: string;
}

export const CodeEditor = forwardRef<CodeEditorHandle, Props>(function CodeEditor(
  { value, onChange, problems, label },
  ref,
) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lines = value.split('\n').length;
  useImperativeHandle(ref, () => ({
    jumpTo(line, col) {
      const el = area.current;
      if (!el) return;
      const starts = value.split('\n');
      let offset = 0;
      for (let i = 0; i < line - 1 && i < starts.length; i++) offset += starts[i].length + 1;
      offset += Math.max(0, col - 1);
      el.focus();
      el.setSelectionRange(offset, offset);
      const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
      el.scrollTop = Math.max(0, (line - 4) * lineHeight);
    },
  }));
  return (
    <div className="code-editor">
      <div className="gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => {
          const msgs = problems.get(i + 1);
          return (
            <div key={i} data-line={i + 1} className={msgs ? 'error' : undefined} title={msgs?.join('\n')}>
              {i + 1}
            </div>
          );
        })}
      </div>
      <textarea
        ref={area}
        aria-label={label}
        spellCheck={false}
        wrap="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
      />
    </div>
  );
});
