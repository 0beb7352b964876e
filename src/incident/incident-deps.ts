import type { Logger } from 'pino';
import type { IncidentSettings } from '../config/incident-schema.js';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import { NotFoundError } from '../core/errors.js';
import type { TimerService } from '../scheduler/timers.js';
import type { Store } from '../store/store.js';
import type { IncidentMessages } from './incident-messages.js';
import type { IncidentRecords } from './incident-records.js';
import type { Incident } from './model.js';
import type { PagerActions } from './pager-actions.js';
import type { IncidentReports } from './reports.js';
import type { SeverityPolicies } from './severity-policies.js';
import type { StepRunner } from './step-runner.js';

/** What the incident flows share; built once by the IncidentService. */
export interface IncidentDeps {
  /** Transactions, and the connection the records' methods are given outside one; no flow runs SQL. */
  store: Store;
  /** Incidents, timeline, pending steps, page and PagerDuty requests, as every flow reads and writes them. */
  records: IncidentRecords;
  chat: Chat;
  clock: Clock;
  log: Logger;
  timers: Pick<TimerService, 'schedule' | 'cancel' | 'cancelPrefix'>;
  settings: IncidentSettings;
  policies: SeverityPolicies;
  reports: IncidentReports;
  /** Notices and cards as messages (Block Kit from src/views/, wired by the composition root). */
  render: IncidentMessages;
  runner: Pick<StepRunner, 'run' | 'refresh' | 'refreshPageCards' | 'sweep'>;
  /** Configured service names, for validating `services`. */
  serviceNames: string[];
  /** Each service's owners (Slack user and user group ids), invited as responders. */
  owners: Record<string, readonly string[]>;
  /** Reassign/escalate in the paging tool; absent without its API token (fixed at wiring). */
  pagerActions?: PagerActions;
  /** Who acts in the paging tool when the Slack user's e-mail is nobody there. */
  pagerFromEmail?: string;
}

export async function mustGet(deps: IncidentDeps, number: number): Promise<Incident> {
  const incident = await deps.records.incidents.byNumber(deps.store, number);
  if (!incident) {
    throw new NotFoundError(`There is no incident #${number}. \`/bers incident list\` shows the open ones.`);
  }
  return incident;
}

export const timerKeys = {
  updateDue: (n: number, due: Date) => `incident:${n}:update-due:${due.toISOString()}`,
  commanderCheck: (n: number) => `incident:${n}:commander-check`,
  page: (n: number) => `incident:${n}:page`,
  postMortem: (n: number) => `incident:${n}:post-mortem`,
  archive: (n: number) => `incident:${n}:archive`,
};

export const TIMER_KINDS = {
  updateDue: 'incident.update-due',
  commanderCheck: 'incident.commander-check',
  page: 'incident.page',
  postMortem: 'incident.post-mortem',
  archive: 'incident.archive-channel',
} as const;
