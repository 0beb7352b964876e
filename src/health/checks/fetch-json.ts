import { type Dispatcher, request } from 'undici';
import type { CheckOutcome } from '../model.js';
import { readBodyCapped } from './http-check.js';

/**
 * GETs a health endpoint and hands its JSON to `parse`. Health endpoints commonly answer 503 with
 * the same JSON when unhealthy, so the body is read whatever the status; a body that is not JSON
 * is a failure of the endpoint itself and says so.
 */
export async function checkJsonEndpoint(
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  parse: (body: unknown) => CheckOutcome,
  dispatcher?: Dispatcher,
): Promise<CheckOutcome> {
  const response = await request(url, {
    method: 'GET',
    headers: { accept: 'application/json', ...headers },
    signal,
    dispatcher,
  });
  const text = await readBodyCapped(response.body);
  const http = `HTTP ${response.statusCode}`;
  const ok = response.statusCode >= 200 && response.statusCode < 300;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const what = text.trim() === '' ? 'an empty body' : 'a body that is not JSON';
    return {
      status: 'unhealthy',
      reason: `${http} with ${what}`,
      details: { statusCode: response.statusCode },
    };
  }
  const outcome = parse(body);
  const details = { ...outcome.details, statusCode: response.statusCode };
  if (ok) return { ...outcome, details };
  // An error code is never healthy (a 401 body saying "healthy" is not about us); the body's own
  // degraded/unhealthy verdict is kept, since that is what the service knows about itself.
  if (outcome.status === 'healthy' || outcome.status === 'unknown') {
    return { ...outcome, status: 'unhealthy', reason: `${http}: ${outcome.reason}`, details };
  }
  return { ...outcome, reason: `${outcome.reason} (${http})`, details };
}
