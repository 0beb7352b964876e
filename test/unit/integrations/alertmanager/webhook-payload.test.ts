import { describe, expect, it } from 'vitest';
import {
  toAlertGroup,
  webhookPayloadSchema,
} from '../../../../src/integrations/alertmanager/webhook-payload.js';

describe('the Alertmanager v4 webhook body, mapped to the domain alert group', () => {
  it('keeps what the bot uses under its own names, and nothing of the vendor beyond it', () => {
    const body = webhookPayloadSchema.parse({
      version: '4',
      groupKey: '{}:{alertname="HighErrorRate"}',
      status: 'firing',
      receiver: 'bers',
      externalURL: 'http://alertmanager:9093',
      groupLabels: { alertname: 'HighErrorRate' },
      commonLabels: { alertname: 'HighErrorRate', severity: 'critical' },
      commonAnnotations: { summary: 'Error rate above 5%' },
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'HighErrorRate', instance: 'web-1' },
          annotations: {},
          startsAt: '2026-12-02T09:00:00Z',
          generatorURL: 'http://prometheus/graph',
          fingerprint: 'ffff000011112222',
        },
      ],
    });
    expect(toAlertGroup(body)).toEqual({
      key: '{}:{alertname="HighErrorRate"}',
      status: 'firing',
      groupLabels: { alertname: 'HighErrorRate' },
      labels: { alertname: 'HighErrorRate', severity: 'critical' },
      annotations: { summary: 'Error rate above 5%' },
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'HighErrorRate', instance: 'web-1' },
          annotations: {},
          startsAt: '2026-12-02T09:00:00Z',
          endsAt: undefined,
          sourceId: 'ffff000011112222',
        },
      ],
    });
  });
});
