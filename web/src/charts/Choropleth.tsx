/**
 * A world choropleth: Natural Earth country shapes from the world-atlas package (bundled, no
 * network), joined to values by ISO 3166 numeric code, drawn with Observable Plot's geo mark.
 */
import { useCallback, useMemo } from 'react';
import * as Plot from '@observablehq/plot';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import atlas from 'world-atlas/countries-110m.json';
import { PlotFigure } from './PlotFigure.tsx';
import { formatNumber } from './format.ts';

type CountryFeature = Feature<Geometry, { name: string }> & { id?: string | number };

const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(topology, topology.objects.countries) as FeatureCollection<
  Geometry,
  { name: string }
>;

/** Shapes' numeric ids as numbers ("004" → 4). */
const numericId = (f: CountryFeature) => Number(f.id);

export function Choropleth({
  values,
  names,
  title,
  width = 960,
}: {
  values: Map<number, number>;
  names: Map<number, string>;
  title: string;
  width?: number;
}) {
  const features = useMemo(() => countries.features as CountryFeature[], []);
  const make = useCallback(() => {
    const known = [...values.values()].filter((v) => Number.isFinite(v));
    const positive = known.length > 0 && known.every((v) => v > 0);
    // Counts and shares (zero or more) read best on a sequential scale; only signed values diverge.
    const nonNegative = known.every((v) => v >= 0);
    return Plot.plot({
      width,
      height: Math.round(width * 0.5) + 70, // room for the title and legend above the globe
      projection: 'equal-earth',
      title,
      color: {
        type: positive ? 'log' : nonNegative ? 'sqrt' : 'diverging',
        scheme: nonNegative ? 'ylgnbu' : 'rdbu',
        legend: true,
        label: title,
        tickFormat: formatNumber,
        unknown: '#e8e8e8',
      },
      marks: [
        Plot.sphere({ fill: '#f6f9fc', stroke: '#c9d3dc' }),
        Plot.geo(features, {
          fill: (f: CountryFeature) => values.get(numericId(f)) ?? null,
          stroke: 'white',
          strokeWidth: 0.4,
          title: (f: CountryFeature) =>
            `${names.get(numericId(f)) ?? f.properties.name}: ${formatNumber(values.get(numericId(f)))}`,
        }),
      ],
    });
  }, [features, values, names, title, width]);
  return <PlotFigure make={make} className="map" label={`map of ${title}`} />;
}
