import type { ChartRenderer, Point } from '../../metrics/model.js';

type Load = () => Promise<{ ChartJsRenderer: new () => ChartRenderer }>;

/**
 * chart.js and the native @napi-rs/canvas binding are loaded at the first chart, not at start:
 * most processes never draw one, and the binding is the largest native module the bot has.
 */
export class LazyChartRenderer implements ChartRenderer {
  private renderer?: Promise<ChartRenderer>;

  constructor(private readonly load: Load = () => import('./chart-renderer.js')) {}

  async render(chart: { title: string; unit: string; target: number; points: readonly Point[] }) {
    this.renderer ??= this.load()
      .then(({ ChartJsRenderer }) => new ChartJsRenderer())
      .catch((error: unknown) => {
        this.renderer = undefined;
        throw error;
      });
    return (await this.renderer).render(chart);
  }
}
