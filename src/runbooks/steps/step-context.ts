import type { Alert, SourceFailure } from '../../alerts/model.js';
import type { HealthService } from '../../health/health-service.js';
import type { LogRequest, LogResult } from '../../logs/log-service.js';
import type { MetricService } from '../../metrics/metric-service.js';

/** What a step may look at: the service it runs for, and the areas that answer. */
export interface StepContext {
  service: string;
  health: HealthService;
  kpis: MetricService;
  /** The service's open alerts from every source, and the sources that could not answer. */
  alerts(): Promise<{ alerts: Alert[]; failures: SourceFailure[]; sources: string[] }>;
  /** The service's logs, read as the person driving (their roles, masked, audited as `/bers logs`). */
  logs(request: LogRequest): Promise<LogResult & { environment: string }>;
}
