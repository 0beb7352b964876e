import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { Store } from '../../../src/store/store.js';
import { configFrom } from '../../helpers/config.js';
import { FakePagerDuty } from '../../helpers/fake-pagerduty.js';
import { type FakeMessage, FakeSlack } from '../../helpers/fake-slack.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { actionsFor, ROUTING_KEY } from '../../helpers/pagerduty.js';
import { deliverWebhook, incidentWebhook } from '../../helpers/pagerduty-webhooks.js';
import { pollUntil } from '../../helpers/poll.js';
import { storeBackends } from '../../helpers/stores.js';

const SECRET = 'webhook-secret-for-channel-care';
const MONDAY_10 = new Date('2026-01-05T10:00:00Z');
const DAY = 86_400_000;
const ada = { id: 'U0ADA', name: 'ada' };

const CONFIG = `
services:
  - name: checkout
    checks: [{ name: health, kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 300 }]
pagerduty:
  delivery: { attemptTimeoutMs: 20000, baseBackoffMs: 20, maxBackoffMs: 200, pollMs: 50 }
incidents:
  postMortemReminders: 2
  postMortemReminderHours: 12
  channel:
    announceTo: { P0: ['#emergency-response'] }
    bridgeUrl: https://meet.example.com/bers-bridge
    runbookUrl: https://wiki.example.com/runbooks/incident-response
    statusPageUrl: https://status.unjucks.dev
    archiveAfterDays: 3
`;

/**
 * The incident channel's chrome (issue #13, item 6) over the real HTTP path: topic and bookmarks
 * follow the incident without duplicates, P0 also goes to #emergency-response, the post-mortem
 * draft is formatted and attached once, and the channel is archived days later by a restarted bot.
 */
