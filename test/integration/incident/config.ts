import { configFrom } from '../../helpers/config.js';

/** Two services and the seed 003 incident defaults. */
export const INCIDENT_CONFIG = `
services:
  - name: checkout
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
  - name: search
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
`;

export const incidentConfig = () => configFrom(INCIDENT_CONFIG);

/** A Monday, 10:00 UTC: inside the default business hours. */
export const MONDAY_10 = new Date('2026-01-05T10:00:00Z');

export const texts = (calls: Record<string, unknown>[]) =>
  calls.map((c) => `${String(c.text)} ${JSON.stringify(c.blocks ?? '')}`);
