import type { Actions } from '../actions/build-actions.js';
import { LogService, type LogServiceDeps } from './log-service.js';

/**
 * `/bers logs`: the actions' services and environments, read-only, under the same policy and
 * masking, each read audited as the actions' records are. Built beside the actions area (not in
 * it) so logs depend on actions and never the other way round.
 */
export function buildLogs(w: {
  actions: Pick<Actions, 'service' | 'policy' | 'mask'>;
  /** The log source an environment's settings name (src/wiring/log-source-kinds.ts). */
  createLogSource: LogServiceDeps['sourceFor'];
  processEnv?: Readonly<Record<string, string | undefined>>;
}): LogService {
  return new LogService({
    policy: w.actions.policy,
    mask: w.actions.mask,
    record: (...args) => w.actions.service.record(...args),
    sourceFor: w.createLogSource,
    processEnv: w.processEnv,
    timeoutMs: 30_000,
  });
}
