import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PagerDutyIntegration } from '../../../src/integrations/pagerduty/build-pagerduty.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/store.js';
import { FakePagerDuty } from '../../helpers/fake-pagerduty.js';
import { captureLogs } from '../../helpers/logs.js';
import { actionsFor, pageRequest, pagerDutyOn, pagingConfig, ROUTING_KEY } from '../../helpers/pagerduty.js';
import { storeBackends } from '../../helpers/stores.js';

for (const backend of storeBackends()) {
  describe(`PagerDuty delivery on ${backend.name}`, () => {
    let store: Store;
    let fake: FakePagerDuty;
    const running: PagerDutyIntegration[] = [];
    const start = (pd: PagerDutyIntegration) => {
      running.push(pd);
      pd.start();
      return pd;
    };

    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(() => store.close());
    afterEach(async () => {
      for (const pd of running.splice(0)) await pd.stop();
      await fake.close();
    });

    it('sends a trigger in the Events v2 shape, severity mapped, with links and custom details', async () => {
      fake = await FakePagerDuty.start();
      const { pd } = pagerDutyOn(store, fake, captureLogs().log);
      start(pd);
      await pd.pager.trigger(pageRequest(1, { severity: 'P2', summary: 'x'.repeat(3000) }));
      const [event] = await fake.waitFor(() => fake.delivered.length === 1 && fake.delivered);
      expect(event).toMatchObject({
        routing_key: ROUTING_KEY,
        event_action: 'trigger',
        dedup_key: 'bers-incident-1',
        payload: {
          severity: 'warning',
          source: 'bers-bot',
          custom_details: { incident: 1, commander: 'U2CERLKJA', services: ['web'] },
        },
        links: [{ href: 'https://fake-team.slack.com/archives/C001', text: 'Incident channel' }],
      });
      expect(event!.payload!.summary).toHaveLength(1024);
    });

    it('survives an outage: after 503s every event arrives once, in order per dedup key', async () => {
      fake = await FakePagerDuty.start();
      fake.outage();
      const { pd } = pagerDutyOn(store, fake, captureLogs().log);
      start(pd);
      await pd.pager.trigger(pageRequest(2));
      await pd.pager.acknowledge('bers-incident-2', 'U1');
      await pd.pager.trigger(pageRequest(3));
      await pd.pager.resolve('bers-incident-2');
      await pd.pager.resolve('bers-incident-3');
      await fake.waitFor(() => fake.attempts.length >= 6, 15_000, 'retries during the outage');
      expect(fake.delivered).toEqual([]);
      // Nothing later than its key's head event was ever tried.
      expect(fake.attempts.every((e) => e.event_action === 'trigger')).toBe(true);
      fake.recover();
      await fake.waitFor(() => fake.delivered.length === 5, 15_000, 'all five events');
      await pd.worker.kick();
      expect(fake.delivered).toHaveLength(5);
      expect(actionsFor(fake, 'bers-incident-2')).toEqual(['trigger', 'acknowledge', 'resolve']);
      expect(actionsFor(fake, 'bers-incident-3')).toEqual(['trigger', 'resolve']);
    });

    it('honours a 429 itself: one request per attempt (no blind pdjs resend), then delivered', async () => {
      fake = await FakePagerDuty.start();
      fake.answer = (_event, n) =>
        n === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: {} } : { status: 202, body: {} };
      const { pd } = pagerDutyOn(store, fake, captureLogs().log);
      start(pd);
      await pd.pager.trigger(pageRequest(4));
      await fake.waitFor(() => fake.delivered.length === 1, 15_000, 'delivery after 429');
      expect(fake.attempts).toHaveLength(2);
    });

    it('bounds a hung attempt and retries it', async () => {
      fake = await FakePagerDuty.start();
      fake.answer = (_event, n) => (n === 1 ? { status: 202, hang: true } : { status: 202, body: {} });
      const config = pagingConfig('attemptTimeoutMs: 300, baseBackoffMs: 20, maxBackoffMs: 200, pollMs: 50');
      const { pd } = pagerDutyOn(store, fake, captureLogs().log, { config });
      start(pd);
      await pd.pager.trigger(pageRequest(5));
      await fake.waitFor(() => fake.delivered.length === 1, 15_000, 'delivery after a hung attempt');
      expect(fake.attempts).toHaveLength(2);
    });

    it('gives up on 400 at once and reports it; other incidents still page', async () => {
      fake = await FakePagerDuty.start();
      const logs = captureLogs();
      const { pd, failures } = pagerDutyOn(store, fake, logs.log);
      start(pd);
      await pd.pager.trigger(pageRequest(6, { services: ['api'] }));
      await pd.pager.trigger(pageRequest(7));
      await fake.waitFor(
        () => failures.length === 1 && fake.delivered.length === 1,
        15_000,
        'a failure report',
      );
      await pd.worker.kick();
      expect(failures).toEqual([
        {
          id: expect.stringMatching(/^pagerduty-outbox:\d+$/),
          dedupKey: 'bers-incident-6',
          incidentNumber: 6,
          action: 'trigger',
          reason: "Event object is invalid: 'routing_key' is missing or blank",
        },
      ]);
      expect(fake.attempts.filter((e) => e.dedup_key === 'bers-incident-6')).toHaveLength(1);
      expect(actionsFor(fake, 'bers-incident-7')).toEqual(['trigger']);
      expect(logs.text()).not.toContain('too-short-key');
    });

    it('reports a page for a service without a routing key, and sends nothing', async () => {
      fake = await FakePagerDuty.start();
      const { pd, failures } = pagerDutyOn(store, fake, captureLogs().log, { routingKey: null });
      expect(pd.missingRoutingKeys).toEqual(['web']);
      start(pd);
      await pd.pager.trigger(pageRequest(8));
      await fake.waitFor(() => failures.length === 1, 15_000, 'a failure report');
      expect(failures[0]).toMatchObject({ dedupKey: 'bers-incident-8', incidentNumber: 8 });
      expect(failures[0]!.reason).toContain('no PagerDuty routing key for web');
      expect(fake.attempts).toEqual([]);
    });

    it('delivers what a stopped bot left pending, from a new bot on the same store', async () => {
      fake = await FakePagerDuty.start();
      fake.outage();
      const first = pagerDutyOn(store, fake, captureLogs().log).pd;
      first.start();
      await first.pager.trigger(pageRequest(9));
      await first.pager.resolve('bers-incident-9');
      await fake.waitFor(() => fake.attempts.length >= 2, 15_000, 'failed attempts');
      await first.stop();
      fake.recover();
      const sibling = backend.openSibling ? await backend.openSibling() : store;
      try {
        const second = start(pagerDutyOn(sibling, fake, captureLogs().log).pd);
        await fake.waitFor(() => fake.delivered.length === 2, 15_000, 'pending events');
        await second.stop();
        expect(actionsFor(fake, 'bers-incident-9')).toEqual(['trigger', 'resolve']);
      } finally {
        if (sibling !== store) await sibling.close();
      }
    });

    /** An event a process claimed for an hour and then died holding (or is still holding). */
    async function leasedByAnotherProcess(n: number, on: Store = store) {
      fake = await FakePagerDuty.start();
      fake.outage();
      const first = pagerDutyOn(on, fake, captureLogs().log).pd;
      first.start();
      await first.pager.trigger(pageRequest(n));
      await fake.waitFor(() => fake.attempts.length >= 1, 15_000, 'a failed attempt');
      await first.stop();
      await on.query(
        `UPDATE pagerduty_outbox SET leased_until = now() + interval '1 hour' WHERE dedup_key = $1`,
        [`bers-incident-${n}`],
      );
      fake.recover();
    }

    // The embedded store has one user process, so a lease found when it is opened is an orphan.
    const orphanTest = backend.name === 'pglite' ? it : undefined;
    orphanTest?.(
      'an event a dead process held is sent at once when the store is opened again, not after its lease',
      async () => {
        const dir = await mkdtemp(join(tmpdir(), 'bers-pd-lease-'));
        try {
          const dead = await openStore({ dataDir: dir });
          await leasedByAnotherProcess(11, dead);
          await dead.close();
          const reopened = await openStore({ dataDir: dir });
          const pd = pagerDutyOn(reopened, fake, captureLogs().log).pd;
          pd.start();
          try {
            await fake.waitFor(() => fake.delivered.length === 1, 15_000, 'the orphaned event');
            expect(actionsFor(fake, 'bers-incident-11')).toEqual(['trigger']);
          } finally {
            await pd.stop();
            await reopened.close();
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );

    // On a shared PostgreSQL store the holder may be a live replica: its lease is respected.
    const liveHolderTest = backend.name === 'postgres' ? it : undefined;
    liveHolderTest?.('an event another replica holds is left to it until its lease runs out', async () => {
      await leasedByAnotherProcess(12);
      const second = start(pagerDutyOn(store, fake, captureLogs().log).pd);
      await second.worker.kick();
      expect(fake.delivered).toEqual([]);
      // The test's stand-in replica never comes back: take its event out of later tests' way.
      await store.query("DELETE FROM pagerduty_outbox WHERE dedup_key = 'bers-incident-12'");
    });

    it('two replicas on one store never send an event twice and keep each key in order', async () => {
      fake = await FakePagerDuty.start();
      fake.outage();
      const sibling = backend.openSibling ? await backend.openSibling() : store;
      try {
        const a = pagerDutyOn(store, fake, captureLogs().log).pd;
        const b = pagerDutyOn(sibling, fake, captureLogs().log).pd;
        for (let n = 20; n < 26; n++) {
          await a.pager.trigger(pageRequest(n));
          await b.pager.acknowledge(`bers-incident-${n}`, 'U1');
          await a.pager.resolve(`bers-incident-${n}`);
        }
        fake.recover();
        start(a);
        start(b);
        await fake.waitFor(() => fake.delivered.length >= 18, 20_000, '18 events');
        await Promise.all([a.worker.kick(), b.worker.kick()]);
        expect(fake.delivered).toHaveLength(18);
        for (let n = 20; n < 26; n++) {
          expect(actionsFor(fake, `bers-incident-${n}`)).toEqual(['trigger', 'acknowledge', 'resolve']);
        }
        for (const pd of running.splice(0)) await pd.stop();
      } finally {
        if (sibling !== store) await sibling.close();
      }
    });
  });
}
