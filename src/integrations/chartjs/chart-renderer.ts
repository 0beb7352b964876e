import { createCanvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import type { ChartRenderer, Point } from '../../metrics/model.js';

const WIDTH = 900;
const HEIGHT = 420;

function label(at: Date, spanMs: number): string {
  const iso = at.toISOString();
  return spanMs > 2 * 86_400_000 ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
}

/** Charts drawn locally with chart.js on a headless canvas (@napi-rs/canvas: prebuilt, no network). */
export class ChartJsRenderer implements ChartRenderer {
  constructor() {
    Chart.register(...registerables);
  }

  async render(chart: {
    title: string;
    unit: string;
    target: number;
    points: readonly Point[];
  }): Promise<Buffer> {
    const { points } = chart;
    const span = points.length > 1 ? points[points.length - 1]!.at.getTime() - points[0]!.at.getTime() : 0;
    const canvas = createCanvas(WIDTH, HEIGHT);
    const config: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels: points.map((p) => label(p.at, span)),
        datasets: [
          {
            label: chart.unit ? `value (${chart.unit})` : 'value',
            data: points.map((p) => p.value),
            borderColor: '#1f77b4',
            backgroundColor: 'rgba(31,119,180,0.15)',
            fill: true,
            pointRadius: 0,
            borderWidth: 2,
          },
          {
            label: `target ${chart.target}${chart.unit === '%' || !chart.unit ? chart.unit : ` ${chart.unit}`}`,
            data: points.map(() => chart.target),
            borderColor: '#d62728',
            borderDash: [6, 4],
            pointRadius: 0,
            borderWidth: 1.5,
          },
        ],
      },
      options: {
        animation: false,
        responsive: false,
        layout: { padding: 12 },
        plugins: { title: { display: true, text: chart.title }, legend: { position: 'bottom' } },
        scales: { x: { ticks: { maxTicksLimit: 10 } } },
      },
    };
    // chart.js accepts any canvas with a 2D context; @napi-rs/canvas provides one without a DOM.
    const instance = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], config);
    try {
      const background = canvas.getContext('2d');
      background.globalCompositeOperation = 'destination-over';
      background.fillStyle = '#ffffff';
      background.fillRect(0, 0, WIDTH, HEIGHT);
      return await canvas.encode('png');
    } finally {
      instance.destroy();
    }
  }
}
