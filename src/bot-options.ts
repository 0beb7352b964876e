import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { BotConfig } from './config/schema.js';
import type { Settings, SlackMode } from './config/settings.js';
import type { Clock } from './core/clock.js';
import type { AnyCommand } from './core/command.js';
import type { Pipeline } from './core/pipeline.js';
import type { Services } from './core/services.js';
import type { InboxTarget } from './inbox/kept-request.js';
import type { ReportScheduler } from './reports/report-scheduler.js';
import type { Store } from './store/store.js';

/** What the composition root (app.ts) takes and what it hands back: a bot to start and stop. */
export interface ConsoleIo {
  input: Readable;
  output: Writable;
  interactive: boolean;
}

export interface BotOptions {
  settings: Settings;
  config: BotConfig;
  log: Logger;
  clock?: Clock;
  /** Injected by tests; otherwise opened from DATABASE_URL / BERS_DATA_DIR and closed on stop. */
  store?: Store;
  /** Console mode's terminal; defaults to the process's stdin/stdout. */
  console?: ConsoleIo;
  /**
   * Called when the bot can no longer run safely: the embedded store's directory lock was lost
   * (another process took it), or the ingress thread died. `reason` says which, for the log.
   */
  onFatal?: (reason: string, error: Error) => void;
  /** How often due-timers are polled (default 5 s); tests with a manual clock call `timers.poll()`. */
  timerPollMs?: number;
  /** Extra trusted CA certificates (PEM) for PagerDuty's HTTPS endpoints (tests' fakes). */
  pagerDutyCa?: string;
  /** The environment `command` executors start programs from (main passes process.env). */
  processEnv?: Readonly<Record<string, string | undefined>>;
  /** Waits between post-action health checks; tests with a ManualClock advance it here. */
  actionSleep?: (ms: number) => Promise<void>;
  /**
   * How often unfinished incident steps are retried and abandoned restarts/rollbacks looked for
   * (default 30 s); tests call `incidents.recover()` and `actions.runner.recoverInterrupted()`.
   */
  recoveryPollMs?: number;
  /**
   * The `/bers` subcommands, built from the services (each command takes the ports it uses);
   * defaults to commands/index.ts's allCommands (tests add commands of their own).
   */
  commands?: (services: Services) => AnyCommand[];
  /** Run the report schedules (default: yes, except in console mode). */
  scheduleReports?: boolean;
  /**
   * Where Slack requests are kept before their ack. Default: the journal in BERS_DATA_DIR or the
   * `inbox` table on DATABASE_URL, for a store the bot opened; nothing for an injected one (tests).
   */
  inbox?: InboxTarget;
}

export interface Bot {
  readonly mode: SlackMode['kind'];
  readonly services: Services;
  /** The one way in: every command, click, submission and event, from Slack and the console. */
  readonly pipeline: Pipeline;
  /** Report schedules; `catchUp()` looks for missed slots now (tests drive it with a manual clock). */
  readonly reportScheduler: ReportScheduler;
  /** The HTTP port actually bound (useful with PORT=0), once started. */
  port(): number | undefined;
  start(): Promise<void>;
  /** Console mode: reads commands until end of input. */
  runConsole(): Promise<void>;
  stop(): Promise<void>;
}
