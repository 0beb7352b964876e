import { cleanText } from '../core/clean-text.js';
import { didYouMean } from '../core/did-you-mean.js';
import { durationMs } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import { md } from '../core/mrkdwn.js';

export const SCHEDULE_USAGE = 'maintenance schedule <services…> <start> <duration> [title…]';

/** A one-off window is hours of planned work; anything past a day is a typo or an outage in disguise. */
const MAX_MINUTES = 24 * 60;
const MIN_MINUTES = 5;
/** Further ahead than this is not a plan anyone will remember; it is a wrong year. */
const MAX_AHEAD_MS = 366 * 86_400_000;

export interface ScheduleInput {
  services: string[];
  startsAt: Date;
  durationMinutes: number;
  title: string;
}

const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})Z?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;
const RELATIVE = /^\+(\d{1,7}(?:m|h|d))$/;

function usage(message: ReturnType<typeof md> | string): UsageError {
  return new UsageError(message, 'maintenance schedule');
}

/** `2026-12-06T02:00Z`, `2026-12-06 02:00` (two words, UTC) or `+2h`; how many words it took. */
function parseStart(tokens: readonly string[], now: Date): { at: Date; used: number } | undefined {
  const [first = '', second = ''] = tokens;
  const relative = RELATIVE.exec(first);
  if (relative) return { at: new Date(now.getTime() + durationMs(relative[1]!)!), used: 1 };
  const iso = ISO.exec(first);
  const [date, time, used] = iso
    ? [iso[1]!, iso[2]!, 1]
    : DATE.test(first) && TIME.test(second)
      ? [first, second, 2]
      : [undefined, undefined, 0];
  if (!date || !time) return undefined;
  const at = new Date(`${date}T${time}:00Z`);
  // `2026-02-30` is not a day: Date would roll it into March.
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 16) !== `${date}T${time}`) return undefined;
  return { at, used };
}

/**
 * `/bers maintenance schedule unjucks-api unjucks-db 2026-12-06T02:00Z 2h Database upgrade`:
 * services (names or aliases) first, then the start (UTC), the duration and an optional title.
 * Every refusal says what was wrong and shows the usage.
 */
export function parseSchedule(
  tokens: readonly string[],
  names: { canonical(name: string): string | undefined; all: readonly string[] },
  now: Date,
): ScheduleInput {
  const services: string[] = [];
  let i = 0;
  for (; i < tokens.length; i++) {
    const service = names.canonical(tokens[i]!);
    if (!service) break;
    if (!services.includes(service)) services.push(service);
  }
  const start = parseStart(tokens.slice(i), now);
  if (!start) {
    const typed = cleanText(tokens[i] ?? '').slice(0, 40);
    if (!typed) throw usage('Name the services, the start and the duration.');
    if (/^[a-z][a-z0-9-]*$/i.test(typed)) {
      throw usage(
        md`Unknown service \`${typed}\`.${didYouMean(typed, names.all)} Known: ${names.all.join(', ')}.`,
      );
    }
    throw usage(
      md`\`${typed}\` is not a start time: use \`2026-12-06T02:00Z\`, \`2026-12-06 02:00\` (UTC) or \`+2h\`.`,
    );
  }
  if (services.length === 0) throw usage('Name at least one service before the start time.');
  if (start.at.getTime() <= now.getTime()) {
    throw usage(
      `That start is in the past (it is ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC now).`,
    );
  }
  if (start.at.getTime() - now.getTime() > MAX_AHEAD_MS) throw usage('That start is more than a year ahead.');
  i += start.used;
  const durationText = cleanText(tokens[i] ?? '').slice(0, 40);
  const ms = durationMs(durationText);
  if (ms === undefined) {
    throw usage(
      md`${durationText ? md`\`${durationText}\` is not a duration` : 'Give a duration'}: e.g. \`2h\` or \`90m\`.`,
    );
  }
  const durationMinutes = Math.round(ms / 60_000);
  if (durationMinutes < MIN_MINUTES || durationMinutes > MAX_MINUTES) {
    throw usage(`A maintenance window lasts from ${MIN_MINUTES} minutes to 24 hours.`);
  }
  const title =
    cleanText(tokens.slice(i + 1).join(' '))
      .trim()
      .slice(0, 120) || 'Maintenance';
  return { services, startsAt: start.at, durationMinutes, title };
}
