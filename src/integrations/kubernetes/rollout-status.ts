import { setTimeout as sleep } from 'node:timers/promises';
import type { V1Deployment } from '@kubernetes/client-node';

export interface RolloutStatus {
  done: boolean;
  message: string;
  /** One line per distinct status seen, like `kubectl rollout status` prints. */
  log: string[];
}

/** `kubectl rollout status`: complete when the controller saw the new generation and every replica is updated and available. */
export function rolloutState(d: V1Deployment, generation: number): { done: boolean; message: string } {
  const want = d.spec?.replicas ?? 1;
  const s = d.status ?? {};
  if ((s.observedGeneration ?? 0) < generation)
    return { done: false, message: 'waiting for the controller to observe the change' };
  const updated = s.updatedReplicas ?? 0;
  const available = s.availableReplicas ?? 0;
  const total = s.replicas ?? 0;
  if (updated < want) return { done: false, message: `${updated} of ${want} updated replicas are available` };
  if (total > updated)
    return { done: false, message: `${total - updated} old replicas are pending termination` };
  if (available < updated)
    return { done: false, message: `${available} of ${updated} updated replicas are available` };
  return { done: true, message: `${available} of ${want} replicas updated and available` };
}

export async function waitForRollout(
  read: () => Promise<V1Deployment>,
  generation: number,
  options: { timeoutMs: number; pollMs: number; signal: AbortSignal },
): Promise<RolloutStatus> {
  const deadline = Date.now() + options.timeoutMs;
  const log: string[] = [];
  for (;;) {
    const state = rolloutState(await read(), generation);
    if (log.at(-1) !== state.message) log.push(state.message);
    if (state.done) return { ...state, log };
    if (Date.now() >= deadline || options.signal.aborted) {
      return {
        done: false,
        message: `timed out after ${Math.round(options.timeoutMs / 1000)} s (${state.message})`,
        log,
      };
    }
    await sleep(Math.min(options.pollMs, Math.max(1, deadline - Date.now())));
  }
}
