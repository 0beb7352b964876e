import type { z } from 'zod';
import { cleanStrings } from '../../core/clean-text.js';
import { describeZodIssues } from '../../core/zod-issues.js';
import { eventsBodySchema, interactivitySchema, slashCommandSchema } from './payload-schemas.js';

/** A payload Bolt may be given (validated, its text cleaned), or why not. */
export type Checked = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

/**
 * Text is cleaned (NUL stripped, lone surrogates replaced) before it is validated, so that what
 * Bolt, the inbox and the main thread see is what the store can hold.
 */
function check(schema: z.ZodType<Record<string, unknown>>, value: unknown, what: string): Checked {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return {
      ok: false,
      reason: `${what} must be a JSON object, not ${value === null ? 'null' : typeof value === 'object' ? 'an array' : `a ${typeof value}`}`,
    };
  const result = schema.safeParse(cleanStrings(value));
  if (result.success) return { ok: true, body: result.data };
  return {
    ok: false,
    reason: `${what}: ${describeZodIssues(result.error.issues.slice(0, 3)).replaceAll('\n', '; ')}`,
  };
}

export function checkSlashCommand(fields: unknown): Checked {
  return check(slashCommandSchema, fields, 'slash command');
}

export function checkInteractivity(payload: unknown): Checked {
  return check(interactivitySchema, payload, 'interactivity payload');
}

export function checkEventsBody(body: unknown): Checked {
  return check(eventsBodySchema, body, 'Events API body');
}
