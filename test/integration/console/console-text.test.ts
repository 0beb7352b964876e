import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/app.js';
import { readSettings } from '../../../src/config/settings.js';
import { ManualClock } from '../../../src/core/clock.js';
import type { Store } from '../../../src/store/store.js';
import { captureLogs } from '../../helpers/logs.js';
import { storeBackends } from '../../helpers/stores.js';
import { incidentConfig, MONDAY_10 } from '../incident/config.js';

/** The console renders what Slack would be sent, as a person reads it there: escaped text reads as typed. */
describe('console mode shows outside text as Slack shows it', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeBackends()[0]!.open();
  });
  afterAll(() => store.close());

  it('prints titles, notes and errors as typed: no entities, no links made of them', async () => {
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
      clock: new ManualClock(MONDAY_10),
      console: { input, output: out, interactive: false },
      timerPollMs: 60_000,
    });
    await bot.start();
    input.end(
      [
        '/bers incident declare P1 a & b <!channel> <https://evil.example|click me>',
        '/bers incident severity 1 P0 <!here> wake up',
        '/bers incident assign 1 @ada commander',
        '/bers <!everyone>',
        '/bers help incident',
      ].join('\n'),
    );
    await bot.runConsole();
    await bot.stop();
    expect(output).toContain('🚨 INCIDENT: P1 - a & b <!channel> <https://evil.example|click me>');
    expect(output).toContain('Severity raised P1 → P0 by @console: <!here> wake up');
    expect(output).toContain('@ada is now Incident Commander');
    expect(output).toContain('`<!everyone>` is not a bers command.');
    expect(output).toContain('update [number] <investigating|identified|monitoring> <text…>');
    expect(output).not.toMatch(/&(amp|lt|gt);/);
  });
});
