import type { BotConfig } from '../../../config/schema.js';
import type { HealthReport, ServiceHealth } from '../../../health/model.js';
import { healthDetailReply, healthSummaryReply } from '../../../views/health-view.js';
import { outsideText, SAMPLE_NOW, type Sample, times } from './sample.js';

/** Every configured service failing every check, with long reasons: the largest health answer. */
function failingService(service: BotConfig['services'][number]): ServiceHealth {
  const checks = service.checks.map((check, i) => ({
    name: check.name ?? check.kind,
    kind: check.kind,
    status: 'unhealthy' as const,
    reason: outsideText(),
    latencyMs: 3000,
    critical: i === 0,
    components: times(6, (n) => ({
      name: `component-${n}`,
      status: 'unhealthy' as const,
      reason: outsideText(120),
    })),
  }));
  return {
    service: service.name,
    description: service.description,
    status: 'unhealthy',
    latencyMs: 3000,
    reason: outsideText(),
    checks,
  };
}

export function healthSamples(config: BotConfig): Sample[] {
  const report: HealthReport = {
    at: SAMPLE_NOW,
    durationMs: 3012,
    overall: 'unhealthy',
    services: config.services.map(failingService),
  };
  const one = (s: ServiceHealth): HealthReport => ({ ...report, services: [s] });
  return [
    { path: 'replies.health', message: healthSummaryReply(report) },
    { path: 'replies.health <every service>', message: healthDetailReply(report) },
    ...report.services.map((s) => ({
      path: `replies.health ${s.service}`,
      message: healthDetailReply(one(s)),
    })),
  ];
}
