import type { AnyCommand } from '../src/core/command.js';
import { alertsCommand } from './alerts.js';
import { auditCommand } from './audit.js';
import { healthCommand } from './health.js';
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

/** Every `/bers` subcommand. Adding a command is adding its file and one line here. */
export function allCommands(): AnyCommand[] {
  const commands: AnyCommand[] = [healthCommand];
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
