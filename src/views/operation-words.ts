import type { ActionRequest } from '../actions/action-request.js';
import { commandOf } from '../actions/operation.js';
import { type Mrkdwn, md } from '../core/mrkdwn.js';

type Described = Pick<ActionRequest, 'kind' | 'service' | 'environment' | 'revision' | 'args'>;

const VERB: Record<string, string> = {
  restart: 'Restart',
  rollback: 'Roll back',
  scale: 'Scale',
  run: 'Run',
};
const ICON: Record<string, string> = { restart: '🔄', rollback: '⏪', scale: '↕️', run: '▶️' };

/** Typed arguments as `name=value`: plain text, escaped where it is shown (they come from the person who asked). */
export function argsText(args: Readonly<Record<string, string>> = {}): string {
  return Object.entries(args)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
}

/** What a request does, as a phrase: `restart *web* (production)`, `run *cache-clear* on *web* (production)`. */
export function what(r: Described): Mrkdwn {
  const where = md`*${r.service}* (${r.environment})`;
  switch (commandOf(r.kind)) {
    case 'restart':
      return md`restart ${where}`;
    case 'rollback':
      return md`roll back ${where} to ${r.revision ? `revision ${r.revision}` : 'the previous revision'}`;
    case 'scale':
      return md`scale ${where} to ${r.args?.replicas ?? '?'} replicas`;
    default: {
      const args = argsText(r.args);
      return md`run *${r.kind}* on ${where}${args ? ` with ${args}` : ''}`;
    }
  }
}

/** The confirmation's header (plain text): `🔄 Restart web (production)?`. */
export function headline(r: Described): string {
  const command = commandOf(r.kind);
  const subject = command === 'run' ? `${r.kind} on ${r.service}` : r.service;
  return `${ICON[command]} ${VERB[command]} ${subject} (${r.environment})?`;
}

/** What the target field of a confirmation says (plain text). */
export function targetText(r: Described): string {
  switch (commandOf(r.kind)) {
    case 'restart':
      return 'restart in place';
    case 'rollback':
      return r.revision ? `revision ${r.revision}` : 'previous revision';
    case 'scale':
      return `${r.args?.replicas ?? '?'} replicas`;
    default:
      return argsText(r.args) || 'no arguments';
  }
}
