import { type Checked, checkEventsBody, checkInteractivity, checkSlashCommand } from './slack-payload.js';

/** What to do with a signed body on `POST /slack/events`. */
export type HttpVerdict =
  | { kind: 'bolt'; body: Record<string, unknown> }
  /** Answered here, without Bolt (URL verification, a rate-limit notice). */
  | { kind: 'answer'; status: 200; contentType?: string; body: string; note: string }
  | { kind: 'refuse'; status: 400 | 415; reason: string };

type Media = 'form' | 'json';

/** The media type, parameters (`; charset=utf-8`) and case aside. */
export function mediaOf(contentType: string | undefined): Media | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'application/json') return 'json';
  return undefined;
}

/** Slack's `ssl_check=1` probe: answered 200 without a signature, as Bolt does, and nothing runs. */
export function isSslCheck(contentType: string | undefined, raw: Buffer): boolean {
  return (
    mediaOf(contentType) === 'form' && new URLSearchParams(raw.toString('utf8')).get('ssl_check') === '1'
  );
}

const toBolt = (checked: Checked): HttpVerdict =>
  checked.ok ? { kind: 'bolt', body: checked.body } : { kind: 'refuse', status: 400, reason: checked.reason };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Slack's forms have each field once; a repeated one would be an array to Bolt, a string to us. */
function fromForm(text: string): HttpVerdict {
  const fields = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(text)) {
    if (fields.has(key))
      return { kind: 'refuse', status: 400, reason: `form field "${key}" given more than once` };
    fields.set(key, value);
  }
  const payload = fields.get('payload');
  if (payload === undefined) return toBolt(checkSlashCommand(Object.fromEntries(fields)));
  const parsed = parseJson(payload);
  return parsed.ok
    ? toBolt(checkInteractivity(parsed.value))
    : { kind: 'refuse', status: 400, reason: 'payload is not JSON' };
}

function fromJson(text: string): HttpVerdict {
  const parsed = parseJson(text);
  if (!parsed.ok) return { kind: 'refuse', status: 400, reason: 'body is not JSON' };
  const checked = checkEventsBody(parsed.value);
  if (!checked.ok) return toBolt(checked);
  const { body } = checked;
  if (body.type === 'url_verification') {
    const answer = JSON.stringify({ challenge: body.challenge });
    return {
      kind: 'answer',
      status: 200,
      contentType: 'application/json',
      body: answer,
      note: 'URL verification',
    };
  }
  if (body.type === 'app_rate_limited')
    return { kind: 'answer', status: 200, body: '', note: 'Slack is rate-limiting events to this app' };
  return { kind: 'bolt', body };
}

/**
 * A signed body's shape: slash commands and interactivity arrive as forms, Events API callbacks as
 * JSON. Anything else is refused with the reason, never handed to Bolt to throw on.
 */
export function readSlackBody(contentType: string | undefined, raw: Buffer): HttpVerdict {
  const media = mediaOf(contentType);
  if (!media)
    return {
      kind: 'refuse',
      status: 415,
      reason: 'content-type must be application/x-www-form-urlencoded or application/json',
    };
  // Invalid UTF-8 becomes U+FFFD here; the signature was checked over the bytes as sent.
  const text = raw.toString('utf8');
  return media === 'form' ? fromForm(text) : fromJson(text);
}
