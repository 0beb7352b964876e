import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/app.js';
import { readSettings } from '../../../src/config/settings.js';
import { ManualClock } from '../../../src/core/clock.js';
import type { Store } from '../../../src/store/store.js';
import { configFrom } from '../../helpers/config.js';
import { captureLogs } from '../../helpers/logs.js';
import { storeBackends } from '../../helpers/stores.js';

const CONFIG = `
bot: { consoleUser: U_OPS }
services:
  - name: unjucks-api
    aliases: [api]
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
  - name: unjucks-db
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
permissions:
  roles: { sre: { users: [U_OPS] } }
  grants: { operate: [sre] }
maintenance:
  windows:
    - { name: weekly, cron: "0 2 * * 0", durationMinutes: 120, services: [unjucks-api, unjucks-db] }
`;

/** The whole bot (pipeline, registry, wiring) in console mode, as an operator would type it. */
describe('/bers maintenance in the console', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeBackends()[0]!.open();
  });
  afterAll(() => store.close());

  it('schedules, lists and cancels; bad input gets the usage', async () => {
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
      config: configFrom(CONFIG),
      log: captureLogs().log,
      store,
      // A Tuesday: the weekly window is days away.
      clock: new ManualClock(new Date('2026-12-01T12:00:00Z')),
      console: { input, output: out, interactive: false },
      timerPollMs: 60_000,
    });
    await bot.start();
    input.end(
      [
        '/bers maintenance schedule unjucks-api 2026-11-30T02:00Z 2h',
        '/bers maintenance schedule nginx 2026-12-02T02:00Z 2h',
        '/bers maintenance schedule api 2026-12-02T02:00Z 90d',
        '/bers maintenance schedule api +0m 1h <!channel> now',
        '/bers maintenance schedule api 2026-12-02T02:00Z 2h Database upgrade <!channel>',
        '/bers maintenance list',
        '/bers maintenance cancel 99',
        '/bers maintenance cancel two',
      ].join('\n'),
    );
    await bot.runConsole();
    await bot.stop();
    expect(output).toContain('That start is in the past');
    expect(output).toContain('Unknown service `nginx`.');
    expect(output).toContain('A maintenance window lasts from 5 minutes to 24 hours.');
    expect(output).toContain('maintenance schedule <services…> <start> <duration> [title…]');
    expect(output).toMatch(
      /Scheduled #\d+ Database upgrade <!channel>: unjucks-api · 2026-12-02 02:00–04:00/,
    );
    expect(output).toContain('recurring `weekly`');
    expect(output).toContain('No upcoming maintenance window #99');
    expect(output).toContain('the window number is digits');
  });
});
