import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Prometheus exporter on 127.0.0.1 whose gauges tests set: `set('bers_test_fire', 1)`. */
export class TinyExporter {
  private readonly gauges = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(initial: Record<string, number> = {}): Promise<TinyExporter> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const exporter = new TinyExporter(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    for (const [name, value] of Object.entries(initial)) exporter.set(name, value);
    server.on('request', (_req, res) => {
      const body = [...exporter.gauges]
        .map(([name, value]) => `# TYPE ${name} gauge\n${name} ${value}\n`)
        .join('');
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(body);
    });
    return exporter;
  }

  /** host:port, for a scrape config. */
  get target(): string {
    return this.url.replace('http://', '');
  }

  set(name: string, value: number): void {
    this.gauges.set(name, value);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
