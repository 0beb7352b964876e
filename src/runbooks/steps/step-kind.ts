import type { RunbookStep } from '../../config/runbook-schema.js';

/** The one place a step's kind is told apart; the switch in `enter` is exhaustive over it. */
export function stepKind(step: RunbookStep): 'gather' | 'act' | 'watch' | 'note' {
  if ('gather' in step) return 'gather';
  if ('act' in step) return 'act';
  if ('watch' in step) return 'watch';
  return 'note';
}
