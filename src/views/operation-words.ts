import type { ActionRequest } from '../actions/action-request.js';
import { commandOf } from '../actions/operation.js';
import { escapeText } from './blocks.js';

type Described = Pick<ActionRequest, 'kind' | 'service' | 'environment' | 'revision' | 'args'>;

const VERB: Record<string, string> = {
  restart: 'Restart',
  rollback: 'Roll back',
  scale: 'Scale',
  run: 'Run',
};
const ICON: Record<string, string> = { restart: '🔄', rollback: '⏪', scale: '↕️', run: '▶️' };

/** Typed arguments as `name=value`, escaped: they come from the person who asked. */
export function argsText(args: Readonly<Record<string, string>> = {}): string {
  return Object.entries(args)
    .map(([name, value]) => `${name}=${escapeText(value)}`)
    .join(' ');
}

/** What a request does, as a phrase: `restart *web* (production)`, `run *cache-clear* on *web* (production)`. */
export function what(r: Described): string {
  const where = `*${r.service}* (${r.environment})`;
  switch (commandOf(r.kind)) {
    case 'restart':
      return `restart ${where}`;
    case 'rollback':
      return `roll back ${where} to ${r.revision ? `revision ${escapeText(r.revision)}` : 'the previous revision'}`;
    case 'scale':
      return `scale ${where} to ${escapeText(r.args?.replicas ?? '?')} replicas`;
    default: {
      const args = argsText(r.args);
      return `run *${r.kind}* on ${where}${args ? ` with ${args}` : ''}`;
    }
  }
}

/** The confirmation's header: `🔄 Restart web (production)?`. */
export function headline(r: Described): string {
  const command = commandOf(r.kind);
  const subject = command === 'run' ? `${r.kind} on ${r.service}` : r.service;
  return `${ICON[command]} ${VERB[command]} ${subject} (${r.environment})?`;
}

/** What the target field of a confirmation says. */
export function targetText(r: Described): string {
  switch (commandOf(r.kind)) {
    case 'restart':
      return 'restart in place';
    case 'rollback':
      return r.revision ? `revision ${escapeText(r.revision)}` : 'previous revision';
    case 'scale':
      return `${escapeText(r.args?.replicas ?? '?')} replicas`;
    default:
      return argsText(r.args) || 'no arguments';
  }
}
