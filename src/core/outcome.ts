import { ErrorCode, isBersError } from './errors.js';

/** How an interaction ended: the one vocabulary of audit rows, metrics and the pipeline's result. */
export type Outcome = 'ok' | 'usage' | 'denied' | 'not_found' | 'conflict' | 'unavailable' | 'error';

const BY_CODE: Partial<Record<ErrorCode, Outcome>> = {
  [ErrorCode.Usage]: 'usage',
  [ErrorCode.Forbidden]: 'denied',
  [ErrorCode.NotFound]: 'not_found',
  [ErrorCode.Conflict]: 'conflict',
  [ErrorCode.Unavailable]: 'unavailable',
};

/** The outcome an error stands for; anything we did not expect is `error`. */
export function outcomeOf(error: unknown): Outcome {
  return (isBersError(error) && BY_CODE[error.code]) || 'error';
}
