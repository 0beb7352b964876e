import { ServiceNames } from '../config/service-names.js';
import type { Clock } from '../core/clock.js';
import { didYouMean } from '../core/did-you-mean.js';
import { NotFoundError } from '../core/errors.js';
import { type HealthReport, type ServiceHealth, serviceStatusOf, worstOf } from './model.js';
import { type CheckEntry, type CheckOptions, Deadline } from './run-check.js';
import { SharedCheck } from './shared-check.js';

export interface ServiceChecks {
  service: string;
  /** Other names it answers to (`api`, `backend`). */
  aliases?: readonly string[];
  description?: string;
  checks: CheckEntry[];
}

/**
 * User input shown back in a code span: a backtick would end it. (`<!here>` in it stays text
 * because error texts are plain and escaped when rendered.)
 */
function quoteInput(name: string): string {
  const clean = name.replace(/`/g, '').slice(0, 60);
  return `\`${clean || '?'}\``;
}

/** Told about every finished check (metrics); keeps the domain free of prom-client. */
export type CheckObserver = (service: string, check: string, status: string, latencyMs: number) => void;

export interface HealthTiming {
  /** The whole run's answer is due by then. */
  deadlineMs: number;
  /** A check's answer is shared by the runs that ask within this long of it (SharedCheck). */
  reuseResultsMs: number;
}

interface SharedServiceChecks extends Omit<ServiceChecks, 'checks'> {
  checks: SharedCheck[];
}

/** Runs every configured check concurrently and summarises each service. */
export class HealthService {
  private readonly services: readonly SharedServiceChecks[];
  private readonly byName: Map<string, SharedServiceChecks>;
  private readonly names: ServiceNames;

  constructor(
    services: readonly ServiceChecks[],
    private readonly timing: HealthTiming,
    private readonly clock: Clock,
    private readonly observe: CheckObserver = () => {},
  ) {
    this.services = services.map((s) => ({
      ...s,
      checks: s.checks.map(
        (entry) =>
          new SharedCheck(entry, timing.reuseResultsMs, clock, (c) =>
            this.observe(s.service, c.name, c.status, c.latencyMs),
          ),
      ),
    }));
    this.byName = new Map(this.services.map((s) => [s.service, s]));
    this.names = new ServiceNames(services.map((s) => ({ name: s.service, aliases: s.aliases })));
  }

  serviceNames(): string[] {
    return this.services.map((s) => s.service);
  }

  /** Checks the named services (all when none are named); unknown names are refused with the known ones. */
  async check(names: readonly string[] = [], options: CheckOptions = {}): Promise<HealthReport> {
    const selected = names.length === 0 ? this.services : this.select(names);
    const started = performance.now();
    const at = this.clock.now();
    const deadline = new Deadline(this.timing.deadlineMs);
    const checked = await Promise.all(selected.map((s) => this.checkService(s, deadline, options))).finally(
      () => deadline.dispose(),
    );
    const services = checked.map((c) => c.health);
    const sharedAgeMs = Math.max(0, ...checked.map((c) => c.sharedAgeMs));
    return {
      at,
      durationMs: Math.round(performance.now() - started),
      ...(sharedAgeMs > 0 ? { sharedAgeMs } : {}),
      overall: worstOf(services.map((s) => s.status)),
      services,
    };
  }

  private select(names: readonly string[]): SharedServiceChecks[] {
    const unknown = names.filter((n) => this.names.canonical(n) === undefined);
    if (unknown.length > 0) {
      const known = this.serviceNames();
      // A suggestion only for a single typo; with several unknown names the list says enough.
      const hint = unknown.length === 1 ? didYouMean(unknown[0]!, known) : '';
      throw new NotFoundError(
        `Unknown service${unknown.length > 1 ? 's' : ''}: ${unknown.map(quoteInput).join(', ')}.${hint} ` +
          `Known services: ${known.map((n) => `\`${n}\``).join(', ')}.`,
      );
    }
    return [...new Set(names.map((n) => this.names.resolve(n)))].map((n) => this.byName.get(n)!);
  }

  private async checkService(
    service: SharedServiceChecks,
    deadline: Deadline,
    options: CheckOptions,
  ): Promise<{ health: ServiceHealth; sharedAgeMs: number }> {
    // Each call is observed once, when it answers (SharedCheck), not by every run it answered.
    const answers = await Promise.all(service.checks.map((check) => check.run(deadline, options)));
    const checks = answers.map((a) => a.result);
    const status = serviceStatusOf(checks);
    const failing = checks.filter((c) => c.status !== 'healthy');
    const health: ServiceHealth = {
      service: service.service,
      description: service.description,
      status,
      latencyMs: Math.max(0, ...checks.map((c) => c.latencyMs)),
      reason: failing.map((c) => `${c.name}: ${c.reason ?? c.status}`).join('; ') || undefined,
      checks,
    };
    return { health, sharedAgeMs: Math.max(0, ...answers.map((a) => a.ageMs)) };
  }
}
