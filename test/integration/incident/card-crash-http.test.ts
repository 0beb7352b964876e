import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { Store } from '../../../src/store/store.js';
import { configFrom } from '../../helpers/config.js';
import { type FakeMessage, FakeSlack } from '../../helpers/fake-slack.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { pollUntil } from '../../helpers/poll.js';
import { storeBackends } from '../../helpers/stores.js';
import { INCIDENT_CONFIG, MONDAY_10 } from './config.js';

const ada = { id: 'U0ADA', name: 'ada' };
const CONFIG = `${INCIDENT_CONFIG}
incidents:
  channel:
    announceTo: { P0: ['#emergency-response'] }
`;
const shown = (m: FakeMessage) => `${m.text} ${JSON.stringify(m.blocks ?? '')}`;

/**
 * The store as a process that dies right after Slack accepted a card: recording the card's ts
 * (`incident_messages`) fails once for each role in `dying`, so the post happened and nothing
 * remembers it, as after a crash between `chat.postMessage` and the record.
 */
function dyingAfterPost(store: Store, dying: Set<string>): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'query') {
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (sql: string, params?: readonly unknown[]) => {
        const role = String(params?.[1]);
        // `sent:*@#incidents` stands for any step's reply in that card's thread.
        const dies = [...dying].find((d) => {
          const [head, tail] = d.split('*');
          return tail === undefined ? role === d : role.startsWith(head!) && role.endsWith(tail);
        });
        if (sql.includes('INSERT INTO incident_messages') && dies && dying.delete(dies))
          return Promise.reject(new Error(`died before recording ${role}`));
        return target.query(sql, params);
      };
    },
  });
}

/**
 * Issue #13: a card posted by an attempt that died before recording its ts is found again by the
 * re-run (its step key in the message's metadata, conversations.history since the first attempt)
 * and adopted, so each announcement channel shows one card and the updates go in its thread.
 */
