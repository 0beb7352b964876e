import type { HealthService } from '../../health/health-service.js';
import type { MetricService } from '../../metrics/metric-service.js';

/** What a step may look at: the service it runs for, and the areas that answer. */
export interface StepContext {
  service: string;
  health: HealthService;
  kpis: MetricService;
}
