import { request } from 'undici';
import type { HttpStep } from '../../config/actions-schema.js';
import type { ExecutionResult } from '../executor.js';
import { tail } from '../executor.js';

/**
 * Replaces `{name}` for every name in `vars`, each value passed through `encode`; other braces stay
 * as written. Values are filled in once, so a value containing `{x}` is never expanded again.
 */
export function fillPlaceholders(
  text: string,
  vars: Readonly<Record<string, string>>,
  encode: (value: string) => string,
): string {
  return text.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? encode(vars[name]!) : whole,
  );
}

/** A value inside a JSON string literal in the configured body. */
export const jsonEscape = (value: string) => JSON.stringify(value).slice(1, -1);

/** `http POST https://ci.example.com/hooks/x`: no query string, which may carry a token. */
export function describeHttp(step: HttpStep, vars: Readonly<Record<string, string>> = {}): string {
  const url = new URL(fillPlaceholders(step.url, vars, encodeURIComponent));
  return `http ${step.method} ${url.origin}${readablePath(url.pathname)}`;
}

/** `/cache/%3Cttl%3E` reads as `/cache/<ttl>`; reserved characters (an encoded `/`) stay encoded. */
function readablePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** Calls one configured webhook, values URL-encoded in the URL and JSON-escaped in the body. */
export async function callHttpStep(
  step: HttpStep,
  vars: Readonly<Record<string, string>>,
  signal: AbortSignal,
): Promise<ExecutionResult> {
  try {
    const response = await request(fillPlaceholders(step.url, vars, encodeURIComponent), {
      method: step.method,
      headers: step.headers,
      body: step.body === undefined ? undefined : fillPlaceholders(step.body, vars, jsonEscape),
      signal: AbortSignal.any([signal, AbortSignal.timeout(step.timeoutSeconds * 1000)]),
    });
    const text = await response.body.text();
    const ok = step.expectStatus.includes(response.statusCode);
    return {
      ok,
      summary: `${step.method} answered HTTP ${response.statusCode}${ok ? '' : ` (expected ${step.expectStatus.join('/')})`}`,
      outputTail: tail(text),
    };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return {
      ok: false,
      summary: timedOut
        ? `no answer within ${step.timeoutSeconds} s`
        : `request failed: ${(error as Error).message}`,
      outputTail: '',
    };
  }
}
