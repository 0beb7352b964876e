import type { BotConfig } from '../config/schema.js';
import type { Clock } from '../core/clock.js';
import { healthProbes } from '../wiring/health-probes.js';
import { createChecker } from './checks/create-checker.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { type CheckObserver, HealthService } from './health-service.js';

/** Builds the health service for the configured services: one checker and one breaker per check. */
export function buildHealthService(config: BotConfig, clock: Clock, observe?: CheckObserver): HealthService {
  const { timeoutMs, deadlineMs, circuitBreaker } = config.health;
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
      checker: createChecker(check, healthProbes),
      breaker: new CircuitBreaker(circuitBreaker, clock),
    })),
  }));
  return new HealthService(services, deadlineMs, clock, observe);
}
