import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/app.js';
import { readSettings } from '../../../src/config/settings.js';
import { ManualClock } from '../../../src/core/clock.js';
import type { Store } from '../../../src/store/store.js';
import { configFrom } from '../../helpers/config.js';
import { captureLogs } from '../../helpers/logs.js';
import { pollUntil } from '../../helpers/poll.js';
import { storeBackends } from '../../helpers/stores.js';

const config = configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
  - name: api-gateway
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
permissions:
  roles: { sre: { users: [console] } }
  grants: { operate: [sre], admin: [sre] }
actions:
  services:
    web:
      environments:
        production:
          executor: { kind: command, restart: { argv: [${JSON.stringify(process.execPath)}, -e, '0'] } }
`);

/** A console bot on `input`, its output collected; a terminal when `interactive`. */
async function consoleBot(store: Store, interactive: boolean, clock?: ManualClock) {
  const input = new PassThrough();
  let out = '';
  const output = new Writable({
    write(chunk, _e, done) {
      out += String(chunk);
      done();
    },
  });
  const bot = await createBot({
    settings: readSettings({ PORT: '0' }),
    config,
    log: captureLogs().log,
    store,
    clock,
    console: { input, output, interactive },
  });
  return { bot, input, output: () => out };
}

describe('console comfort', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeBackends()[0]!.open();
  });
  afterAll(() => store.close());

  it('suggests the subcommand or service a typo meant', async () => {
    const { bot, input, output } = await consoleBot(store, false);
    input.end('/bers helth\nhealth api-gatway\nhelp incident delcare\n');
    await bot.runConsole();
    await bot.stop();
    expect(output()).toContain('`helth` is not a bers command. Did you mean `health`?');
    expect(output()).toContain('Unknown service: `api-gatway`. Did you mean `api-gateway`? Known services');
    expect(output()).toContain('There is no `/bers incident delcare` command. Did you mean `declare`?');
  }, 60_000);

  it('completes with Tab on a terminal: the subcommand, then the service', async () => {
    const { bot, input, output } = await consoleBot(store, true);
    const done = bot.runConsole();
    // Keystrokes one chunk at a time: readline takes a multi-character chunk for a paste, where a
    // Tab is text, not completion.
    for (const keys of ['/bers hea', '\t', ' api', '\t', '\r']) {
      input.write(keys);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await pollUntil(() => output().includes('Health details'), {
      what: 'the health reply',
      timeoutMs: 20_000,
      intervalMs: 20,
    });
    input.write('exit\r');
    await done;
    await bot.stop();
    expect(output()).toContain('/bers health api-gateway');
    expect(output()).toMatch(/api-gateway — unhealthy/);
  }, 60_000);

  it('a button expires with its message: after 30 minutes it is refused with the reason', async () => {
    const clock = new ManualClock();
    const { bot, input, output } = await consoleBot(store, false, clock);
    const done = bot.runConsole();
    input.write('/bers restart web\n');
    await pollUntil(() => output().includes('[2] Cancel'), {
      what: 'the buttons',
      timeoutMs: 20_000,
      intervalMs: 20,
    });
    clock.advance(31 * 60_000);
    input.end('click 1\nyes\n');
    await done;
    await bot.stop();
    expect(output()).toContain('Button 1 has expired: its message is 31 minutes old (buttons last 30).');
    expect(output()).toContain('There is nothing to confirm or cancel.');
    expect(output()).not.toContain('Confirmed by');
  }, 60_000);
});