describe('channel care', () => {
  let slack: FakeSlack;
  let store: Store;
  let pd: FakePagerDuty;
  let h: HttpBotHarness | undefined;
  const clock = new ManualClock(MONDAY_10);
  let channel: string;
  const shown = (m: FakeMessage) => `${m.text} ${JSON.stringify(m.blocks ?? '')}`;
  const bot = () => h!;
  const settled = (n = 1) =>
    pollUntil(async () => (await bot().bot.services.incidents.pendingSteps(n)) === 0, {
      what: 'the incident steps to finish',
      timeoutMs: 20_000,
      intervalMs: 30,
    });
  const webhook = async (type: string, id: string, fields: Record<string, unknown> = {}) => {
    const body = incidentWebhook(type, {
      incidentKey: 'bers-incident-1',
      id,
      occurredAt: clock.now().toISOString(),
      ...fields,
    });
    expect(await deliverWebhook(bot().url, SECRET, body)).toBe(202);
    await bot().bot.services.pagerduty.inbox.settled();
  };
  const bookmarks = () => slack.chrome.of(channel).map((b) => `${b.title} ${b.link}`);

  async function restart(): Promise<HttpBotHarness> {
    await h?.close();
    h = await startHttpBot({
      config: configFrom(CONFIG),
      clock,
      slack,
      store,
      env: {
        PAGERDUTY_EVENTS_URL: pd.url,
        PAGERDUTY_ROUTING_KEY: ROUTING_KEY,
        PAGERDUTY_WEBHOOK_SECRET: SECRET,
      },
      pagerDutyCa: pd.ca,
    });
    return h;
  }

  beforeAll(async () => {
    slack = await FakeSlack.start();
    pd = await FakePagerDuty.start();
    store = await storeBackends()[0]!.open();
    await restart();
  });
  afterAll(async () => {
    await h?.close();
    await pd.close();
    await slack.close();
    await store.close();
  });

  it('pages a P0 first, then sets the topic and bookmarks and announces it in #emergency-response too', async () => {
    await bot().command('incident declare P0 checkout is down --service checkout', ada);
    await pd.waitFor(() => actionsFor(pd, 'bers-incident-1').length === 1, 20_000, 'the P0 page');
    await settled();
    const incident = (await bot().bot.services.incidents.get(1))!;
    channel = incident.channelId!;
    // The page went out before any channel chrome was touched.
    const order = slack.calls.map((c) => c.method);
    expect(order.indexOf('conversations.setTopic')).toBeGreaterThan(order.indexOf('conversations.create'));
    expect(slack.chrome.topics.get(channel)).toBe('🔴 P0 · Investigating · IC: <@U0ADA>');
    expect(bookmarks()).toEqual([
      'Runbook https://wiki.example.com/runbooks/incident-response',
      'Bridge https://meet.example.com/bers-bridge',
      'Status page https://status.unjucks.dev',
    ]);
    const emergency = slack.channelView('#emergency-response');
    expect(emergency).toHaveLength(1);
    expect(shown(emergency[0]!)).toContain('🚨 *INCIDENT: P0 - checkout is down*');
    const report = shown(slack.channelView(channel)[0]!);
    expect(report).toContain('*Bridge:* <https://meet.example.com/bers-bridge|join the bridge>');
    expect(bot().slack.channelView(channel).map(shown).join('\n')).toContain('📟 On-call paged');
  });

  it('adds the PagerDuty link when PagerDuty reports the incident, and edits it when it changes', async () => {
    await webhook('triggered', 'PINC1', { assignees: ['Grace Hopper'] });
    await pollUntil(async () => slack.chrome.topics.get(channel)?.includes('PINC1'), {
      what: 'the topic with the PagerDuty link',
      timeoutMs: 15_000,
      intervalMs: 30,
    });
    expect(slack.chrome.topics.get(channel)).toBe(
      '🔴 P0 · Investigating · IC: <@U0ADA> · PagerDuty: https://acme.pagerduty.com/incidents/PINC1',
    );
    const pagerBookmark = slack.chrome.of(channel).find((b) => b.title === 'PagerDuty incident')!;
    expect(pagerBookmark.link).toBe('https://acme.pagerduty.com/incidents/PINC1');
    await webhook('acknowledged', 'PINC2', { agent: 'Grace Hopper' });
    await pollUntil(
      async () =>
        slack.chrome
          .of(channel)
          .find((b) => b.title === 'PagerDuty incident')
          ?.link.endsWith('PINC2'),
      { what: 'the PagerDuty bookmark edited', timeoutMs: 15_000, intervalMs: 30 },
    );
    expect(slack.callsTo('bookmarks.edit').at(-1)).toMatchObject({ bookmark_id: pagerBookmark.id });
    expect(slack.chrome.of(channel)).toHaveLength(4);
  });

  it('follows status and commander without adding bookmarks again, also after a lost record', async () => {
    const added = slack.callsTo('bookmarks.add').length;
    await bot().command('incident update 1 identified a bad deploy of checkout', ada);
    await settled();
    expect(slack.chrome.topics.get(channel)).toMatch(/^🔴 P0 · Identified · IC: <@U0ADA>/);
    // The update is in the #emergency-response card's thread too.
    const card = slack.channelView('#emergency-response')[0]!;
    expect(slack.threadOf(slack.channelId('#emergency-response'), card.ts).map(shown)).toEqual([
      expect.stringContaining('a bad deploy of checkout'),
    ]);
    // A crash right after bookmarks.add, before its id was stored: the next run finds it by title.
    await store.query('DELETE FROM incident_bookmarks');
    const topics = slack.callsTo('conversations.setTopic').length;
    await bot().command('incident assign 1 <@U0BOB|bob> commander', ada);
    await settled();
    expect(slack.callsTo('bookmarks.add')).toHaveLength(added);
    expect(slack.chrome.of(channel)).toHaveLength(4);
    expect(slack.callsTo('conversations.setTopic')).toHaveLength(topics + 1);
    expect(slack.chrome.topics.get(channel)).toContain('IC: <@U0BOB>');
  });

  it('renders the post-mortem draft as mrkdwn and attaches it once as Markdown', async () => {
    await bot().command('incident resolve 1 rolled back the deploy', ada);
    await settled();
    const draft = slack.channelView(channel).find((m) => m.text.startsWith('📝 Post-mortem draft'))!;
    const text = shown(draft);
    expect(text).toContain('*Timeline (UTC)*');
    expect(text).toContain('☐');
    expect(text).not.toMatch(/\\n#+ |\\n- \[ \]/);
    expect(slack.uploads).toHaveLength(1);
    const file = slack.uploads[0]!.bytes.toString();
    expect(file).toMatch(/^# Post-mortem: P0 - checkout is down \(incident #1\)/);
    expect(file).toContain('- [ ]');
    expect(file).toContain('Incident Commander: @U0BOB');
    expect(slack.chrome.topics.get(channel)).toMatch(/^✅ P0 · Resolved/);
    // A sweep after a restart attaches nothing more.
    await restart();
    await bot().bot.services.incidents.recover();
    expect(slack.uploads).toHaveLength(1);
    expect(slack.files).toEqual([
      expect.objectContaining({ title: 'Post-mortem draft: incident #1', channel }),
    ]);
  });

  it('attaches the post-mortem file exactly once when the process died between the upload and its record', async () => {
    const again = async () => {
      await store.query(
        "UPDATE incident_steps SET done_at = NULL, leased_until = NULL WHERE kind = 'post-mortem-file'",
      );
      await store.query("DELETE FROM incident_messages WHERE role = 'post-mortem-file'");
    };
    // Uploaded, then the process died before recording it: the file is found by its title.
    await again();
    await restart();
    await bot().bot.services.incidents.recover();
    await settled();
    expect(slack.uploads).toHaveLength(1);
    expect(slack.callsTo('files.list')).toEqual([expect.objectContaining({ channel })]);
    // Died after recording the attempt, before the upload: the file is attached then, once.
    await again();
    slack.files.length = 0;
    await restart();
    await bot().bot.services.incidents.recover();
    await settled();
    expect(slack.uploads).toHaveLength(2);
  });

  it('stops the post-mortem reminders after the configured number, and says the last is the last', async () => {
    for (let i = 0; i < 3; i++) {
      clock.advance(DAY / 2);
      await bot().bot.services.timers.poll();
      await settled();
    }
    const reminders = slack
      .channelView(channel)
      .filter((m) => m.text.includes('post-mortem for incident #1'));
    expect(reminders).toHaveLength(2);
    expect(reminders[1]!.text).toContain('the last one');
  });

  it('archives the channel the configured days after the resolution, on a restarted bot', async () => {
    expect(slack.callsTo('conversations.archive')).toHaveLength(0);
    clock.advance(2 * DAY);
    await restart();
    await bot().bot.services.timers.poll();
    expect(slack.callsTo('conversations.archive')).toEqual([{ channel }]);
    expect(slack.chrome.archived.has(channel)).toBe(true);
    expect((await bot().bot.services.incidents.get(1))!.archivedAt).toBeDefined();
    expect(slack.channelView(channel).at(-1)!.text).toContain('Archiving this channel');
  });
});
