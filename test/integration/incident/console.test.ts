import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/app.js';
import { readSettings } from '../../../src/config/settings.js';
import { ManualClock } from '../../../src/core/clock.js';
import type { Store } from '../../../src/store/store.js';
import { captureLogs } from '../../helpers/logs.js';
import { storeBackends } from '../../helpers/stores.js';
import { incidentConfig, MONDAY_10 } from './config.js';

/** Runs lines through console mode and returns what the operator saw. */
async function runConsole(store: Store, clock: ManualClock, lines: string[]): Promise<string> {
  let output = '';
  const out = new Writable({
    write(chunk, _enc, done) {
      output += String(chunk);
      done();
    },
  });
  const input = new PassThrough();
  const bot = await createBot({
    settings: readSettings({ PORT: '0' }),
    config: incidentConfig(),
    log: captureLogs().log,
    store,
    clock,
    console: { input, output: out, interactive: false },
    timerPollMs: 60_000,
  });
  await bot.start();
  // The poller's first tick (its interval is long here): reminders due while the bot was down.
  await bot.services.timers.poll();
  input.end(`${lines.join('\n')}\n`);
  await bot.runConsole();
  await bot.services.timers.poll();
  await bot.stop();
  return output;
}

describe('the incident lifecycle in console mode', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeBackends()[0]!.open();
  });
  afterAll(() => store.close());

  it('declares, updates, assigns, nudges, resolves; buttons that need a form name the command', async () => {
    const clock = new ManualClock(MONDAY_10);
    const out = await runConsole(store, clock, [
      '/bers incident declare P1 checkout is failing',
      '/bers incident',
      'click 2',
      'click 1',
      '/bers incident update 1 identified bad deploy',
      '/bers incident assign 1 @ada commander',
      '/bers incident update 1 fixing',
    ]);
    expect(out).toContain('(channel #inc-1-checkout-is-failing created)');
    expect(out).toContain('[#incidents]');
    expect(out).toContain('🚨 INCIDENT: P1 - checkout is failing');
    // The declarer leads, and the topic says so as the report does (not "nobody yet").
    expect(out).toContain('(topic of #inc-1-checkout-is-failing: 🟠 P1 · Investigating · IC: @console)');
    expect(out).toContain(
      'Forms need Slack; here, type `/bers incident declare <severity> <title…> [--private]`',
    );
    expect(out).toContain(
      'Forms need Slack; here, type `/bers incident update 1 <investigating|identified|monitoring> <text…>`',
    );
    expect(out).toContain('You acknowledged incident #1');
    expect(out).toContain('Acknowledged: @console');
    expect(out).toContain('🔄 UPDATE: P1 - checkout is failing');
    expect(out).toContain('@ada is now Incident Commander');
    expect(out).toContain('`fixing` is not a status');

    clock.advance(31 * 60_000);
    const later = await runConsole(store, clock, [
      '/bers incident resolve 1 rolled back root cause: bad config',
    ]);
    expect(later).toContain('✅ RESOLVED: P1 - checkout is failing');
    expect(later).toContain('Root Cause: bad config');
    expect(later).toContain('Post-mortem: P1 - checkout is failing (incident #1)');
    expect(later).toContain('⏰ @ada the P1 update for incident #1 was due');
    expect(later.match(/^⏰/gm)).toHaveLength(1);
  });
});
