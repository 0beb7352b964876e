import { parse } from 'node-cron';

/** A cron expression reduced to numeric field sets (node-cron's parse), in one IANA time zone. */
export interface CronSpec {
  expression: string;
  timezone: string;
}

interface Fields {
  second: number[];
  minute: number[];
  hour: number[];
  dayOfMonth: Set<number>;
  month: Set<number>;
  dayOfWeek: Set<number>;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** How far back a slot is searched; a schedule that never matched within a year has none. */
const MAX_DAYS_BACK = 400;

function fieldsOf(expression: string): Fields {
  const parsed = parse(expression);
  const numbers = (values: (number | string)[], what: string): number[] =>
    values.map((v) => {
      if (typeof v !== 'number') throw new Error(`${what} token "${v}" is not supported in report schedules`);
      return v;
    });
  return {
    second: [...parsed.second].sort((a, b) => b - a),
    minute: [...parsed.minute].sort((a, b) => b - a),
    hour: [...parsed.hour].sort((a, b) => b - a),
    dayOfMonth: new Set(numbers(parsed.dayOfMonth, 'day-of-month')),
    month: new Set(parsed.month),
    // node-cron accepts 7 for Sunday.
    dayOfWeek: new Set(numbers(parsed.dayOfWeek, 'day-of-week').map((d) => d % 7)),
  };
}

/** Throws when node-cron could run the expression but slots cannot be computed for it (L, #). */
export function assertSupported(expression: string): void {
  fieldsOf(expression);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

function wallTimeOf(at: Date, timezone: string): WallTime {
  const parts = formatterOf(timezone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

function asUtcMs(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/**
 * The instants at which the zone's clock shows this wall time: none in a spring-forward gap, two
 * in a fall-back hour (node-cron matches wall-clock parts, so it fires at both, and so do we).
 */
function instantsOf(w: WallTime, timezone: string): Date[] {
  const naive = asUtcMs(w);
  const found = new Set<number>();
  // The zone's offset is within ±18 h; probing the offsets just before and after finds both readings.
  for (const probe of [naive - 86_400_000 / 2, naive + 86_400_000 / 2, naive]) {
    const offset = asUtcMs(wallTimeOf(new Date(probe), timezone)) - probe;
    const candidate = naive - offset;
    if (asUtcMs(wallTimeOf(new Date(candidate), timezone)) === naive) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b).map((ms) => new Date(ms));
}

function dayMatches(f: Fields, year: number, month: number, day: number): boolean {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return f.month.has(month) && f.dayOfMonth.has(day) && f.dayOfWeek.has(weekday);
}

/** Offset (zone time − UTC) in force at an instant. */
function offsetAt(ms: number, timezone: string): number {
  return asUtcMs(wallTimeOf(new Date(ms), timezone)) - Math.floor(ms / 1000) * 1000;
}

/**
 * Wall times the schedule names, one calendar day at a time from the day of `at`, in the
 * direction asked, skipping whole hours and minutes that certainly lie on the far side of `at`
 * (using the zone's offsets around `at`, so a DST change nearby is allowed for).
 */
function* candidates(f: Fields, at: Date, timezone: string, backwards: boolean): Generator<WallTime> {
  const today = wallTimeOf(at, timezone);
  const limit = Math.floor(at.getTime() / 1000) * 1000;
  const offsets = [-2, 0, 2].map((days) => offsetAt(limit + days * 86_400_000, timezone));
  const [offMin, offMax] = [Math.min(...offsets), Math.max(...offsets)];
  const sign = backwards ? -1 : 1;
  const order = (xs: number[]) => (backwards ? xs : [...xs].reverse());
  // A wall-time span [ms, ms + span] maps to instants within [ms − offMax, ms + span − offMin].
  const beyond = (ms: number, span: number) =>
    backwards ? ms - offMax > limit : ms + span - offMin <= limit;
  const first = Date.UTC(today.year, today.month - 1, today.day) - sign * 86_400_000;
  for (let d = 0; d < MAX_DAYS_BACK; d++) {
    const date = new Date(first + sign * d * 86_400_000);
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!dayMatches(f, year, month, day)) continue;
    for (const hour of order(f.hour)) {
      if (beyond(Date.UTC(year, month - 1, day, hour), 3_599_999)) continue;
      for (const minute of order(f.minute)) {
        if (beyond(Date.UTC(year, month - 1, day, hour, minute), 59_999)) continue;
        for (const second of order(f.second)) {
          if (!beyond(Date.UTC(year, month - 1, day, hour, minute, second), 0))
            yield { year, month, day, hour, minute, second };
        }
      }
    }
  }
}

/** The latest instant ≤ `at` (to the second) at which the schedule fires, or undefined. */
export function previousSlot(spec: CronSpec, at: Date): Date | undefined {
  const limit = Math.floor(at.getTime() / 1000) * 1000;
  for (const wall of candidates(fieldsOf(spec.expression), at, spec.timezone, true)) {
    for (const instant of instantsOf(wall, spec.timezone).reverse())
      if (instant.getTime() <= limit) return instant;
  }
  return undefined;
}

/** The next `count` instants strictly after `at` (for display and tests). */
export function nextSlots(spec: CronSpec, at: Date, count: number): Date[] {
  const from = Math.floor(at.getTime() / 1000) * 1000;
  const slots: Date[] = [];
  for (const wall of candidates(fieldsOf(spec.expression), at, spec.timezone, false)) {
    for (const instant of instantsOf(wall, spec.timezone)) {
      if (instant.getTime() > from) slots.push(instant);
      if (slots.length === count) return slots;
    }
  }
  return slots;
}
