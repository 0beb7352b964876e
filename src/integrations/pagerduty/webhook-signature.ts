import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhooks v3: `X-PagerDuty-Signature` holds comma-separated `v1=<hex HMAC-SHA256(secret, body)>`
 * values (several while a secret is rotated). Valid if any matches; compared in constant time.
 */
export function verifyPagerDutySignature(
  secret: string,
  rawBody: Buffer | string,
  header: string | undefined,
): boolean {
  if (!secret || !header) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  let valid = false;
  for (const part of header.split(',')) {
    const match = /^\s*v1=([0-9a-f]{64})\s*$/i.exec(part);
    if (!match) continue;
    const given = Buffer.from(match[1]!, 'hex');
    // No early exit: every candidate is compared, so timing says nothing about which matched.
    valid = timingSafeEqual(given, expected) || valid;
  }
  return valid;
}
