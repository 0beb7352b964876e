import { describe, expect, it } from 'vitest';
import { silenceLabels } from '../../../src/maintenance/window-silences.js';
import { configFrom, UNJUCKS_SERVICES as SERVICES } from '../../helpers/config.js';

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
