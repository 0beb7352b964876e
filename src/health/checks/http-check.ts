import { type Dispatcher, request } from 'undici';
import type { CheckConfig } from '../../config/schema.js';
import { bodyPattern } from '../../core/written-regex.js';
import type { Checker, CheckOutcome } from '../model.js';

type HttpCheckConfig = Extract<CheckConfig, { kind: 'http' }>;

/** Enough of a body to match against; a health endpoint that streams megabytes is not read whole. */
const MAX_BODY_BYTES = 256 * 1024;

export async function readBodyCapped(body: AsyncIterable<Buffer>, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

function bodyMatches(body: string, pattern: string): boolean {
  const regex = bodyPattern(pattern);
  return regex ? regex.test(body) : body.includes(pattern);
}

/** A body that looks like JSON is sent as JSON unless the config names its content type. */
function withContentType(headers: Record<string, string>, body: string | undefined): Record<string, string> {
  if (body === undefined || Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    return headers;
  return { ...headers, 'content-type': /^\s*[[{]/.test(body) ? 'application/json' : 'text/plain' };
}

/** `curl -f URL` (or `curl -X POST -d BODY`): the status must be accepted (default 2xx) and the body may have to match. */
export function httpChecker(config: HttpCheckConfig, dispatcher?: Dispatcher): Checker {
  return {
    kind: 'http',
    async check(signal): Promise<CheckOutcome> {
      const response = await request(config.url, {
        method: config.method,
        headers: withContentType(config.headers, config.body),
        body: config.body,
        signal,
        dispatcher,
      });
      const accepted = config.expectStatus
        ? config.expectStatus.includes(response.statusCode)
        : response.statusCode >= 200 && response.statusCode < 300;
      const body = config.method === 'HEAD' ? '' : await readBodyCapped(response.body);
      if (config.method === 'HEAD') await response.body.dump();
      if (!accepted)
        return {
          status: 'unhealthy',
          reason: `HTTP ${response.statusCode}`,
          details: { statusCode: response.statusCode },
        };
      if (config.bodyMatch && !bodyMatches(body, config.bodyMatch)) {
        return {
          status: 'unhealthy',
          reason: `HTTP ${response.statusCode}, body does not match ${config.bodyMatch}`,
        };
      }
      return {
        status: 'healthy',
        reason: `HTTP ${response.statusCode}`,
        details: { statusCode: response.statusCode },
      };
    },
  };
}
