import type { Clock } from '../core/clock.js';
import type { Occurrence } from './model.js';

/**
 * How long the windows read from the store are used before they are read again. A window another
 * replica schedules or cancels shows here at most this late; this replica's own changes show at
 * once (it drops what it holds), and a window's start and end are by the clock, not by this read.
 */
export const WINDOWS_FRESH_MS = 5_000;

/**
 * The occurrences not over, kept in memory: `/bers health` and the two-person rule ask for the
 * window of a service on every command, and at hundreds of commands a second one read per command
 * was a third of the store's statements (bench/command-load.bench.ts). Callers that come while a
 * read is in flight share it.
 */
export class CurrentWindows {
  private held?: { readAt: number; occurrences: Occurrence[] };
  private reading?: Promise<Occurrence[]>;
  /** Bumped by `forget`: a read started before it is not kept, since it may miss the change. */
  private generation = 0;

  constructor(
    private readonly read: (now: Date) => Promise<Occurrence[]>,
    private readonly clock: Clock,
    private readonly freshMs = WINDOWS_FRESH_MS,
  ) {}

  /** The windows under way at the clock's now (a start timer a few seconds late does not matter). */
  async now(): Promise<Occurrence[]> {
    const occurrences = await this.notOver();
    const now = this.clock.now();
    return occurrences.filter((o) => o.startsAt <= now && now < o.endsAt && !o.endedAt && !o.cancelledAt);
  }

  /** After this replica schedules, starts, ends or cancels a window: the next ask reads again. */
  forget(): void {
    this.generation++;
    this.held = undefined;
    this.reading = undefined;
  }

  private notOver(): Promise<Occurrence[]> {
    const at = this.clock.now().getTime();
    if (this.held && at - this.held.readAt < this.freshMs && at >= this.held.readAt) {
      return Promise.resolve(this.held.occurrences);
    }
    if (this.reading) return this.reading;
    const generation = this.generation;
    const reading = this.read(new Date(at)).then(
      (occurrences) => {
        if (generation === this.generation) {
          this.held = { readAt: at, occurrences };
          this.reading = undefined;
        }
        return occurrences;
      },
      (error: unknown) => {
        if (generation === this.generation) this.reading = undefined;
        throw error;
      },
    );
    this.reading = reading;
    return reading;
  }
}
