import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { Inbox, type InboxWork } from '../../../src/inbox/inbox.js';
import type { KeptRequest } from '../../../src/inbox/kept-request.js';
import type { Store } from '../../../src/store/store.js';
import { captureLogs } from '../../helpers/logs.js';
import { storeBackends } from '../../helpers/stores.js';

const LEASE_MS = 600;

function kept(id: string): KeptRequest {
  return {
    id,
    receivedAt: new Date().toISOString(),
    delivery: { kind: 'command', payload: { user_id: 'U0ADA', text: 'health' } },
  };
}

class Work implements InboxWork {
  readonly worked: string[] = [];
  async work(r: KeptRequest): Promise<string> {
    this.worked.push(r.id);
    return 'ok';
  }
  async expired(): Promise<void> {}
}

const postgres = storeBackends().find((b) => b.name === 'postgres');

// Replicas share one PostgreSQL: only there can a request outlive the replica that acked it.
if (postgres) {
  describe('inbox leases between replicas on PostgreSQL', () => {
    let store: Store;
    const replica = (owner: string, work: InboxWork) =>
      new Inbox({
        store,
        target: { kind: 'postgres', url: '', owner, leaseMs: LEASE_MS },
        work,
        clock: new ManualClock(new Date()),
        log: captureLogs().log,
      });
    const insert = (r: KeptRequest, owner: string) =>
      store.query(
        `INSERT INTO inbox (id, kind, payload, received_at, owner, leased_until)
         VALUES ($1, 'command', $2, $3, $4, now() + make_interval(secs => $5))`,
        [r.id, JSON.stringify(r), r.receivedAt, owner, LEASE_MS / 1000],
      );
    const stateOf = async (id: string) =>
      (
        await store.query<{ state: string; owner: string }>('SELECT state, owner FROM inbox WHERE id = $1', [
          id,
        ])
      )[0];

    beforeAll(async () => {
      store = await postgres.open();
    });
    afterAll(() => store.close());

    it('a dead replica’s request is taken over once its lease runs out, and worked once', async () => {
      await insert(kept('dead-1'), 'replica-dead');
      const work = new Work();
      const living = replica('replica-b', work);
      await living.start();
      expect(work.worked).toEqual([]);
      await new Promise((r) => setTimeout(r, LEASE_MS * 2));
      await expect.poll(() => work.worked, { timeout: 5_000 }).toEqual(['dead-1']);
      await living.stop();
      expect(await stateOf('dead-1')).toMatchObject({ state: 'done', owner: 'replica-b' });
    });

    it('a live replica keeps what it is working; what failed there is taken up again', async () => {
      // Replica a works busy-1 for four leases; its first try at failed-1 fails (the store went away).
      let failedOnce = false;
      const aWork: InboxWork = {
        work: (r) => {
          if (r.id === 'failed-1' && !failedOnce) {
            failedOnce = true;
            return Promise.reject(new Error('store went away mid-work'));
          }
          return new Promise((resolve) =>
            setTimeout(() => resolve('ok'), r.id === 'busy-1' ? LEASE_MS * 4 : 0),
          );
        },
        expired: async () => {},
      };
      const a = replica('replica-a', aWork);
      await insert(kept('busy-1'), 'replica-a');
      const working = a.accept(kept('busy-1'));
      await a.start();
      await insert(kept('failed-1'), 'replica-a');
      await a.accept(kept('failed-1'));
      const b = new Work();
      const other = replica('replica-b', b);
      await other.start();
      // Taken up again once its lease ran out, by whichever replica claimed it first.
      await expect.poll(async () => (await stateOf('failed-1'))?.state, { timeout: 5_000 }).toBe('done');
      await working;
      expect(b.worked).not.toContain('busy-1');
      await Promise.all([a.stop(), other.stop()]);
      expect(await stateOf('busy-1')).toMatchObject({ state: 'done', owner: 'replica-a' });
    });
  });
}
