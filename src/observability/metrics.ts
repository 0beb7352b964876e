import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The bot's own Prometheus metrics, on a registry of its own (nothing module-global). */
export class BotMetrics {
  readonly registry = new Registry();
  private readonly commands: Counter<'subcommand' | 'outcome'>;
  private readonly commandSeconds: Histogram<'subcommand' | 'outcome'>;
  private readonly checkSeconds: Histogram<'service' | 'check' | 'status'>;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'bers_' });
    this.commands = new Counter({
      name: 'bers_commands_total',
      help: 'Commands handled, by subcommand and outcome',
      labelNames: ['subcommand', 'outcome'],
      registers: [this.registry],
    });
    this.commandSeconds = new Histogram({
      name: 'bers_command_duration_seconds',
      help: 'Time from receiving a command to having its reply',
      labelNames: ['subcommand', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
      registers: [this.registry],
    });
    this.checkSeconds = new Histogram({
      name: 'bers_check_duration_seconds',
      help: 'Health check latency, by service and check',
      labelNames: ['service', 'check', 'status'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers: [this.registry],
    });
  }

  observeCommand(subcommand: string, outcome: string, seconds: number): void {
    this.commands.inc({ subcommand, outcome });
    this.commandSeconds.observe({ subcommand, outcome }, seconds);
  }

  observeCheck(service: string, check: string, status: string, latencyMs: number): void {
    this.checkSeconds.observe({ service, check, status }, latencyMs / 1000);
  }

  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
