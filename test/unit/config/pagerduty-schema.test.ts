import { describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';

describe('pagerduty config', () => {
  it('rejects settings for an unknown service and an unknown severity, naming the path', () => {
    const base = `
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
pagerduty:
`;
    expect(() => configFrom(`${base}  services: { wbe: { routingKey: x } }`)).toThrow(
      /pagerduty\.services\.wbe: unknown service/,
    );
    expect(() => configFrom(`${base}  severities: { P0: urgent }`)).toThrow(/pagerduty\.severities\.P0: /);
  });
});
