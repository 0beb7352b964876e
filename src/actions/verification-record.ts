import type { Clock } from '../core/clock.js';
import type { ActionRepository } from './action-repository.js';
import type { ActionRequest } from './action-request.js';
import type { Verification } from './verify-operation.js';

/** succeeded → verified | unverified, with how long it took (whole seconds, as the column keeps them). */
export async function recordVerification(
  repo: ActionRepository,
  clock: Clock,
  request: ActionRequest,
  result: Verification,
): Promise<{ state: 'verified' | 'unverified'; done: ActionRequest }> {
  const state = result.healthy ? 'verified' : 'unverified';
  const verifySeconds = Math.round(result.seconds);
  const done = (await repo.transition(request.id, state, clock.now(), { verifySeconds })) ?? request;
  return { state, done };
}

/** What the audit row of a verification keeps: attempts, the last reason, the window, a relapse. */
export function verificationDetails(result: Verification): Record<string, unknown> {
  return {
    attempts: result.attempts,
    reason: result.reason,
    ...(result.stable && { stable: result.stable }),
    ...(result.relapse && { relapse: result.relapse }),
    ...(result.metric && { metric: result.metric }),
  };
}
