import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { incidentConfig, MONDAY_10 } from './config.js';

const MINUTE = 60_000;

describe('a severity change re-plans paging with the new severity policy', () => {
  let h: HttpBotHarness;
  const clock = new ManualClock(MONDAY_10);
  beforeAll(async () => {
    h = await startHttpBot({ config: incidentConfig(), clock });
  });
  afterAll(() => h.close());

  const pagesOf = async (n: number) =>
    (await h.bot.services.incidents.timeline(n)).filter((e) => e.text.includes('would page on-call')).length;

  it('raising P2 to P1 pages once the acknowledgement window passes unacknowledged', async () => {
    await h.command('incident declare P2 search is slow');
    await h.command('incident severity 1 P1 errors are climbing');
    clock.advance(30 * MINUTE);
    await h.bot.services.timers.poll();
    expect(await pagesOf(1)).toBe(0);
    clock.advance(31 * MINUTE);
    await h.bot.services.timers.poll();
    expect(await pagesOf(1)).toBe(1);
  });

  it('lowering P1 to P3 withdraws the pending page', async () => {
    await h.command('incident declare P1 exports are failing');
    await h.command('incident severity 2 P3 only one tenant affected');
    clock.advance(2 * 60 * MINUTE);
    await h.bot.services.timers.poll();
    expect(await pagesOf(2)).toBe(0);
  });
});
