interface ErrorLike {
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * A short reason from whatever a checker threw. Node's connection errors are often AggregateErrors
 * with an empty message (one attempt per address of `localhost`), and undici wraps its causes:
 * the useful text may be in `errors[0]`, `cause` or `code`.
 */
export function describeError(error: unknown, depth = 0): string {
  if (error === null || typeof error !== 'object') return String(error) || 'unknown error';
  const err = error as ErrorLike;
  const own = typeof err.message === 'string' ? err.message.trim() : '';
  if (depth < 3 && Array.isArray(err.errors) && err.errors.length > 0 && own === '') {
    return describeError(err.errors[0], depth + 1);
  }
  const code = typeof err.code === 'string' ? err.code : undefined;
  const cause = depth < 3 && err.cause !== undefined ? describeError(err.cause, depth + 1) : undefined;
  const parts = [own || code, cause && !own.includes(cause) ? cause : undefined].filter(Boolean);
  return (parts.join(': ') || 'unknown error').slice(0, 300);
}
