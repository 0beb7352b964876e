import type { AnyCommand } from '../src/core/command.js';
import type { Services } from '../src/core/services.js';
import { alertsCommand } from './alerts.js';
import { auditCommand } from './audit.js';
import { createHealthCommand } from './health.js';
import { createHelpCommand } from './help.js';
import { historyCommand } from './history.js';
import { incidentCommand } from './incident/index.js';
import { logsCommand } from './logs.js';
import { maintenanceCommand } from './maintenance/index.js';
import { metricsCommand } from './metrics.js';
import { onCallCommand } from './oncall.js';
import { opsCommand } from './ops.js';
import { reportCommand } from './report.js';
import { restartCommand } from './restart.js';
import { rollbackCommand } from './rollback.js';
import { runCommand } from './run.js';
import { runbookCommand } from './runbook.js';
import { scaleCommand } from './scale.js';

/**
 * Every `/bers` subcommand, each built with the few ports it uses (its factory's deps type says
 * which). Called by the composition root with the services it built; adding a command is adding
 * its file and one line here.
 */
export function allCommands(services: Services): AnyCommand[] {
  const commands: AnyCommand[] = [createHealthCommand(services)];
  commands.push(onCallCommand);
  commands.push(incidentCommand);
  commands.push(alertsCommand);
  commands.push(metricsCommand);
  commands.push(reportCommand);
  commands.push(restartCommand, rollbackCommand, historyCommand, auditCommand);
  commands.push(runCommand, opsCommand, scaleCommand, logsCommand);
  commands.push(maintenanceCommand);
  commands.push(runbookCommand);
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
