import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import { FakePagerDuty } from '../../helpers/fake-pagerduty.js';
import { captureLogs } from '../../helpers/logs.js';
import { pageRequest, pagerDutyOn } from '../../helpers/pagerduty.js';
import { storeBackends } from '../../helpers/stores.js';

for (const backend of storeBackends()) {
  describe(`paging once per request on ${backend.name}`, () => {
    let store: Store;
    let fake: FakePagerDuty;

    beforeAll(async () => {
      store = await backend.open();
      fake = await FakePagerDuty.start();
    });
    afterAll(async () => {
      await store.close();
      await fake.close();
    });

    it('records one event per request key: a step re-run after a crash does not page twice', async () => {
      const { pd } = pagerDutyOn(store, fake, captureLogs().log);
      await pd.pager.trigger(pageRequest(7), 'inc-7:declare:page');
      await pd.pager.trigger(pageRequest(7), 'inc-7:declare:page');
      await pd.pager.acknowledge('bers-incident-7', 'U0ADA', 'inc-7:ack:U0ADA');
      await pd.pager.acknowledge('bers-incident-7', 'U0ADA', 'inc-7:ack:U0ADA');
      // Without a key (nothing to re-run), each call is its own event, as before.
      await pd.pager.resolve('bers-incident-7');
      await pd.pager.resolve('bers-incident-7');
      const rows = await store.query<{ action: string }>('SELECT action FROM pagerduty_outbox ORDER BY id');
      expect(rows.map((r) => r.action)).toEqual(['trigger', 'acknowledge', 'resolve', 'resolve']);
    });
  });
}
