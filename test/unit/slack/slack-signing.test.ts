import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signedHeaders, slackSignature } from '../../helpers/slack-signing.js';

interface SigningVector {
  signing_secret: string;
  timestamp: string;
  body: string;
  headers: Record<string, string>;
  expected_signature: string;
}

const vector = JSON.parse(
  readFileSync(new URL('../../fixtures/slack-request-signing.json', import.meta.url), 'utf8'),
) as SigningVector;

describe('the test signer', () => {
  it("reproduces Slack's published v0 signature vector", () => {
    expect(slackSignature(vector.signing_secret, vector.timestamp, vector.body)).toBe(
      vector.expected_signature,
    );
    expect(vector.headers['X-Slack-Signature']).toBe(vector.expected_signature);
  });

  it('signs with the timestamp it sends', () => {
    const now = Number(vector.timestamp) * 1000;
    expect(signedHeaders(vector.signing_secret, vector.body, now)).toEqual({
      'x-slack-request-timestamp': vector.timestamp,
      'x-slack-signature': vector.expected_signature,
    });
  });
});
