import { describe, expect, it } from 'vitest';
import { silenceLabels } from '../../../src/maintenance/window-silences.js';
import { configFrom } from '../../helpers/config.js';

const SERVICES = `
services:
  - name: unjucks-api
    aliases: [api]
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
  - name: unjucks-db
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
`;

describe('maintenance silenceMatchers', () => {
  it('silences a service by its configured matchers, the others by silenceLabel', () => {
    const config = configFrom(`${SERVICES}
maintenance:
  silenceMatchers:
    unjucks-api: [{ name: job, value: unjucks-api }]
`);
    expect(silenceLabels(config.maintenance, 'unjucks-api')).toEqual({ job: 'unjucks-api' });
    expect(silenceLabels(config.maintenance, 'unjucks-db')).toEqual({ service: 'unjucks-db' });
  });
});
