/** Renders an Observable Plot chart (SVG) into the page, again whenever `make` changes. */
import { useEffect, useRef } from 'react';

export function PlotFigure({
  make,
  className,
  label,
}: {
  make: () => Element;
  className?: string;
  label?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = make();
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, [make]);
  return <div ref={ref} className={`plot ${className ?? ''}`} aria-label={label} role="figure" />;
}
