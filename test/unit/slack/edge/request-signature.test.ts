import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifySlackRequest } from '../../../../src/slack/edge/request-signature.js';
import { signedHeaders, slackSignature } from '../../../helpers/slack-signing.js';

const vector = JSON.parse(
  readFileSync(new URL('../../../fixtures/slack-request-signing.json', import.meta.url), 'utf8'),
) as {
  signing_secret: string;
  timestamp: string;
  body: string;
  headers: Record<string, string>;
  expected_signature: string;
};

const at = Number(vector.timestamp) * 1000;
const request = (overrides: Partial<Parameters<typeof verifySlackRequest>[1]> = {}) => ({
  timestamp: vector.timestamp,
  signature: vector.expected_signature,
  body: Buffer.from(vector.body),
  ...overrides,
});

describe('verifySlackRequest', () => {
  it("accepts Slack's published v0 test vector", () => {
    expect(verifySlackRequest(vector.signing_secret, request(), at)).toEqual({ ok: true });
  });

  it('refuses a changed body, another secret and a changed timestamp', () => {
    const mismatch = { ok: false, reason: 'signature mismatch' };
    expect(
      verifySlackRequest(vector.signing_secret, request({ body: Buffer.from(`${vector.body}x`) }), at),
    ).toEqual(mismatch);
    expect(verifySlackRequest('another-secret', request(), at)).toEqual(mismatch);
    const later = String(Number(vector.timestamp) + 1);
    expect(verifySlackRequest(vector.signing_secret, request({ timestamp: later }), at)).toEqual(mismatch);
  });

  it('accepts up to 5 minutes either way, and refuses past and future beyond that', () => {
    const secret = vector.signing_secret;
    expect(verifySlackRequest(secret, request(), at + 300_000).ok).toBe(true);
    expect(verifySlackRequest(secret, request(), at - 300_000).ok).toBe(true);
    expect(verifySlackRequest(secret, request(), at + 301_000)).toEqual({
      ok: false,
      reason: 'timestamp more than 5 minutes old',
    });
    expect(verifySlackRequest(secret, request(), at - 301_000)).toEqual({
      ok: false,
      reason: 'timestamp more than 5 minutes in the future',
    });
  });

  it('signs the raw bytes: invalid UTF-8 in the body is verified as sent', () => {
    const body = Buffer.concat([Buffer.from('text='), Buffer.from([0xff, 0xfe])]);
    const overBytes = createHmac('sha256', 's').update(
      Buffer.concat([Buffer.from(`v0:${vector.timestamp}:`), body]),
    );
    const hmacOverBytes = `v0=${overBytes.digest('hex')}`;
    expect(verifySlackRequest('s', request({ body, signature: hmacOverBytes }), at).ok).toBe(true);
    // A signer that decoded the body first signed something else.
    const decoded = slackSignature('s', vector.timestamp, body.toString('utf8'));
    expect(verifySlackRequest('s', request({ body, signature: decoded }), at).ok).toBe(false);
  });

  it.each([
    ['no timestamp', { timestamp: undefined }],
    ['a repeated timestamp header', { timestamp: [vector.timestamp, vector.timestamp] }],
    ['a fractional timestamp', { timestamp: `${vector.timestamp}.0` }],
    ['a hex timestamp', { timestamp: '0x5b47a0ca' }],
    ['no signature', { signature: undefined }],
    ['a v1 signature', { signature: vector.expected_signature.replace('v0=', 'v1=') }],
    ['a short signature', { signature: vector.expected_signature.slice(0, 40) }],
    ['upper-case hex', { signature: vector.expected_signature.toUpperCase().replace('V0=', 'v0=') }],
  ])('refuses %s without throwing', (_name, overrides) => {
    expect(verifySlackRequest(vector.signing_secret, request(overrides), at).ok).toBe(false);
  });
});

// test/helpers/slack-signing.ts signs the requests of every HTTP-mode test; it is held to the same
// published vector as the verifier, so a test that passes is signed the way Slack signs.
describe('the test signer', () => {
  it("reproduces Slack's published v0 signature vector", () => {
    expect(slackSignature(vector.signing_secret, vector.timestamp, vector.body)).toBe(
      vector.expected_signature,
    );
    expect(vector.headers['X-Slack-Signature']).toBe(vector.expected_signature);
  });

  it('signs with the timestamp it sends', () => {
    expect(signedHeaders(vector.signing_secret, vector.body, at)).toEqual({
      'x-slack-request-timestamp': vector.timestamp,
      'x-slack-signature': vector.expected_signature,
    });
  });
});
