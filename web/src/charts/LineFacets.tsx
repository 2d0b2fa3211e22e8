/** A run's world totals: one small line chart per indicator (each with its own y scale). */
import { useCallback } from 'react';
import * as Plot from '@observablehq/plot';
import { PlotFigure } from './PlotFigure.tsx';
import { formatNumber, label, yearTicks } from './format.ts';

export function LineChart({
  indicator,
  rows,
  width = 300,
}: {
  indicator: string;
  rows: { year: number; value: number | null }[];
  width?: number;
}) {
  const make = useCallback(
    () =>
      Plot.plot({
        width,
        height: 170,
        marginLeft: 56,
        title: label(indicator),
        x: { label: null, tickFormat: 'd', ticks: yearTicks(rows) },
        y: { label: null, grid: true, tickFormat: formatNumber },
        marks: [
          Plot.lineY(rows, { x: 'year', y: 'value', stroke: '#2c6e9b', strokeWidth: 2 }),
          Plot.dot(rows, { x: 'year', y: 'value', r: 2, fill: '#2c6e9b' }),
        ],
      }),
    [indicator, rows, width],
  );
  return <PlotFigure make={make} className="small-multiple" label={indicator} />;
}
