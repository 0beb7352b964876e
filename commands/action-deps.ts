import type { Services } from '../src/core/services.js';
import type { IncidentLookup } from './incident-option.js';

type ActionService = Services['actions']['service'];
type ActionRunner = Services['actions']['runner'];

/**
 * What restart, rollback, scale, run, ops and history use, with their Confirm / Cancel buttons:
 * the action service (targets, requests, guards, history) and the runner (confirm, execute).
 */
export interface ActionCommandDeps {
  actions: {
    service: Pick<ActionService, 'target' | 'request' | 'requestTyped' | 'cancel' | 'history' | 'operations'>;
    runner: Pick<ActionRunner, 'confirm' | 'execute'>;
  };
  log: Pick<Services['log'], 'warn'>;
  /** `--incident N`, or the incident whose channel the command was typed in. */
  incidents: IncidentLookup;
}
