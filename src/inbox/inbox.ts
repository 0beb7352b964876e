import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { GroupCommit } from '../core/group-commit.js';
import type { Store } from '../store/store.js';
import { inboxRepository as repo } from './inbox-repository.js';
import { Journal } from './journal.js';
import type { InboxTarget, KeptRequest } from './kept-request.js';

/** What the inbox does with a request: the request pipeline, behind this port. */
export interface InboxWork {
  /** Works the request (permission, handler, audit, reply); resolves with its outcome. */
  work(request: KeptRequest): Promise<string>;
  /** Tells the requester that a request found too late to answer was not worked. */
  expired(request: KeptRequest, reason: 'too-late' | 'keeps-failing'): Promise<void>;
}

export interface InboxOptions {
  store: Store;
  target: InboxTarget;
  work: InboxWork;
  clock: Clock;
  log: Logger;
}

/** Slack's response_url answers for 30 minutes; past this age a reply could no longer arrive. */
const ANSWERABLE_MS = 28 * 60_000;
/** A request taken up this often without finishing is not tried again (it may be what crashes us). */
const MAX_ATTEMPTS = 3;
const PURGE_EVERY_MS = 60 * 60_000;
/** A journaled request this old and not done, nor being worked, had its work fail: try it again. */
const RETRY_AFTER_MS = 2 * 60_000;

/**
 * The main thread's side of "an ack means it is kept": every acked request is worked and marked
 * done with its outcome; after a crash, whoever holds the store takes up what was left unfinished
 * (the embedded store's journal at start; on PostgreSQL, any replica's requests whose lease ran out).
 */
export class Inbox {
  private readonly inFlight = new Set<string>();
  private readonly completions = new GroupCommit(
    async (done: { request: KeptRequest; outcome: string }[]) => {
      await repo.complete(this.options.store, done);
      return done.map(() => undefined);
    },
    // Those finished in one turn of the event loop together (PGlite never yields mid-write), and
    // under load at most one write per 50 ms: nothing waits for a done mark (the reply has gone),
    // and a crash inside those 50 ms only has the request worked again, as any crash mid-work.
    // At 600 commands/s, 50 ms against 10 took the bot's CPU per command from 1.03–1.05 ms to
    // 0.95 (two pairs of runs): PGlite costs nearly the same per statement for 6 rows as for 30.
    { gather: 'turn', spacingMs: 50 },
  );
  private timer?: NodeJS.Timeout;
  private lastPurge = 0;

  constructor(private readonly options: InboxOptions) {}

  /** A request the ingress thread kept and acked: work it now. */
  async accept(request: KeptRequest): Promise<void> {
    if (this.inFlight.has(request.id)) return;
    this.inFlight.add(request.id);
    try {
      const outcome = await this.options.work.work(request);
      await this.completions.add({ request, outcome });
    } catch (error) {
      // Left unfinished on purpose: it is taken up again (recovery), not dropped.
      this.options.log.error(
        { err: error, request: request.id },
        'request not worked; it stays in the inbox',
      );
    } finally {
      this.inFlight.delete(request.id);
    }
  }

  /** Takes up what a dead process left unfinished, then keeps watching (leases, old segments). */
  async start(): Promise<void> {
    await this.recover();
    const every = this.options.target.kind === 'postgres' ? this.options.target.leaseMs / 3 : 30_000;
    this.timer = setInterval(() => void this.tick(), every);
    this.timer.unref();
  }

  /** Stops watching; gives the requests being worked a moment to finish (the rest are taken up later). */
  async stop(waitMs = 5_000): Promise<void> {
    clearInterval(this.timer);
    const until = Date.now() + waitMs;
    while (this.inFlight.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  }

  /** Requests this process is working now (tests, metrics). */
  get working(): number {
    return this.inFlight.size;
  }

  private async recover(): Promise<void> {
    if (this.options.target.kind === 'journal') await this.takeUpJournaled(0);
    await this.tick();
  }

  /**
   * Journaled requests not done, at least `minAgeMs` old (a younger one may still be on its way from
   * the ingress thread), and not being worked here: at start all of them, later the ones whose work
   * failed (the store was down), so they are retried rather than left until the next start.
   */
  private async takeUpJournaled(minAgeMs: number): Promise<void> {
    const { target, store, clock } = this.options;
    if (target.kind !== 'journal') return;
    const cutoff = clock.now().getTime() - minAgeMs;
    for (const segment of await new Journal(target.dir).segments()) {
      const done = await repo.doneAmong(
        store,
        segment.requests.map((r) => r.id),
      );
      const left = segment.requests.filter(
        (r) => !done.has(r.id) && !this.inFlight.has(r.id) && Date.parse(r.receivedAt) <= cutoff,
      );
      for (const request of left) void this.takeUp(request, await repo.takeUp(store, request));
    }
  }

  private async tick(): Promise<void> {
    const { target, store, log } = this.options;
    try {
      if (target.kind === 'postgres') {
        await repo.renew(store, target.owner, [...this.inFlight], target.leaseMs);
        for (const { request, attempts } of await repo.claimExpired(store, target.owner, target.leaseMs)) {
          log.warn({ request: request.id, attempts }, 'taking up a request another process left unfinished');
          void this.takeUp(request, attempts);
        }
      }
      if (target.kind === 'journal') {
        await this.takeUpJournaled(RETRY_AFTER_MS);
        await this.compact(target.dir);
      }
      if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
        this.lastPurge = Date.now();
        await repo.purgeDone(store);
      }
    } catch (error) {
      log.error({ err: error }, 'inbox upkeep failed; retrying');
    }
  }

  /** Deletes journal segments whose every request is done; never the newest, still being written. */
  private async compact(dir: string): Promise<void> {
    const journal = new Journal(dir);
    const closed = (await journal.segments()).slice(0, -1);
    for (const segment of closed) {
      const done = await repo.doneAmong(
        this.options.store,
        segment.requests.map((r) => r.id),
      );
      if (segment.requests.every((r) => done.has(r.id))) await journal.remove(segment);
    }
  }

  private async takeUp(request: KeptRequest, attempts: number): Promise<void> {
    const age = this.options.clock.now().getTime() - Date.parse(request.receivedAt);
    if (attempts <= MAX_ATTEMPTS && age < ANSWERABLE_MS) return this.accept(request);
    if (this.inFlight.has(request.id)) return;
    this.inFlight.add(request.id);
    const reason = attempts > MAX_ATTEMPTS ? 'keeps-failing' : 'too-late';
    try {
      await this.options.work.expired(request, reason);
      await this.completions.add({ request, outcome: reason === 'too-late' ? 'expired' : 'abandoned' });
    } catch (error) {
      this.options.log.error({ err: error, request: request.id }, 'could not report an unworked request');
    } finally {
      this.inFlight.delete(request.id);
    }
  }
}
