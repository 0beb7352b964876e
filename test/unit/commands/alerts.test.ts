import { describe, expect, it } from 'vitest';
import { type AlertsCommandDeps, createAlertsCommand } from '../../../commands/alerts.js';
import type { Alert } from '../../../src/alerts/model.js';
import type { StoredNotification } from '../../../src/alerts/notification-store.js';
import { systemClock } from '../../../src/core/clock.js';
import { ADA, click, notCalled, runWith, sub } from './context.js';

const alert = { id: '3f9a2c', name: 'HighErrorRate', source: 'alertmanager' } as Alert;

const notification: StoredNotification = {
  id: 'n-1',
  groupKey: '{}:{alertname="HighErrorRate"}',
  status: 'firing',
  channel: 'C0ALERTS',
  ts: '1700000000.000100',
  group: {
    key: '{}:{alertname="HighErrorRate"}',
    status: 'firing',
    groupLabels: { alertname: 'HighErrorRate' },
    labels: { alertname: 'HighErrorRate', service: 'unjucks-api', severity: 'critical' },
    annotations: { summary: 'Error rate above 5%' },
    alerts: [
      { status: 'firing', labels: {}, annotations: {}, startsAt: '2026-12-02T09:00:00Z', sourceId: 'f1' },
      { status: 'firing', labels: {}, annotations: {}, startsAt: '2026-12-02T09:00:00Z' },
    ],
  },
};

/** In-memory alert ports: each call is recorded; what a test does not set is not to be called. */
function ports(over: Partial<AlertsCommandDeps['alerts']> = {}) {
  const calls: unknown[][] = [];
  const record =
    <T>(name: string, answer: T) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      return answer;
    };
  const deps: AlertsCommandDeps = {
    alerts: {
      list: notCalled('alerts.list'),
      ack: record('ack', { alert, result: { text: 'acknowledged (silenced for 2 h)' } }),
      resolve: record('resolve', { alert }),
      silenceGroup: record('silenceGroup', { text: 'silenced for 120 min' }),
      expireSilence: record('expireSilence', true),
      ...over,
    } as AlertsCommandDeps['alerts'],
    alertNotifier: {
      notification: async (id) => (id === notification.id ? notification : undefined),
      annotate: record('annotate', undefined) as AlertsCommandDeps['alertNotifier']['annotate'],
    },
    runbooks: { list: () => [] },
    clock: systemClock,
    config: {
      alerts: {
        ackSilenceMinutes: 120,
        webhook: {},
        sources: [{ kind: 'alertmanager', name: 'alertmanager' }],
      },
    } as never,
  };
  return { deps, calls };
}

describe('/bers alerts ack and resolve (against in-memory ports)', () => {
  it('ack: acknowledges at the source with the reason, in the channel', async () => {
    const { deps, calls } = ports();
    const reply = await runWith(sub(createAlertsCommand(deps), 'ack'), ['3f9a2c', 'looking', 'into', 'it']);
    expect(calls).toEqual([['ack', '3f9a2c', ADA, 'looking into it']]);
    expect(reply).toEqual({
      text: ':white_check_mark: Alert `3f9a2c` (HighErrorRate) acknowledged (silenced for 2 h).',
      visibility: 'in_channel',
    });
  });

  it('ack: without a reason passes none; a short or odd id is a usage error before any call', async () => {
    const { deps, calls } = ports();
    const ack = sub(createAlertsCommand(deps), 'ack');
    await runWith(ack, ['3f9a2c']);
    expect(calls).toEqual([['ack', '3f9a2c', ADA, undefined]]);
    expect(ack.args.safeParse(['3f9']).success).toBe(false);
    expect(ack.args.safeParse([]).success).toBe(false);
    expect(ack.args.safeParse(['3f9a2c', 'x'.repeat(501)]).success).toBe(false);
  });

  it('resolve: resolved at the source', async () => {
    const { deps, calls } = ports();
    const reply = await runWith(sub(createAlertsCommand(deps), 'resolve'), ['3f9a2c', 'cache', 'cleared']);
    expect(calls).toEqual([['resolve', '3f9a2c', ADA, 'cache cleared']]);
    expect(reply.text).toBe(':white_check_mark: Alert `3f9a2c` (HighErrorRate) resolved in alertmanager.');
  });

  it('resolve: a source that cannot resolve offers to expire the bot’s silences', async () => {
    const silences = [{ source: 'alertmanager', silenceId: 'abcdef0123456789', createdBy: 'grace' }];
    const { deps } = ports({
      resolve: async () => ({ alert, cannotResolve: { reason: 'Alertmanager cannot resolve.', silences } }),
    } as never);
    const reply = await runWith(sub(createAlertsCommand(deps), 'resolve'), ['3f9a2c']);
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.text).toBe(
      ':information_source: Alertmanager cannot resolve.\nThe bot silenced it (by grace); expire the silence to hear about it again:',
    );
    expect(JSON.stringify(reply.blocks)).toContain('"value":"alertmanager|abcdef0123456789"');
    expect(JSON.stringify(reply.blocks)).toContain('bers:alerts:expire-silence');
  });

  it('the Ack button silences the group at the webhook’s source and notes who did it', async () => {
    const { deps, calls } = ports();
    const reply = await createAlertsCommand(deps).actions!['group-ack']!.run(click('n-1'));
    expect(calls[0]).toEqual([
      'silenceGroup',
      'alertmanager',
      {
        labels: notification.group.labels,
        minutes: 120,
        createdBy: 'ada',
        comment: 'Acknowledged from Slack by ada',
      },
      ['f1'],
    ]);
    expect(calls[1]).toEqual(['annotate', 'n-1', 'Acknowledged by <@U0ADA> — silenced for 120 min']);
    expect(reply?.replaceOriginal).toBe(false);
  });

  it('a button on a notification the bot no longer knows is a not-found answer', async () => {
    const { deps, calls } = ports();
    await expect(createAlertsCommand(deps).actions!['group-silence']!.run(click('n-gone'))).rejects.toThrow(
      'no longer known',
    );
    expect(calls).toEqual([]);
  });

  it('Declare incident without incident management says it is not enabled', async () => {
    const { deps } = ports();
    const reply = await createAlertsCommand(deps).actions!['group-declare']!.run(click('n-1'));
    expect(reply?.text).toBe(':information_source: Incident management is not enabled on this bot yet.');
  });
});
