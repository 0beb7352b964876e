import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ButtonBoard } from '../../../src/console/button-board.js';
import { ConsoleChat } from '../../../src/console/console-chat.js';
import { ManualClock } from '../../../src/core/clock.js';
import { ConflictError } from '../../../src/core/errors.js';
import { renderText } from '../../../src/core/mrkdwn.js';
import { buildIncidentService, buildTimelinePager } from '../../../src/incident/build-incident-service.js';
import { incidentRepository } from '../../../src/incident/incident-repository.js';
import type { IncidentService } from '../../../src/incident/incident-service.js';
import { TimerService } from '../../../src/scheduler/timers.js';
import type { Store } from '../../../src/store/store.js';
import { incidentMessages } from '../../../src/views/incident-messages.js';
import { captureLogs } from '../../helpers/logs.js';
import { storeBackends } from '../../helpers/stores.js';
import { incidentConfig, MONDAY_10 } from './config.js';

const sink = () =>
  new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });

for (const backend of storeBackends()) {
  describe(`incident store on ${backend.name}`, () => {
    let store: Store;
    let clock: ManualClock;
    let incidents: IncidentService;
    const ada = { id: 'U0ADA', name: 'ada' };
    const bob = { id: 'U0BOB', name: 'bob' };

    const build = (on: Store) => {
      const log = captureLogs().log;
      return buildIncidentService({
        config: incidentConfig(),
        store: on,
        chat: new ConsoleChat(sink(), new ButtonBoard()),
        clock,
        log,
        timers: new TimerService(on, clock, log),
        pager: buildTimelinePager(on, clock),
        render: incidentMessages,
      });
    };

    beforeAll(async () => {
      store = await backend.open();
      clock = new ManualClock(MONDAY_10);
      incidents = await build(store);
    });
    afterAll(() => store.close());

    it('numbers incidents from a sequence and declares once per request key, even concurrently', async () => {
      const input = { severity: 'p2', title: 'search slow', requestKey: 'alert:42' };
      const results = await Promise.all([incidents.declare(input, ada), incidents.declare(input, bob)]);
      expect(results.map((r) => r.incident.number)).toEqual([1, 1]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const next = await incidents.declare({ severity: 'P3', title: 'typo on page' }, ada);
      expect(next.incident.number).toBe(2);
      expect((await incidents.listOpen()).map((i) => i.number)).toEqual([1, 2]);
    });

    it('lets one of two concurrent resolvers win, on another replica too', async () => {
      const other = backend.openSibling ? await backend.openSibling() : store;
      try {
        const second = other === store ? incidents : await build(other);
        const outcomes = await Promise.allSettled([
          incidents.resolve(2, { resolution: 'fixed the typo' }, ada),
          second.resolve(2, { resolution: 'also fixed it' }, bob),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const lost = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
        expect(lost.reason).toBeInstanceOf(ConflictError);
        // The error's text for the user mentions the winner; its message (for logs) names them.
        expect(renderText((lost.reason as ConflictError).text)).toMatch(/already resolved by <@U0(ADA|BOB)>/);
        expect(String(lost.reason.message)).toMatch(/already resolved by @U0(ADA|BOB)/);
      } finally {
        if (other !== store) await other.close();
      }
    });

    it('acknowledges once and reports declared/acknowledged/resolved times since a date', async () => {
      clock.advance(5 * 60_000);
      const first = await incidents.acknowledge(1, bob);
      const again = await incidents.acknowledge(1, ada);
      expect([first.acknowledged, again.acknowledged]).toEqual([true, false]);
      expect(again.incident.acknowledgedBy).toBe('bob');
      const times = await incidents.declaredOrResolvedSince(new Date(MONDAY_10.getTime() - 1));
      expect(times.map((t) => [t.number, t.acknowledgedAt?.getTime(), Boolean(t.resolvedAt)])).toEqual([
        [1, MONDAY_10.getTime() + 5 * 60_000, false],
        [2, undefined, true],
      ]);
      expect(await incidents.declaredOrResolvedSince(new Date(MONDAY_10.getTime() + 60 * 60_000))).toEqual(
        [],
      );
    });

    it('records an outside timeline entry once per source key', async () => {
      const entry = { kind: 'pagerduty', text: 'escalated to level 2', sourceKey: 'pd:evt-1' };
      expect(await incidents.addTimelineEntry(1, entry)).toBe(true);
      expect(await incidents.addTimelineEntry(1, entry)).toBe(false);
      expect((await incidents.timeline(1)).filter((e) => e.kind === 'pagerduty')).toHaveLength(1);
    });

    it('takes no number for a declare whose transaction rolled back: numbers have no gaps', async () => {
      const [{ max }] = (await store.query('SELECT max(number) AS max FROM incidents')) as [{ max: number }];
      await expect(
        store.transaction(async (tx) => {
          await incidentRepository.insert(tx, {
            ...{ requestKey: 'rolled-back', title: 'never', severity: 'P3', impact: '', services: [] },
            ...{ isPrivate: false, declaredById: ada.id, declaredByName: ada.name, declaredAt: MONDAY_10 },
          });
          throw new Error('the declare failed after its insert');
        }),
      ).rejects.toThrow('failed after its insert');
      const next = await incidents.declare({ severity: 'P3', title: 'after the rollback' }, ada);
      expect(next.incident.number).toBe(Number(max) + 1);
    });
  });
}
