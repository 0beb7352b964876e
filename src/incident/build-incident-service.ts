import type { Logger } from 'pino';
import type { BotConfig } from '../config/schema.js';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import type { TimerService } from '../scheduler/timers.js';
import type { Store } from '../store/store.js';
import type { IncidentDeps } from './incident-deps.js';
import type { IncidentMessages } from './incident-messages.js';
import { incidentRepository } from './incident-repository.js';
import { IncidentService } from './incident-service.js';
import type { MessageSource } from './message-source.js';
import { noticingWrites, OpenIncidents } from './open-incidents.js';
import type { ServiceHealthProbe } from './page-context.js';
import { pageRepository } from './page-state.js';
import type { Pager } from './pager.js';
import type { PagerActions } from './pager-actions.js';
import { pagerRequests } from './pager-requests.js';
import { registerIncidentReminders } from './reminders.js';
import { IncidentReports } from './reports.js';
import { SeverityPolicies } from './severity-policies.js';
import { StepRunner } from './step-runner.js';
import { stepStore } from './step-store.js';
import { IncidentTemplates } from './templates.js';
import { TimelinePager } from './timeline-pager.js';

export interface IncidentServiceOptions {
  config: BotConfig;
  store: Store;
  chat: Chat;
  clock: Clock;
  log: Logger;
  timers: TimerService;
  /** PagerDuty's outbox-backed Pager when configured, else the timeline pager; fixed at wiring. */
  pager: Pager;
  messages?: MessageSource;
  /** The flows' messages in Block Kit (src/views/incident-messages.ts). */
  render: IncidentMessages;
  /** The affected services' failing checks, carried by pages. */
  probe?: ServiceHealthProbe;
  /** Reassign/escalate in PagerDuty (absent without PAGERDUTY_API_TOKEN). */
  pagerActions?: PagerActions;
}

/** How long a read of the open incidents answers the lists after it (see open-incidents.ts). */
const OPEN_INCIDENTS_SHARED_MS = 1000;

/** The Pager without a paging integration: it records in the timeline, through the SQL repository. */
export function buildTimelinePager(store: Store, clock: Clock): Pager {
  return new TimelinePager(store, clock, incidentRepository);
}

/**
 * Builds the incident service and registers its reminder kinds on the timers. Loading the templates
 * test-renders each one, so a broken template stops the start with its file name.
 */
export async function buildIncidentService(options: IncidentServiceOptions): Promise<IncidentService> {
  const settings = options.config.incidents;
  const templates = await IncidentTemplates.load(settings.templatesDir);
  const policies = new SeverityPolicies(settings);
  const reports = new IncidentReports(
    templates,
    policies,
    options.chat,
    options.render,
    settings.postMortemReminderHours,
    options.clock,
    settings.channel.bridgeUrl,
  );
  const open = new OpenIncidents(options.clock, OPEN_INCIDENTS_SHARED_MS);
  const incidents = noticingWrites(incidentRepository, () => open.changed());
  const records = { incidents, steps: stepStore, pages: pageRepository, pagerRequests };
  const runner = new StepRunner({
    store: options.store,
    records,
    queue: stepStore,
    chat: options.chat,
    pager: options.pager,
    clock: options.clock,
    log: options.log.child({ area: 'incident' }),
    reports,
    render: options.render,
    announcementChannel: settings.announcementChannel,
    channelCare: settings.channel,
    probe: options.probe,
  });
  const deps: IncidentDeps = {
    store: options.store,
    records,
    chat: options.chat,
    clock: options.clock,
    log: options.log,
    timers: options.timers,
    settings,
    policies,
    reports,
    render: options.render,
    runner,
    serviceNames: options.config.services.map((s) => s.name),
    owners: Object.fromEntries(options.config.services.map((s) => [s.name, s.owners])),
    pagerActions: options.pagerActions,
    pagerFromEmail: options.config.pagerduty.fromEmail,
  };
  registerIncidentReminders(options.timers, deps);
  return new IncidentService(deps, options.messages, open);
}
