import { Agent } from 'undici';
import type { BotConfig } from '../config/schema.js';
import type { Clock } from '../core/clock.js';
import { createChecker } from './checks/create-checker.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { type CheckObserver, HealthService } from './health-service.js';
import type { HealthProbes } from './probes.js';

/** Connections open at once to one host (scheme, name and port); more checks queue for them. */
const CONNECTIONS_PER_HOST = 256;

/**
 * Builds the health service for the configured services: one checker and one breaker per check.
 * The probes (the vendor clients) come from the composition root (src/wiring/health-probes.ts).
 */
export function buildHealthService(
  config: BotConfig,
  clock: Clock,
  probes: HealthProbes,
  observe?: CheckObserver,
): HealthService {
  const { timeoutMs, deadlineMs, reuseResultsMs, circuitBreaker } = config.health;
  // One pool per host for every HTTP check, kept alive between runs: a run over thousands of
  // services behind one ingress reuses a bounded set of connections instead of opening one per
  // check (and running out of file descriptors); distinct hosts each get their own.
  const http = new Agent({ connections: CONNECTIONS_PER_HOST, keepAliveTimeout: 30_000 });
  const services = config.services.map((service) => ({
    service: service.name,
    aliases: service.aliases,
    description: service.description,
    checks: service.checks.map((check) => ({
      name: check.name ?? check.kind,
      kind: check.kind,
      critical: check.critical,
      // Not capped at the deadline: a check the deadline cuts is `unknown`, not "timed out".
      timeoutMs: check.timeoutMs ?? timeoutMs,
      checker: createChecker(check, probes, http),
      breaker: new CircuitBreaker(circuitBreaker, clock),
    })),
  }));
  return new HealthService(services, { deadlineMs, reuseResultsMs }, clock, observe);
}
