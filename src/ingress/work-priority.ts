import { getPriority, setPriority } from 'node:os';
import type { Logger } from 'pino';

/**
 * Lowers the scheduling priority of the calling thread by `nice` steps, so that when the CPUs are
 * busy the ingress thread (started before, at the normal priority) gets them first: an ack is
 * due within Slack's 3 seconds, the work behind it is not. Linux keeps a nice value per thread, so
 * this changes only the calling thread (and threads it starts later); elsewhere it would renice
 * the whole process, ingress included, so it does nothing there.
 */
export function lowerThisThreadsPriority(nice: number, log: Logger): void {
  if (nice === 0 || process.platform !== 'linux') return;
  try {
    const before = getPriority(0);
    const after = Math.min(19, before + nice);
    setPriority(0, after);
    log.debug({ before, after }, 'main thread priority lowered below the ingress thread');
  } catch (error) {
    log.warn({ err: error }, 'could not lower the main thread priority; acks compete with work for CPU');
  }
}
