import { type ChartRendererKind, chartRendererKinds } from '../config/metrics-schema.js';
import { LazyChartRenderer } from '../integrations/chartjs/lazy-chart-renderer.js';
import type { ChartRenderer } from '../metrics/model.js';

/** The registry of chart renderer kinds: the renderer behind the ChartRenderer port. */
export function buildChartRenderer(kind: ChartRendererKind = chartRendererKinds[0]): ChartRenderer {
  // Exhaustive over the schema's kinds: a new kind is its schema, its adapter and one case here.
  switch (kind) {
    case 'chartjs':
      return new LazyChartRenderer();
  }
}
