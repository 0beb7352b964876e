import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/app.js';
import { readSettings } from '../../../src/config/settings.js';
import type { Store } from '../../../src/store/store.js';
import { configFrom } from '../../helpers/config.js';
import { captureLogs } from '../../helpers/logs.js';
import { storeBackends } from '../../helpers/stores.js';

describe('console mode confirmations', () => {
  // A PGlite takes seconds to create on a loaded machine: outside the test's own time budget.
  let store: Store;
  beforeAll(async () => {
    store = await storeBackends()[0]!.open();
  });
  afterAll(() => store.close());

  it('answers a Confirm/Cancel pair with yes and no', async () => {
    const marker = join(await mkdtemp(join(tmpdir(), 'bers-console-')), 'runs');
    const append = `require("fs").appendFileSync(${JSON.stringify(marker)}, "ran\\n")`;
    const config = configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
permissions:
  roles: { sre: { users: [console] } }
  grants: { operate: [sre], admin: [sre] }
actions:
  verifyTimeoutSeconds: 1
  verifyIntervalSeconds: 0.5
  services:
    web:
      environments:
        production:
          executor: { kind: command, restart: { argv: [${JSON.stringify(process.execPath)}, -e, '${append}'] } }
`);
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
      console: { input, output, interactive: false },
    });
    input.end('/bers restart web\nno\nyes\n/bers restart web\nyes\nyes\n');
    await bot.runConsole();
    await bot.stop();
    expect(out).toContain('[1] Confirm   [2] Cancel   (type `yes` or `no`)');
    expect(out).toContain('Cancelled by @console');
    expect(out).toContain('This restart is already cancelled');
    expect(out).toContain('Confirmed by @console, running');
    expect(out).toContain('This restart is already unverified by @console; it runs once.');
    expect(out).toMatch(/❌ web \(production\) still (unhealthy|unknown) after 1 s/);
    expect((await readFile(marker, 'utf8')).trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
