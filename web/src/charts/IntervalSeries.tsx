/**
 * One indicator over the years for two or more regimes: each regime's mean as a line and its
 * interval as a band (Observable Plot areaY + lineY). One of these per indicator makes the
 * Compare page's small multiples; each keeps its own y scale.
 */
import { useCallback } from 'react';
import * as Plot from '@observablehq/plot';
import { PlotFigure } from './PlotFigure.tsx';
import { formatNumber, label, yearTicks } from './format.ts';

export interface IntervalPoint {
  year: number;
  label: string;
  mean: number | null;
  lo: number | null;
  hi: number | null;
}

export function IntervalSeries({
  indicator,
  points,
  labels,
  width = 340,
}: {
  indicator: string;
  points: IntervalPoint[];
  labels: string[];
  width?: number;
}) {
  const make = useCallback(() => {
    const banded = points.filter((p) => p.lo !== null && p.hi !== null);
    return Plot.plot({
      width,
      height: 200,
      marginLeft: 56,
      title: label(indicator),
      x: { label: null, tickFormat: 'd', ticks: yearTicks(points) },
      y: { label: null, grid: true, tickFormat: formatNumber },
      color: { domain: labels, legend: false, scheme: 'tableau10' },
      marks: [
        Plot.areaY(banded, { x: 'year', y1: 'lo', y2: 'hi', fill: 'label', fillOpacity: 0.18 }),
        Plot.lineY(points, { x: 'year', y: 'mean', stroke: 'label', strokeWidth: 2 }),
        Plot.ruleY([0], { strokeOpacity: 0.2 }),
        Plot.tip(
          points,
          Plot.pointerX({
            x: 'year',
            y: 'mean',
            stroke: 'label',
            title: (d: IntervalPoint) =>
              `${d.label} ${d.year}\nmean ${formatNumber(d.mean)}\ninterval ${formatNumber(d.lo)} – ${formatNumber(d.hi)}`,
          }),
        ),
      ],
    });
  }, [indicator, points, labels, width]);
  return <PlotFigure make={make} className="small-multiple" label={`${indicator} by regime`} />;
}

/** A colour key for the regimes of a comparison. */
export function RegimeLegend({ labels }: { labels: string[] }) {
  const make = useCallback(
    () => Plot.legend({ color: { domain: labels, scheme: 'tableau10' } }) as Element,
    [labels],
  );
  return <PlotFigure make={make} className="legend" label="regimes" />;
}
