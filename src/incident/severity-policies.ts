import type { IncidentSettings, SeverityPolicy } from '../config/incident-schema.js';
import { UsageError } from '../core/errors.js';

/** When (if ever) to page, decided at declare from the severity's policy. */
export type PagingPlan =
  | { kind: 'now'; reason: string }
  | { kind: 'if-unacknowledged'; at: Date; reason: string }
  | { kind: 'at'; at: Date; reason: string }
  | { kind: 'none'; reason: string };

const MINUTE = 60_000;

/** The severity table from config: names, cadences, paging decisions and business hours. */
export class SeverityPolicies {
  constructor(private readonly settings: IncidentSettings) {}

  names(): string[] {
    return Object.keys(this.settings.severities);
  }

  /** `p1` → `P1`; an unknown severity is a usage error that lists the known ones. */
  parse(input: string): string {
    const name = input.trim().toUpperCase();
    if (name in this.settings.severities) return name;
    throw new UsageError(
      `\`${input.slice(0, 20)}\` is not a severity. Use one of: ${this.table()}.`,
      'incident declare',
    );
  }

  get(name: string): SeverityPolicy {
    const policy = this.settings.severities[name];
    if (!policy) throw new UsageError(`Unknown severity ${name}; known: ${this.names().join(', ')}.`);
    return policy;
  }

  describe(name: string): string {
    return this.settings.severities[name]?.description ?? name;
  }

  /** `P0 (Complete service outage), P1 (…)`. */
  table(): string {
    return Object.entries(this.settings.severities)
      .map(([name, p]) => `${name} (${p.description})`)
      .join(', ');
  }

  /** Order for lists: the table's order, most severe first. */
  rank(name: string): number {
    const i = this.names().indexOf(name);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  }

  nextUpdateAt(name: string, from: Date): Date | undefined {
    const every = this.get(name).updateEveryMinutes;
    return every === null ? undefined : new Date(from.getTime() + every * MINUTE);
  }

  paging(name: string, declaredAt: Date): PagingPlan {
    const policy = this.get(name);
    switch (policy.paging) {
      case 'now':
        return { kind: 'now', reason: `${name} policy: page on-call at once` };
      case 'unacknowledged': {
        const window = policy.ackWindowMinutes ?? policy.respondWithinMinutes;
        return {
          kind: 'if-unacknowledged',
          at: new Date(declaredAt.getTime() + window * MINUTE),
          reason: `${name} policy: page on-call if not acknowledged within ${window} min`,
        };
      }
      case 'business-hours': {
        const at = this.nextBusinessMoment(declaredAt);
        return at.getTime() === declaredAt.getTime()
          ? { kind: 'now', reason: `${name} policy: business hours, and it is business hours` }
          : {
              kind: 'at',
              at,
              reason: `${name} policy: business hours; page at the next opening if still open`,
            };
      }
      default:
        return { kind: 'none', reason: `${name} policy: no page` };
    }
  }

  /** `from` itself inside business hours, else the next opening (checked in 15-minute steps). */
  nextBusinessMoment(from: Date): Date {
    const { timezone, days, start, end } = this.settings.businessHours;
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const open = (at: Date) => {
      const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
      const hhmm = `${parts.hour}:${parts.minute}`;
      return days.includes(weekdays.indexOf(parts.weekday ?? '') + 1) && hhmm >= start && hhmm < end;
    };
    if (open(from)) return from;
    const step = 15 * MINUTE;
    let at = new Date(Math.ceil(from.getTime() / step) * step);
    for (let i = 0; i < 8 * 96 && !open(at); i++) at = new Date(at.getTime() + step);
    return at;
  }
}
