import type { Clock } from '../core/clock.js';
import type { IncidentRows } from './incident-records.js';
import type { Incident } from './model.js';

/** The rows' methods that change nothing; every other method counts as a write (a new one too). */
const READS: ReadonlySet<keyof IncidentRows> = new Set<keyof IncidentRows>([
  'byNumber',
  'byId',
  'byRequestKey',
  'byChannel',
  'listOpen',
  'declaredOrResolvedSince',
  'publicSince',
  'lockRequestKey',
  'timeline',
]);

/**
 * The open incidents as this replica last read them, shared by the asks that follow within
 * `freshMs` of the read's start, until a write to the incidents' rows made here (see
 * `noticingWrites`). Under a burst of `/bers incident list` (600 a second in the load bench) the
 * read was most of what a list cost on the embedded store: one per ask. So a replica reads them
 * about once a second however many ask, and whoever changed an incident here sees it in the next
 * list. A change made by another replica, or inside a PostgreSQL transaction not yet committed
 * when the read ran, shows at most `freshMs` late.
 */
export class OpenIncidents {
  private latest?: { startedAt: number; rows: Promise<readonly Incident[]> };

  constructor(
    private readonly clock: Clock,
    private readonly freshMs: number,
  ) {}

  /** An incident's rows were written here: nothing read before it is shared any more. */
  changed(): void {
    this.latest = undefined;
  }

  /** The latest read when it started under `freshMs` ago and nothing was written since; else `read()`. */
  get(read: () => Promise<readonly Incident[]>): Promise<readonly Incident[]> {
    const now = this.clock.now().getTime();
    const latest = this.latest;
    if (latest && now - latest.startedAt < this.freshMs) return latest.rows;
    const entry = { startedAt: now, rows: read() };
    this.latest = entry;
    // A failed read is not shared with the asks after it.
    entry.rows.catch(() => {
      if (this.latest === entry) this.latest = undefined;
    });
    return entry.rows;
  }
}

/** `rows` with `changed` called after each of its writes, whether it succeeded or not. */
export function noticingWrites(rows: IncidentRows, changed: () => void): IncidentRows {
  const noticed: Record<string, unknown> = { ...rows };
  for (const key of Object.keys(rows) as (keyof IncidentRows)[]) {
    const method = rows[key] as unknown;
    if (READS.has(key) || typeof method !== 'function') continue;
    noticed[key] = (...args: unknown[]) =>
      (method as (...a: unknown[]) => Promise<unknown>).apply(rows, args).finally(changed);
  }
  return noticed as unknown as IncidentRows;
}
