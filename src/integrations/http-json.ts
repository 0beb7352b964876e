import { request } from 'undici';

/** A peer answered with an HTTP error; the message carries its own words when it sent any. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpStatusError';
  }
}

/** One JSON call to a vendor API; non-2xx answers become HttpStatusError with the peer's message. */
export async function httpJson<T>(
  url: URL | string,
  options: {
    method?: 'GET' | 'POST' | 'DELETE';
    body?: unknown;
    signal?: AbortSignal;
    headers?: Record<string, string>;
  } = {},
): Promise<T> {
  const response = await request(url, {
    method: options.method ?? 'GET',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    headers: {
      accept: 'application/json',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    signal: options.signal,
  });
  const text = await response.body.text();
  if (response.statusCode < 200 || response.statusCode > 299) {
    throw new HttpStatusError(response.statusCode, `HTTP ${response.statusCode}: ${peerMessage(text)}`);
  }
  if (text.trim() === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`answered HTTP ${response.statusCode} with something that is not JSON`);
  }
}

function peerMessage(text: string): string {
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'string') return body.slice(0, 300);
    const record = body as Record<string, unknown>;
    const message = record.message ?? record.error ?? record.detail;
    if (typeof message === 'string') return message.slice(0, 300);
  } catch {
    // not JSON: the text itself is the message
  }
  return text.trim().slice(0, 300) || '(empty body)';
}

/** Joins a base URL and a path, whether or not the base ends with a slash. */
export function joinUrl(base: string, path: string): URL {
  return new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
}
