import type { ActionRequest } from '../actions/action-request.js';
import type { Operation } from '../actions/operation.js';
import { argUsage } from '../actions/operation-args.js';
import { actionId } from '../core/command.js';
import type { Reply } from '../core/message.js';
import { md, userMention } from '../core/mrkdwn.js';
import { actions, type ButtonSpec, context, header, section } from './blocks.js';
import { what } from './operation-words.js';

/** Slack allows 25 elements per actions block; five a row reads better. */
const BUTTONS_PER_ROW = 5;

/** An operation that needs no confirmation has started: say so where it was asked for. */
export function runningNowMessage(r: ActionRequest): Reply {
  const text = md`:hourglass_flowing_sand: Running (no confirmation needed): ${what(r)}`;
  return {
    text: String(text),
    visibility: 'in_channel',
    blocks: [
      section(text),
      context(md`\`${r.executor}\` · requested by ${userMention(r.requestedBy.id)} · request \`${r.id}\``),
    ],
  };
}

function line(op: Operation): string {
  const usage = op.args.length > 0 ? ` \`${argUsage(op.args)}\`` : '';
  const guards = [
    !op.confirm && 'runs without confirmation',
    op.twoPerson && 'two-person',
    op.verify.kind === 'metric'
      ? `verifies ${op.verify.metric}`
      : op.verify.kind !== 'health' && `verify: ${op.verify.kind}`,
  ].filter(Boolean);
  const shown = Object.fromEntries(op.args.map((a) => [a.name, `<${a.name}>`]));
  const how = op.unavailable ? `_not available: ${op.unavailable}_` : `\`${op.describe(shown)}\``;
  return `• *${op.name}*${usage} — ${op.summary}${guards.length ? ` (${guards.join(', ')})` : ''}\n   ${how}`;
}

/** `/bers ops <service>`: every operation, and a button for each one that needs no arguments. */
export function operationsReply(
  target: { service: string; environment: string },
  operations: readonly Operation[],
  environments: readonly string[],
): Reply {
  const title = `Operations of ${target.service} (${target.environment})`;
  const buttons: ButtonSpec[] = operations
    .filter((op) => !op.unavailable && op.args.every((a) => a.optional))
    .map((op) => ({
      text: `${op.builtIn ? '' : '▶ '}${op.name}`,
      actionId: actionId('ops', 'request'),
      value: JSON.stringify({ service: target.service, environment: target.environment, operation: op.name }),
      ...(op.name === 'rollback' && { style: 'danger' as const }),
    }));
  const rows = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW)
    rows.push(actions(buttons.slice(i, i + BUTTONS_PER_ROW)));
  const others = environments.filter((e) => e !== target.environment);
  return {
    text: title,
    visibility: 'ephemeral',
    blocks: [
      header(title),
      section(operations.map(line).join('\n')),
      ...rows,
      context(
        `\`/bers run ${target.service} <operation> [args…]\` runs one; every run asks for confirmation unless it says otherwise.` +
          (others.length ? ` Other environments: ${others.map((e) => `\`--env ${e}\``).join(', ')}.` : ''),
      ),
    ],
  };
}