describe.each(storeBackends().map((b) => [b.name, b] as const))(
  'an incident card posted just before a crash (%s)',
  (_, backend) => {
    let slack: FakeSlack;
    let store: Store;
    let h: HttpBotHarness | undefined;
    const clock = new ManualClock(MONDAY_10);
    const dying = new Set<string>();
    const bot = () => h!;
    let incidents: string;
    let emergency: string;

    const settled = (n: number) =>
      pollUntil(async () => (await bot().bot.services.incidents.pendingSteps(n)) === 0, {
        what: 'the incident steps to finish',
        timeoutMs: 20_000,
        intervalMs: 30,
      });
    /** The bot comes back a minute later (after the step's backoff) and completes what was left. */
    async function comeBack() {
      clock.advance(60_000);
      await h?.close();
      h = await startHttpBot({
        config: configFrom(CONFIG),
        clock,
        slack,
        store: dyingAfterPost(store, dying),
      });
      await bot().bot.services.incidents.recover();
    }
    const cards = (channel: string, n: number) =>
      slack.channelView(channel).filter((m) => shown(m).includes(`#${n}`) && !m.thread_ts);

    beforeAll(async () => {
      slack = await FakeSlack.start({ now: () => clock.now() });
      // The bot is a member of both announcement channels (it has to be, to read their history).
      incidents = slack.addBotChannel('incidents');
      emergency = slack.addBotChannel('emergency-response');
      store = await backend.open();
      h = await startHttpBot({
        config: configFrom(CONFIG),
        clock,
        slack,
        store: dyingAfterPost(store, dying),
      });
    });
    afterAll(async () => {
      await h?.close();
      await slack.close();
      await store.close();
    });

    it('adopts the card it finds in each announcement channel instead of posting a second one', async () => {
      dying.add('initial-announcement');
      dying.add('announcement:#emergency-response');
      await bot().command('incident declare P0 checkout is down --service checkout', ada);
      await slack.waitFor(() => cards(incidents, 1).length === 1, 10_000, 'the first card');
      await pollUntil(
        async () =>
          (await store.query('SELECT 1 FROM incident_steps WHERE last_error IS NOT NULL')).length > 0,
        {
          what: 'the card step to fail',
          timeoutMs: 10_000,
          intervalMs: 30,
        },
      );
      await comeBack();
      await slack.waitFor(() => cards(emergency, 1).length === 1, 10_000, 'the emergency card');
      await comeBack();
      await settled(1);
      expect(dying.size).toBe(0);
      expect(cards(incidents, 1)).toHaveLength(1);
      expect(cards(emergency, 1)).toHaveLength(1);
      // Each card carries its step's key, and the re-run read the history from the first attempt on.
      expect(slack.message(incidents, cards(incidents, 1)[0]!.ts)?.metadata).toEqual({
        event_type: 'bers_step',
        event_payload: { key: 'inc-1:declare:post-announcement' },
      });
      const looks = slack.callsTo('conversations.history');
      expect(looks).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ channel: incidents, include_all_metadata: 'true' }),
          expect.objectContaining({ channel: emergency, include_all_metadata: 'true' }),
        ]),
      );
      for (const look of looks) expect(Number(look.oldest)).toBeLessThanOrEqual(MONDAY_10.getTime() / 1000);
    });

    it('puts the updates in the thread of the adopted cards and edits them in place', async () => {
      await bot().command('incident update 1 identified a bad deploy of checkout', ada);
      await settled(1);
      for (const channel of [incidents, emergency]) {
        const [card] = cards(channel, 1);
        expect(slack.threadOf(channel, card!.ts).map(shown)).toEqual([
          expect.stringContaining('a bad deploy of checkout'),
        ]);
        expect(shown(slack.message(channel, card!.ts)!)).toMatch(/identified/i);
      }
      expect(cards(incidents, 1)).toHaveLength(1);
    });

    it('adopts a reply in a card thread posted just before a crash', async () => {
      dying.add('sent:*@#incidents');
      await bot().command('incident update 1 monitoring the rollback of checkout', ada);
      const [card] = cards(incidents, 1);
      const replies = () =>
        slack.threadOf(incidents, card!.ts).filter((m) => shown(m).includes('rollback of checkout'));
      await slack.waitFor(() => replies().length === 1, 10_000, 'the reply');
      await pollUntil(
        async () => (await bot().bot.services.incidents.pendingSteps(1)) > 0 && dying.size === 0,
        {
          what: 'the reply step to fail',
          timeoutMs: 10_000,
          intervalMs: 30,
        },
      );
      await comeBack();
      await settled(1);
      expect(replies()).toHaveLength(1);
      // The re-run looked in both cards' threads (the step had not reached the second one).
      const [other] = cards(emergency, 1);
      expect(slack.callsTo('conversations.replies')).toEqual([
        expect.objectContaining({ channel: incidents, ts: card!.ts, include_all_metadata: 'true' }),
        expect.objectContaining({ channel: emergency, ts: other!.ts, include_all_metadata: 'true' }),
      ]);
      // #emergency-response's card, after the main one in the same step, gets it once too.
      expect(
        slack.threadOf(emergency, other!.ts).filter((m) => shown(m).includes('rollback of checkout')),
      ).toHaveLength(1);
    });

    it('posts the card once when the earlier attempt never reached Slack, and adopts no other card', async () => {
      let refused = false;
      slack.on('chat.postMessage', (args) => {
        if (refused || args.channel !== '#incidents') return slack.answerOf('chat.postMessage', args);
        refused = true;
        return { ok: false, error: 'fatal_error' };
      });
      await bot().command('incident declare P1 search is slow --service search', ada);
      await slack.waitFor(() => refused, 10_000, 'the refused card');
      await comeBack();
      await settled(2);
      slack.off('chat.postMessage');
      expect(cards(incidents, 2)).toHaveLength(1);
      expect(cards(incidents, 1)).toHaveLength(1);
    });
  },
);
