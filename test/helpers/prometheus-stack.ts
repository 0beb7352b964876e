import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollUntil } from './poll.js';

const PROMETHEUS = 'prometheus';
const ALERTMANAGER = 'prometheus-alertmanager';

function installed(binary: string): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Whether real Prometheus and Alertmanager can run here; CI installs them (.ci/run), laptops may not. */
export function stackAvailable(): boolean {
  // In CI (.ci/run installs both) a missing binary must fail the suite, never skip it.
  const ok = (installed(PROMETHEUS) && installed(ALERTMANAGER)) || process.env.CI === 'true';
  if (!ok)
    console.warn(
      'SKIPPED: real Prometheus/Alertmanager suites need the Debian packages `prometheus` and ' +
        '`prometheus-alertmanager` (apt-get install -y --no-install-recommends prometheus prometheus-alertmanager).',
    );
  return ok;
}

/** A port nothing listens on right now, for a child process that must be told its port up front. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface StackPorts {
  prometheus: number;
  alertmanager: number;
}

export interface StackOptions {
  ports: StackPorts;
  /** host:port targets Prometheus scrapes every second. */
  scrapeTargets: string[];
  /** Prometheus rule groups (YAML text under `groups:`). */
  rules: string;
  /** Where Alertmanager posts (the bot's /webhooks/alertmanager). */
  webhookUrl: string;
  webhookToken?: string;
}

/** Real Prometheus + Alertmanager on loopback ports with temp storage; stop() kills both and cleans up. */
export class PrometheusStack {
  private constructor(
    private readonly children: ChildProcess[],
    private readonly dir: string,
    readonly prometheusUrl: string,
    readonly alertmanagerUrl: string,
    readonly output: () => string,
  ) {}

  static async start(options: StackOptions): Promise<PrometheusStack> {
    const dir = await mkdtemp(join(tmpdir(), 'bers-prom-'));
    const { prometheus, alertmanager } = options.ports;
    const prometheusUrl = `http://127.0.0.1:${prometheus}`;
    const alertmanagerUrl = `http://127.0.0.1:${alertmanager}`;
    await writeFile(join(dir, 'rules.yml'), `groups:\n${options.rules}`);
    await writeFile(
      join(dir, 'prometheus.yml'),
      `global: { scrape_interval: 1s, evaluation_interval: 1s }
rule_files: [${JSON.stringify(join(dir, 'rules.yml'))}]
alerting:
  alertmanagers: [{ static_configs: [{ targets: ['127.0.0.1:${alertmanager}'] }] }]
scrape_configs:
  - job_name: test
    static_configs: [{ targets: ${JSON.stringify(options.scrapeTargets)} }]
`,
    );
    const auth = options.webhookToken
      ? `\n        http_config: { authorization: { type: Bearer, credentials: ${JSON.stringify(options.webhookToken)} } }`
      : '';
    await writeFile(
      join(dir, 'alertmanager.yml'),
      `route:
  receiver: bot
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: bot
    webhook_configs:
      - url: ${JSON.stringify(options.webhookUrl)}
        send_resolved: true${auth}
`,
    );
    let log = '';
    const spawnLogged = (command: string, args: string[]) => {
      const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (d) => (log += String(d)));
      child.stderr?.on('data', (d) => (log += String(d)));
      return child;
    };
    const children = [
      spawnLogged(ALERTMANAGER, [
        `--config.file=${join(dir, 'alertmanager.yml')}`,
        `--storage.path=${join(dir, 'am-data')}`,
        `--web.listen-address=127.0.0.1:${alertmanager}`,
        `--web.external-url=${alertmanagerUrl}`,
        '--cluster.listen-address=',
      ]),
      spawnLogged(PROMETHEUS, [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'prom-data')}`,
        `--web.listen-address=127.0.0.1:${prometheus}`,
        '--rules.alert.resend-delay=1s',
      ]),
    ];
    const stack = new PrometheusStack(children, dir, prometheusUrl, alertmanagerUrl, () => log);
    try {
      await waitReady(`${alertmanagerUrl}/-/ready`, stack);
      await waitReady(`${prometheusUrl}/-/ready`, stack);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await rm(this.dir, { recursive: true, force: true });
  }
}

async function waitReady(url: string, stack: PrometheusStack, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms\n${stack.output().slice(-2000)}`);
}

/** Polls `fn` until it returns something truthy (real peers settle in their own time). */
export async function eventually<T>(
  fn: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  return pollUntil(fn, { what, timeoutMs, intervalMs: 250 });
}
