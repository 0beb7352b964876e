import { describe, expect, it } from 'vitest';
import { LazyChartRenderer } from '../../../../src/integrations/chartjs/lazy-chart-renderer.js';

describe('heavy integrations load on first use', () => {
  it('a failed load is tried again at the next use', async () => {
    let attempt = 0;
    const charts = new LazyChartRenderer(async () => {
      if (++attempt === 1) throw new Error('binding missing');
      return {
        ChartJsRenderer: class {
          render = async () => Buffer.from('png');
        },
      };
    });
    const chart = { title: 't', unit: '%', target: 1, points: [] };
    await expect(charts.render(chart)).rejects.toThrow('binding missing');
    expect(String(await charts.render(chart))).toBe('png');
  });
});
