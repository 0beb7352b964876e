import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyPagerDutySignature } from '../../../../src/integrations/pagerduty/webhook-signature.js';

const vector = JSON.parse(
  readFileSync(new URL('../../../fixtures/pagerduty-webhook-v3-signing.json', import.meta.url), 'utf8'),
) as { secret: string; body: string; valid_signature: string; mismatching_signature: string };

describe('PagerDuty webhook v3 signature', () => {
  it('accepts the published test vector and rejects the mismatching one', () => {
    expect(verifyPagerDutySignature(vector.secret, vector.body, vector.valid_signature)).toBe(true);
    expect(verifyPagerDutySignature(vector.secret, vector.body, vector.mismatching_signature)).toBe(false);
  });

  it('accepts any matching value during secret rotation, in any position', () => {
    const both = `${vector.mismatching_signature},${vector.valid_signature}`;
    expect(verifyPagerDutySignature(vector.secret, vector.body, both)).toBe(true);
    expect(verifyPagerDutySignature(vector.secret, vector.body, `${vector.valid_signature}, v1=zz`)).toBe(
      true,
    );
  });

  it('rejects a changed body, a missing header, other schemes and an empty secret', () => {
    expect(verifyPagerDutySignature(vector.secret, `${vector.body} `, vector.valid_signature)).toBe(false);
    expect(verifyPagerDutySignature(vector.secret, vector.body, undefined)).toBe(false);
    expect(
      verifyPagerDutySignature(vector.secret, vector.body, vector.valid_signature.replace('v1=', 'v0=')),
    ).toBe(false);
    expect(verifyPagerDutySignature('', vector.body, vector.valid_signature)).toBe(false);
  });
});
