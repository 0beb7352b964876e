import { randomBytes } from 'node:crypto';

/** A short id users can quote to find the full error in the logs. */
export function newCorrelationId(): string {
  return randomBytes(4).toString('hex');
}
