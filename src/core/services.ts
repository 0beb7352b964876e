import type { Logger } from 'pino';
import type { AuditSink } from './audit.js';
import type { Permissions } from './permissions.js';

/** The pipeline's own use of the metrics (observability/metrics.ts implements it). */
export interface CommandMetrics {
  observeCommand(subcommand: string, outcome: string, seconds: number): void;
}

/**
 * What the pipeline itself needs from the services: the log, the permission check, the audit
 * row and the command metric, each as a port declared in core.
 */
export interface PipelineServices {
  log: Logger;
  permissions: Permissions;
  audit: AuditSink;
  metrics: CommandMetrics;
  /** The bot's configuration; its type (BotConfig) is given by src/services.ts. */
  config: unknown;
}

/**
 * Every service the composition root builds. Core declares only the pipeline's ports; the areas'
 * fields are added in src/services.ts (composition-root side) by declaration merging, so that core
 * imports nothing outside core and the areas' types never form a cycle through it. Handlers do not
 * get this bag: commands/index.ts and src/slack/events.ts build each command and event handler
 * with the few ports it uses, and their invocations carry only the PipelineServices (command.ts).
 */
// Empty on purpose: extended by declaration merging in src/services.ts.
export interface Services extends PipelineServices {}
