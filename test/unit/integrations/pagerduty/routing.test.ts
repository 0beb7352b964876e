import { describe, expect, it } from 'vitest';
import { servicesWithoutRoutingKey } from '../../../../src/integrations/pagerduty/routing.js';
import { pagingConfig } from '../../../helpers/pagerduty.js';

describe('pagerduty config', () => {
  it('names the paging services that lack a routing key', () => {
    expect(servicesWithoutRoutingKey(pagingConfig(), undefined)).toEqual(['web']);
    expect(servicesWithoutRoutingKey(pagingConfig(), 'R0UTINGKEY0000000000000000000001')).toEqual([]);
  });
});
