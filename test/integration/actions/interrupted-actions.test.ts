import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRepository } from '../../../src/actions/action-repository.js';
import { ABANDONED_AFTER_MS } from '../../../src/actions/action-runner.js';
import { ManualClock } from '../../../src/core/clock.js';
import { AuditLog } from '../../../src/store/audit-log.js';
import type { Store } from '../../../src/store/store.js';
import { actionUser, webActionsConfig, wireActions } from '../../helpers/actions.js';
import { storeBackends } from '../../helpers/stores.js';

const CONFIG = webActionsConfig({ script: '0' });

for (const backend of storeBackends()) {
  describe(`restarts and rollbacks whose process died, on ${backend.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(() => store.close());

    /** A confirmed restart that a process started and then died in the middle of. */
    async function startedThenAbandoned(clock: ManualClock) {
      const output = new PassThrough();
      const actions = wireActions(store, CONFIG, clock, output);
      const request = await actions.service.request(
        'restart',
        actions.service.target('web'),
        actionUser('U_ADA'),
      );
      await actions.runner.confirm(request.id, actionUser('U_BOB'));
      // What execute() does first; the process "dies" before the executor returns.
      const repo = new ActionRepository(store);
      await repo.transition(request.id, 'running', clock.now());
      return { actions, request, repo, output: () => String(output.read() ?? '') };
    }

    it('is marked interrupted once its heartbeat is overdue, and the channel is told the outcome is unknown', async () => {
      const clock = new ManualClock();
      const { actions, request, output } = await startedThenAbandoned(clock);

      clock.advance(ABANDONED_AFTER_MS - 1000);
      expect(await actions.runner.recoverInterrupted()).toBe(0);
      expect((await actions.service.load(request.id)).state).toBe('running');

      clock.advance(2000);
      expect(await actions.runner.recoverInterrupted()).toBe(1);
      const after = await actions.service.load(request.id);
      expect(after.state).toBe('interrupted');
      expect(after.finishedAt).toEqual(clock.now());
      const posted = output();
      // The console's rendering of the channel message.
      expect(posted).toContain('restart web (production), confirmed by @U_BOB, was interrupted');
      expect(posted).toContain('/bers health web');

      const [row] = await new AuditLog(store, clock).recent(1, { service: 'web' });
      expect(row).toMatchObject({ subject: 'restart.execute', outcome: 'interrupted', actorId: 'bers-bot' });
      expect(row!.details).toMatchObject({ requestId: request.id, confirmedBy: 'U_BOB' });

      // Once: the next sweep (this replica or another) finds nothing more.
      expect(await actions.runner.recoverInterrupted()).toBe(0);
      // A click that arrives late cannot run it any more.
      await expect(actions.runner.confirm(request.id, actionUser('U_BOB'))).rejects.toThrow(
        /already interrupted/,
      );
    });

    it('a run whose process still beats is left alone, however long it takes', async () => {
      const clock = new ManualClock();
      const { actions, request, repo } = await startedThenAbandoned(clock);
      for (let minute = 0; minute < 10; minute++) {
        clock.advance(60_000);
        await repo.heartbeat(request.id, clock.now());
        expect(await actions.runner.recoverInterrupted()).toBe(0);
      }
      expect((await actions.service.load(request.id)).state).toBe('running');
    });
  });
}
