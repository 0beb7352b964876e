import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { actionId } from '../src/core/command.js';
import { freeText } from '../src/core/command-text.js';
import type { Reply } from '../src/core/message.js';
import type { Services } from '../src/core/services.js';
import { runbookFor } from '../src/runbooks/runbook-match.js';
import { alertListReply } from '../src/views/alerts-list-view.js';
import { actions, section } from '../src/views/blocks.js';
import { type AlertActionsDeps, createAlertGroupActions } from './alerts-actions.js';
import { splitPageArg } from './page-arg.js';

// The bot's hex id, or the source's own (BERS dashboard ids such as `alrt-91de`).
const alertId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{3,127}$/,
    "an alert id is the id `/bers alerts` shows, or the source's own (at least 4 characters)",
  );
const why = (what: string) =>
  z
    .array(z.string())
    .transform((words) => freeText(words).trim() || undefined)
    .refine((text) => (text ?? '').length <= 500, `the ${what} is at most 500 characters`);

function idAndText(what: string) {
  return z
    .array(z.string())
    .min(1, 'name the alert id (see `/bers alerts`)')
    .transform(([id, ...rest]) => ({ id: id!, rest }))
    .pipe(z.object({ id: alertId, rest: why(what) }))
    .transform(({ id, rest }) => ({ id, text: rest }));
}

/** `/bers alerts` and its buttons: the alert sources, the runbooks they link to, the clock. */
export interface AlertsCommandDeps extends AlertActionsDeps {
  alerts: Pick<Services['alerts'], 'list' | 'ack' | 'resolve' | 'silenceGroup' | 'expireSilence'>;
  runbooks: Pick<Services['runbooks'], 'list'>;
  clock: Services['clock'];
}

async function list(deps: AlertsCommandDeps, page: number): Promise<Reply> {
  const listing = await deps.alerts.list();
  const runbooks = deps.runbooks.list();
  return alertListReply(listing, deps.clock.now(), deps.config.alerts.responseMinutes, page, (alert) =>
    runbooks.length > 0 ? runbookFor(runbooks, alert)?.name : undefined,
  );
}

function pageOnly(usage: string) {
  return z.array(z.string()).transform((tokens, ctx) => {
    const split = splitPageArg(tokens);
    if ('error' in split || split.rest.length > 0) {
      ctx.addIssue({ code: 'custom', message: usage });
      return z.NEVER;
    }
    return { page: split.page };
  });
}

const listArgs = pageOnly('expected `list [page N]`');
const listCommand = (deps: AlertsCommandDeps): Command<z.infer<typeof listArgs>> => ({
  name: 'list',
  summary: 'active alerts by severity, with age against the response target',
  usage: ['list [page N]'],
  permission: 'read',
  args: listArgs,
  run: ({ page }) => list(deps, page),
});

const ackArgs = idAndText('reason');
const ackCommand = (deps: AlertsCommandDeps): Command<z.infer<typeof ackArgs>> => ({
  name: 'ack',
  summary: 'acknowledge an alert at its source (Alertmanager: a silence on its labels)',
  usage: ['ack ID [reason…]'],
  examples: ['alerts ack 3f9a2c looking into it'],
  permission: 'alerts',
  args: ackArgs,
  async run({ id, text }, ctx) {
    const { alert, result } = await deps.alerts.ack(id, ctx.actor, text);
    return {
      text: `:white_check_mark: Alert \`${alert.id}\` (${alert.name}) ${result.text}.`,
      visibility: 'in_channel',
    };
  },
});

const resolveArgs = idAndText('resolution');
const resolveCommand = (deps: AlertsCommandDeps): Command<z.infer<typeof resolveArgs>> => ({
  name: 'resolve',
  summary: 'resolve an alert at its source (where the source allows it)',
  usage: ['resolve ID [resolution…]'],
  examples: ['alerts resolve 3f9a2c cleared the cache'],
  permission: 'alerts',
  args: resolveArgs,
  async run({ id, text: resolution }, ctx) {
    const outcome = await deps.alerts.resolve(id, ctx.actor, resolution);
    const { alert, cannotResolve } = outcome;
    if (!cannotResolve)
      return {
        text: `:white_check_mark: Alert \`${alert.id}\` (${alert.name}) resolved in ${alert.source}.`,
        visibility: 'in_channel',
      };
    const silences = cannotResolve.silences;
    const offer = silences.length
      ? `The bot silenced it (by ${silences.map((s) => s.createdBy).join(', ')}); expire the silence to hear about it again:`
      : 'No silence from the bot is active on it.';
    const text = `:information_source: ${cannotResolve.reason}\n${offer}`;
    return {
      text,
      blocks: [
        section(text),
        ...(silences.length
          ? [
              actions(
                silences.slice(0, 5).map((s) => ({
                  text: `Expire silence ${s.silenceId.slice(0, 8)}`,
                  actionId: actionId('alerts', 'expire-silence'),
                  value: `${s.source}|${s.silenceId}`,
                })),
              ),
            ]
          : []),
      ],
      visibility: 'ephemeral',
    };
  },
});

const topArgs = pageOnly('use `list`, `ack ID [reason]`, `resolve ID [resolution]` or `page N`');
export const createAlertsCommand = (deps: AlertsCommandDeps): Command<z.infer<typeof topArgs>> => ({
  name: 'alerts',
  summary: 'active alerts from Alertmanager and the services; ack and resolve them at their source',
  usage: ['alerts [page N]'],
  examples: [
    'alerts',
    'alerts page 2',
    'alerts ack 3f9a2c investigating',
    'alerts resolve 3f9a2c cache cleared',
  ],
  permission: 'read',
  args: topArgs,
  run: ({ page }) => list(deps, page),
  subcommands: [listCommand(deps), ackCommand(deps), resolveCommand(deps)],
  actions: createAlertGroupActions(deps),
});
