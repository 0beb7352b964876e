import { PassThrough, type Writable } from 'node:stream';
import { type Actions, buildActions } from '../../src/actions/build-actions.js';
import type { BotConfig } from '../../src/config/schema.js';
import { ButtonBoard } from '../../src/console/button-board.js';
import { ConsoleChat } from '../../src/console/console-chat.js';
import type { ManualClock } from '../../src/core/clock.js';
import { Permissions } from '../../src/core/permissions.js';
import { buildHealthService } from '../../src/health/build-health-service.js';
import { AuditLog } from '../../src/store/audit-log.js';
import type { Store } from '../../src/store/store.js';
import { actionPorts } from '../../src/wiring/action-ports.js';
import { healthProbes } from '../../src/wiring/health-probes.js';
import { configFrom } from './config.js';
import { captureLogs } from './logs.js';

/** The restart/rollback area alone, on `store`, posting to a console chat written to `output`. */
export function wireActions(
  store: Store,
  config: BotConfig,
  clock: ManualClock,
  output: Writable = new PassThrough(),
): Actions {
  return buildActions({
    ...actionPorts,
    config,
    store,
    audit: new AuditLog(store, clock),
    chat: new ConsoleChat(output, new ButtonBoard()),
    health: buildHealthService(config, clock, healthProbes),
    permissions: new Permissions(config.permissions),
    clock,
    log: captureLogs().log,
    processEnv: { PATH: process.env.PATH },
    sleep: async (ms) => clock.advance(ms),
  });
}

/** Who clicked: a user in #ops. */
export const actionUser = (id: string) => ({
  actor: { id, name: id.toLowerCase() },
  channel: { id: 'C1', name: 'ops' },
  correlationId: `c-${id}`,
});

/**
 * One service, `web` (a TCP check on `checkPort`), whose production restart and rollback run
 * `node -e <script>`; U_ADA and U_BOB are the `sre` role with operate and admin rights.
 * `actions` adds settings under `actions:`, `environment` under `production:` (2-space YAML).
 */
export function webActionsConfig(options: {
  script: string;
  checkPort?: number;
  actions?: string;
  environment?: string;
}): BotConfig {
  const indent = (yaml: string, spaces: number) =>
    yaml
      .split('\n')
      .filter(Boolean)
      .map((line) => `${' '.repeat(spaces)}${line}\n`)
      .join('');
  const script = JSON.stringify(options.script);
  return configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: ${options.checkPort ?? 1} }]
permissions:
  roles:
    sre: { users: [U_ADA, U_BOB] }
  grants: { operate: [sre], admin: [sre] }
actions:
${indent(options.actions ?? '', 2)}  services:
    web:
      environments:
        production:
          executor:
            kind: command
            restart: { argv: [node, -e, ${script}] }
            rollback: { argv: [node, -e, ${script}] }
${indent(options.environment ?? '', 10)}`);
}
