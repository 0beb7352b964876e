import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's window: a request signed more than 5 minutes before or after now is refused. */
const TOLERANCE_SECONDS = 5 * 60;

export interface SignedRequest {
  /** `x-slack-request-timestamp`, as sent. */
  timestamp: string | string[] | undefined;
  /** `x-slack-signature`, as sent. */
  signature: string | string[] | undefined;
  /** The raw body bytes: what Slack signed, before any decoding. */
  body: Buffer;
}

export type Verification = { ok: true } | { ok: false; reason: string };

/**
 * Slack's v0 request signature: `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{body}`), with a
 * timestamp within 5 minutes of `nowMs` either way. Bolt checks only the past; a request "from
 * the future" would stay replayable for as long as its timestamp is ahead.
 */
export function verifySlackRequest(secret: string, request: SignedRequest, nowMs: number): Verification {
  const { timestamp, signature } = request;
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: 'missing or malformed x-slack-request-timestamp' };
  if (typeof signature !== 'string' || !/^v0=[0-9a-f]{64}$/.test(signature))
    return { ok: false, reason: 'missing or malformed x-slack-signature' };
  const skew = Number(timestamp) - Math.floor(nowMs / 1000);
  if (skew < -TOLERANCE_SECONDS) return { ok: false, reason: 'timestamp more than 5 minutes old' };
  if (skew > TOLERANCE_SECONDS) return { ok: false, reason: 'timestamp more than 5 minutes in the future' };
  const expected = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(request.body).digest();
  // Both sides are 32 bytes (the format check above), as timingSafeEqual requires.
  const given = Buffer.from(signature.slice(3), 'hex');
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'signature mismatch' };
}
