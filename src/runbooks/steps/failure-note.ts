import { type Mrkdwn, md } from '../../core/mrkdwn.js';

/** What a step shows when its source failed: the reason, never a thrown walk. */
export function failureNote(error: unknown): Mrkdwn {
  return md`⚠️ ${(error as Error).message}`;
}

/** A gather that throws (a source down) shows why instead of stopping the walk. */
export async function safely<T>(fn: () => Promise<T>): Promise<T | Mrkdwn> {
  try {
    return await fn();
  } catch (error) {
    return failureNote(error);
  }
}
