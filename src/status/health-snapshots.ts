import type { Clock } from '../core/clock.js';
import type { HealthService } from '../health/health-service.js';
import type { HealthReport } from '../health/model.js';
import type { ServiceHealthProbe } from '../incident/page-context.js';

/**
 * Every service's health, checked at most once per `maxAgeMs` however many ask: the public status
 * page (anyone may load it, any number of times) and the pages' context share one recent report,
 * and concurrent askers wait for the one check in flight instead of starting their own.
 */
export class HealthSnapshots implements ServiceHealthProbe {
  private latest: HealthReport | undefined;
  private inFlight: Promise<HealthReport> | undefined;

  constructor(
    private readonly health: HealthService,
    private readonly clock: Clock,
    private readonly maxAgeMs = 30_000,
  ) {}

  async current(): Promise<HealthReport> {
    const latest = this.latest;
    if (latest && this.clock.now().getTime() - latest.at.getTime() < this.maxAgeMs) return latest;
    this.inFlight ??= this.health
      .check()
      .then((report) => {
        this.latest = report;
        return report;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  async failing(services: readonly string[]): Promise<string[]> {
    const report = await this.current();
    return report.services
      .filter((s) => services.includes(s.service))
      .flatMap((s) =>
        s.checks
          .filter((c) => c.status !== 'healthy')
          .map((c) => `${s.service} · ${c.name}: ${c.reason ?? c.status}`),
      );
  }
}
