/** Compliance scores as a ranked bar chart (0–100). */
import { useCallback } from 'react';
import * as Plot from '@observablehq/plot';
import { PlotFigure } from './PlotFigure.tsx';

export function Ranking({ rows }: { rows: { name: string; score: number }[] }) {
  const make = useCallback(
    () =>
      Plot.plot({
        width: 420,
        height: Math.max(120, 22 * rows.length + 40),
        marginLeft: 150,
        x: { domain: [0, 100], label: 'score (0–100)', grid: true },
        y: { label: null },
        marks: [
          Plot.barX(rows, {
            y: 'name',
            x: 'score',
            sort: { y: '-x' },
            fill: (d: { score: number }) => d.score,
            fillOpacity: 0.9,
          }),
          Plot.text(rows, {
            y: 'name',
            x: 'score',
            text: (d: { score: number }) => d.score.toFixed(0),
            dx: 12,
          }),
        ],
        color: { type: 'linear', domain: [0, 100], scheme: 'rdylgn' },
      }),
    [rows],
  );
  return <PlotFigure make={make} className="ranking" label="compliance ranking" />;
}
