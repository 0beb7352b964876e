import type { AnyCommand } from '../src/core/command.js';
import type { Services } from '../src/core/services.js';
import { createAlertsCommand } from './alerts.js';
import { createAuditCommand } from './audit.js';
import { createHealthCommand } from './health.js';
import { createHelpCommand } from './help.js';
import { createHistoryCommand } from './history.js';
import { createIncidentCommand } from './incident/index.js';
import { createLogsCommand } from './logs.js';
import { createMaintenanceCommand } from './maintenance/index.js';
import { createMetricsCommand } from './metrics.js';
import { createOnCallCommand } from './oncall.js';
import { createOpsCommand } from './ops.js';
import { createReportCommand } from './report.js';
import { createRestartCommand } from './restart.js';
import { createRollbackCommand } from './rollback.js';
import { createRunCommand } from './run.js';
import { createRunbookCommand } from './runbook.js';
import { createScaleCommand } from './scale.js';

/**
 * Every `/bers` subcommand, each built with the few ports it uses (its factory's deps type says
 * which). Called by the composition root with the services it built; adding a command is adding
 * its file and one line here.
 */
export function allCommands(services: Services): AnyCommand[] {
  const commands: AnyCommand[] = [createHealthCommand(services)];
  commands.push(createOnCallCommand(services));
  commands.push(createIncidentCommand(services));
  commands.push(createAlertsCommand(services));
  commands.push(createMetricsCommand(services));
  commands.push(createReportCommand(services));
  commands.push(createRestartCommand(services), createRollbackCommand(services));
  commands.push(createHistoryCommand(services), createAuditCommand(services));
  commands.push(createRunCommand(services), createOpsCommand(services), createScaleCommand(services));
  commands.push(createLogsCommand(services));
  commands.push(createMaintenanceCommand(services));
  commands.push(createRunbookCommand(services));
  commands.push(createHelpCommand(() => commands));
  return commands;
}

/**
 * The commands for what they say about themselves (names, usage, permissions, handler ids): the
 * app manifest, the README's reference, `bers-bot check`, console completion. Nothing is wired,
 * so a handler that runs (or a factory that reads a port while building) throws, naming the port.
 */
export function commandDescriptions(): AnyCommand[] {
  return allCommands(notWired);
}

const notWired = new Proxy({} as Services, {
  get(_target, port) {
    throw new Error(`commands built by commandDescriptions() have no ports: ${String(port)} is not wired`);
  },
});
