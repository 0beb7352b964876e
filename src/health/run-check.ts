import type { CircuitBreaker, Permit } from './circuit-breaker.js';
import { describeError } from './describe-error.js';
import type { Checker, CheckOutcome, CheckResult } from './model.js';

export interface CheckEntry {
  name: string;
  kind: string;
  critical: boolean;
  timeoutMs: number;
  checker: Checker;
  breaker: CircuitBreaker;
}

/** Rejects as soon as `signal` aborts, so a checker that ignores its signal still cannot hold us up. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function refused(permit: Extract<Permit, { allowed: false }>): CheckOutcome {
  const last = permit.lastFailure ? ` (last: ${permit.lastFailure})` : '';
  if (permit.retryInMs <= 0) {
    return { status: 'unknown', reason: `circuit half-open: a trial call is in progress${last}` };
  }
  return {
    status: 'unknown',
    reason: `circuit open after ${permit.failures} failures${last}; next try in ${Math.ceil(permit.retryInMs / 1000)} s`,
  };
}

export interface CheckOptions {
  /**
   * Call the target even when its breaker is open, and let the result close or re-open it. For
   * verification after a restart or rollback: the breaker opened while the service was down, and
   * the question now is precisely whether it is back.
   */
  bypassBreaker?: boolean;
}

/**
 * The overall deadline of one `/bers health`, shared by every check of the run: one timer cuts
 * every run still waiting. A set of callbacks rather than an abort signal with a listener per
 * check (what `AbortSignal.any` adds), whose every removal walks all the others: 5,000 checks cost
 * O(n²). And a timer cleared when the run is over, not `AbortSignal.timeout`, which cannot be:
 * every run's fired seconds after its answer, building a DOMException each time (2 % of the main
 * thread at 600 commands/s).
 */
export class Deadline {
  private readonly waiting = new Set<() => void>();
  private readonly timer: NodeJS.Timeout;
  private passed = false;

  constructor(ms: number) {
    this.timer = setTimeout(() => {
      this.passed = true;
      for (const cut of this.waiting) cut();
      this.waiting.clear();
    }, ms);
  }

  /** Calls `cut` at the deadline (at once if it has passed); the returned function unlinks it. */
  onExpiry(cut: () => void): () => void {
    if (this.passed) {
      cut();
      return () => {};
    }
    this.waiting.add(cut);
    return () => this.waiting.delete(cut);
  }

  /** The run is over: its timer goes. */
  dispose(): void {
    clearTimeout(this.timer);
  }
}

/** Why a check's signal aborted: compared by identity, so a checker's own errors are never taken for them. */
export const DEADLINE = new Error('no result before the overall deadline');
const TIMEOUT = new Error('check timeout');

/**
 * One call of a check's target under its own timeout, guarded by its breaker; `controller` aborts
 * it early (with `DEADLINE` when nobody waits for it any more). Never throws: every way a check
 * can fail becomes a result. One cut by the deadline is `unknown` (it might have answered), one
 * past its own timeout is `unhealthy`.
 */
export async function attemptCheck(
  entry: CheckEntry,
  controller: AbortController,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const base = { name: entry.name, kind: entry.kind, critical: entry.critical };
  if (!options.bypassBreaker) {
    const permit = entry.breaker.permit();
    if (!permit.allowed) return { ...base, latencyMs: 0, ...refused(permit) };
  }
  // One controller and one timer per call, rather than AbortSignal.timeout + AbortSignal.any.
  const timer = setTimeout(() => controller.abort(TIMEOUT), entry.timeoutMs);
  const signal = controller.signal;
  const started = performance.now();
  let outcome: CheckOutcome;
  try {
    outcome = await untilAborted(
      Promise.resolve().then(() => entry.checker.check(signal)),
      signal,
    );
  } catch (error) {
    if (signal.aborted && signal.reason === DEADLINE) {
      outcome = { status: 'unknown', reason: 'no result before the overall deadline' };
    } else if (signal.aborted && signal.reason === TIMEOUT) {
      outcome = { status: 'unhealthy', reason: `no answer within ${entry.timeoutMs} ms` };
    } else {
      outcome = { status: 'unhealthy', reason: describeError(error) };
    }
  } finally {
    clearTimeout(timer);
  }
  const latencyMs = Math.round(performance.now() - started);
  if (outcome.status === 'unhealthy') entry.breaker.failed(outcome.reason);
  else if (outcome.status === 'unknown') entry.breaker.inconclusive();
  else entry.breaker.succeeded();
  return { ...base, ...outcome, latencyMs };
}
