import type { Severity } from './model.js';

export interface ResponseTargets {
  critical: number;
  warning: number;
}

export interface ResponseStatus {
  ageMs: number;
  dueAt: Date;
  overdue: boolean;
  /** "5 min", "30 min", "next business day". */
  target: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The end (UTC) of the first weekday after `from`: "review during next business day" (seed 000). */
export function nextBusinessDayEnd(from: Date): Date {
  let day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()) + DAY);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() + DAY);
  return new Date(day.getTime() + DAY - 1);
}

/** How an alert's age compares with its severity's response target. */
export function responseStatus(
  severity: Severity,
  startsAt: Date,
  now: Date,
  targets: ResponseTargets,
): ResponseStatus {
  const ageMs = Math.max(0, now.getTime() - startsAt.getTime());
  const dueAt =
    severity === 'info'
      ? nextBusinessDayEnd(startsAt)
      : new Date(startsAt.getTime() + targets[severity] * MINUTE);
  const target = severity === 'info' ? 'next business day' : `${targets[severity]} min`;
  return { ageMs, dueAt, overdue: now.getTime() > dueAt.getTime(), target };
}

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatAge(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}
