import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actions } from '../../../src/actions/build-actions.js';
import type { BotConfig } from '../../../src/config/schema.js';
import { ManualClock } from '../../../src/core/clock.js';
import { ConflictError, UsageError } from '../../../src/core/errors.js';
import { AuditLog } from '../../../src/store/audit-log.js';
import type { Store } from '../../../src/store/store.js';
import { actionUser, webActionsConfig, wireActions } from '../../helpers/actions.js';
import { storeBackends } from '../../helpers/stores.js';

let healthy: Server;
let port: number;
let dir: string;

beforeAll(async () => {
  healthy = createServer((s) => s.end());
  await new Promise<void>((r) => healthy.listen(0, '127.0.0.1', r));
  port = (healthy.address() as { port: number }).port;
  dir = await mkdtemp(join(tmpdir(), 'bers-race-'));
});
afterAll(() => healthy.close());

/** Each execution appends one line to a file: a real program, so "exactly once" is counted outside the bot. */
function config(marker: string): BotConfig {
  return webActionsConfig({
    script: `require("fs").appendFileSync(${JSON.stringify(marker)}, "ran\\n")`,
    checkPort: port,
    actions: 'confirmSeconds: 300\nverifyIntervalSeconds: 1',
    environment: 'twoPersonRollback: true',
  });
}

async function runs(marker: string): Promise<number> {
  return (await readFile(marker, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
}

/** Confirms from several callers at once; returns the winners after executing them. */
async function race(callers: { actions: Actions; id: string }[], requestId: string) {
  const settled = await Promise.allSettled(
    callers.map((c) => c.actions.runner.confirm(requestId, actionUser(c.id))),
  );
  const winners = settled.flatMap((s, i) =>
    s.status === 'fulfilled' ? [{ request: s.value, caller: callers[i]! }] : [],
  );
  for (const w of winners) await w.caller.actions.runner.execute(w.request, actionUser(w.caller.id));
  const losers = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
  return { winners, losers };
}

for (const backend of storeBackends()) {
  describe(`confirmation races on ${backend.name}`, () => {
    // One store per backend for the file (a PGlite takes seconds to create); each test has its own requests.
    let store: Store;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(() => store.close());
    it('a double click and a Slack retry execute once', async () => {
      const clock = new ManualClock();
      const marker = join(dir, `${backend.name}-double`);
      const actions = wireActions(store, config(marker), clock);
      const target = actions.service.target('web');
      const request = await actions.service.request('restart', target, actionUser('U_ADA'));
      const { winners, losers } = await race(
        [1, 2, 3].map(() => ({ actions, id: 'U_ADA' })),
        request.id,
      );
      expect(winners).toHaveLength(1);
      expect(losers.every((e) => e instanceof ConflictError)).toBe(true);
      // Slack redelivers the click after the action ran: still refused.
      await expect(actions.runner.confirm(request.id, actionUser('U_ADA'))).rejects.toThrow(
        /already verified by @U_ADA; it runs once/,
      );
      expect(await runs(marker)).toBe(1);
      expect((await actions.service.load(request.id)).state).toBe('verified');
    });

    // Replicas share a PostgreSQL server; the embedded store belongs to one process by design.
    const replicaTest = backend.openSibling ? it : undefined;
    replicaTest?.('two bot replicas on one database execute once', async () => {
      const sibling = await backend.openSibling!();
      const clock = new ManualClock();
      const marker = join(dir, `${backend.name}-replicas`);
      const one = wireActions(store, config(marker), clock);
      const two = wireActions(sibling, config(marker), clock);
      for (let round = 0; round < 5; round++) {
        const request = await one.service.request('restart', one.service.target('web'), actionUser('U_ADA'));
        const { winners } = await race(
          [
            { actions: one, id: 'U_ADA' },
            { actions: two, id: 'U_ADA' },
            { actions: two, id: 'U_BOB' },
            { actions: one, id: 'U_BOB' },
          ],
          request.id,
        );
        expect(winners).toHaveLength(1);
      }
      expect(await runs(marker)).toBe(5);
      await sibling.close();
    });

    it('an expired confirmation executes nothing', async () => {
      const clock = new ManualClock();
      const marker = join(dir, `${backend.name}-expired`);
      const actions = wireActions(store, config(marker), clock);
      const request = await actions.service.request(
        'restart',
        actions.service.target('web'),
        actionUser('U_ADA'),
      );
      clock.advance(301_000);
      await expect(actions.runner.confirm(request.id, actionUser('U_ADA'))).rejects.toThrow(/expired/);
      expect((await actions.service.load(request.id)).state).toBe('expired');
      expect(await runs(marker)).toBe(0);
    });

    it('the two-person rule needs a second authorized person for a production rollback', async () => {
      const clock = new ManualClock();
      const marker = join(dir, `${backend.name}-two`);
      const actions = wireActions(store, config(marker), clock);
      const request = await actions.service.request(
        'rollback',
        actions.service.target('web'),
        actionUser('U_ADA'),
      );
      expect(request.twoPerson).toBe(true);
      await expect(actions.runner.confirm(request.id, actionUser('U_ADA'))).rejects.toThrow(UsageError);
      await expect(actions.runner.confirm(request.id, actionUser('U_EVE'))).rejects.toThrow(
        /not allowed to rollback/,
      );
      const { winners } = await race(
        [
          { actions, id: 'U_BOB' },
          { actions, id: 'U_BOB' },
        ],
        request.id,
      );
      expect(winners.map((w) => w.request.confirmedBy?.id)).toEqual(['U_BOB']);
      expect(await runs(marker)).toBe(1);
      const audit = (await new AuditLog(store, clock).recent(50, { service: 'web' })).filter(
        (a) => a.details?.requestId === request.id,
      );
      expect(audit.map((a) => `${a.actorId} ${a.subject} ${a.outcome}`).reverse()).toEqual([
        'U_ADA rollback.request requested',
        'U_ADA rollback.confirm denied',
        'U_EVE rollback.confirm denied',
        'U_BOB rollback.confirm confirmed',
        'U_BOB rollback.execute succeeded',
        'U_BOB rollback.verify verified',
      ]);
    });
  });
}
