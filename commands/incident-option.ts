import { z } from 'zod';
import type { CommandContext } from '../src/core/command.js';
import { NotFoundError, UsageError } from '../src/core/errors.js';
import type { Services } from '../src/core/services.js';
import { splitOption } from './service-args.js';

/** The usage suffix of an operation that can run for an incident. */
export const INCIDENT_USAGE = '[--incident <N>]';

/** `--incident 12`, `--incident=12` or `--incident #12` taken out of the tokens; null when malformed. */
export function splitIncident(tokens: readonly string[]): { incident?: number | null; rest: string[] } {
  const { value, rest } = splitOption(tokens, 'incident');
  if (value === undefined) return { rest };
  const digits = /^#?(\d{1,9})$/.exec(value);
  return { incident: digits ? Number(digits[1]) : null, rest };
}

/** A command's own arguments, with `--incident N` anywhere among them. */
export function withIncidentOption<T>(schema: z.ZodType<T, string[]>) {
  return z.array(z.string().max(256, 'an argument is at most 256 characters')).transform((tokens, ctx) => {
    const { incident, rest } = splitIncident(tokens);
    if (incident === null) {
      ctx.addIssue({
        code: 'custom',
        message: '`--incident` takes the incident number, e.g. `--incident 12`',
      });
      return z.NEVER;
    }
    const parsed = schema.safeParse(rest);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    }
    return { ...parsed.data, incident };
  });
}

/** What an operation needs to know of incidents: the one of a channel, one by number. */
export type IncidentLookup = Pick<Services['incidents'], 'byChannel' | 'get'>;

/**
 * The open incident an operation runs for: the one named with `--incident`, else the one whose
 * channel this is. Checked before anything is requested, so a wrong number starts nothing.
 */
export async function incidentFor(
  incidents: IncidentLookup,
  number: number | undefined,
  ctx: Pick<CommandContext, 'channel'>,
) {
  if (number === undefined) {
    const here = await incidents.byChannel(ctx.channel.id);
    return here && !here.resolvedAt ? here.number : undefined;
  }
  const incident = await incidents.get(number);
  if (!incident) {
    throw new NotFoundError(
      `There is no incident #${number}, so nothing was requested. \`/bers incident list\` shows the open ones.`,
    );
  }
  if (incident.resolvedAt) {
    throw new UsageError(
      `Incident #${number} is resolved, so nothing was requested. Leave out \`--incident\`, or declare a new incident.`,
    );
  }
  return number;
}
