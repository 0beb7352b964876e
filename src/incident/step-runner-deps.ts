import type { Logger } from 'pino';
import type { ChannelCareSettings } from '../config/incident-schema.js';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import type { Store } from '../store/store.js';
import type { IncidentMessages } from './incident-messages.js';
import type { IncidentRecords } from './incident-records.js';
import type { ServiceHealthProbe } from './page-context.js';
import type { Pager } from './pager.js';
import type { IncidentReports } from './reports.js';
import type { stepStore } from './step-store.js';

/** How the runner takes an incident's next step and finishes it: the step store's queue. */
export type StepQueue = Pick<
  typeof stepStore,
  'claimNext' | 'claimKind' | 'done' | 'failed' | 'incidentsWithPending'
>;

/** What the step runner and its steps (steps/*.ts) use. */
export interface StepRunnerDeps {
  /** Transactions; the rows and messages go through `records`. */
  store: Store;
  records: IncidentRecords;
  queue: StepQueue;
  chat: Chat;
  pager: Pager;
  clock: Clock;
  log: Logger;
  reports: IncidentReports;
  /** The page cards as messages. */
  render: IncidentMessages;
  announcementChannel: string;
  /** Topic, bookmarks and archiving of incident channels. */
  channelCare: ChannelCareSettings;
  /** The affected services' failing checks, for what a page carries. */
  probe?: ServiceHealthProbe;
}
