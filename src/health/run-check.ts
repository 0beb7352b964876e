import type { CircuitBreaker } from './circuit-breaker.js';
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

function failureOf(
  error: unknown,
  timedOut: boolean,
  timeoutMs: number,
  pastDeadline: boolean,
): CheckOutcome {
  if (pastDeadline) return { status: 'unknown', reason: 'no result before the overall deadline' };
  if (timedOut) return { status: 'unhealthy', reason: `no answer within ${timeoutMs} ms` };
  const err = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = err.cause?.code ?? err.cause?.message;
  return { status: 'unhealthy', reason: [err.message ?? String(error), cause].filter(Boolean).join(': ') };
}

/**
 * Runs one check with its own timeout under the overall deadline, guarded by its breaker.
 * Never throws: every way a check can fail becomes a result.
 */
export async function runCheck(entry: CheckEntry, deadline: AbortSignal): Promise<CheckResult> {
  const base = { name: entry.name, kind: entry.kind, critical: entry.critical };
  const permit = entry.breaker.permit();
  if (!permit.allowed) {
    const seconds = Math.ceil(permit.retryInMs / 1000);
    return {
      ...base,
      latencyMs: 0,
      status: 'unknown',
      reason: `circuit open after repeated failures; next try in ${seconds} s`,
    };
  }
  const timeout = AbortSignal.timeout(entry.timeoutMs);
  const signal = AbortSignal.any([timeout, deadline]);
  const started = performance.now();
  let outcome: CheckOutcome;
  try {
    outcome = await untilAborted(entry.checker.check(signal), signal);
  } catch (error) {
    outcome = failureOf(error, timeout.aborted, entry.timeoutMs, deadline.aborted && !timeout.aborted);
  }
  const latencyMs = Math.round(performance.now() - started);
  if (outcome.status === 'unhealthy') entry.breaker.failed();
  else if (outcome.status !== 'unknown') entry.breaker.succeeded();
  return { ...base, ...outcome, latencyMs };
}
