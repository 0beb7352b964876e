import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/app.js';
import { readSettings } from '../../../src/config/settings.js';
import { projectRoot } from '../../../src/core/project-root.js';
import { FakePagerDuty } from '../../helpers/fake-pagerduty.js';
import { captureLogs } from '../../helpers/logs.js';
import { actionsFor, pagingConfig, ROUTING_KEY } from '../../helpers/pagerduty.js';

describe('a bot killed during a PagerDuty outage', () => {
  let dir: string;
  let fake: FakePagerDuty;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bers-pd-'));
    fake = await FakePagerDuty.start();
  });
  afterAll(async () => {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves its pages in the store, and the restarted bot delivers each once, in order', async () => {
    const caFile = join(dir, 'fake-pagerduty-ca.pem');
    await writeFile(caFile, fake.ca);
    const env = {
      BERS_DATA_DIR: join(dir, 'data'),
      PAGERDUTY_EVENTS_URL: fake.url,
      PAGERDUTY_ROUTING_KEY: ROUTING_KEY,
    };
    fake.outage();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/pagerduty-child.ts'], {
      cwd: projectRoot(),
      env: { ...process.env, ...env, NODE_EXTRA_CA_CERTS: caFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    await fake.waitFor(() => out.includes('paged') && fake.attempts.length >= 2, 60_000, 'the child paging');
    child.kill('SIGKILL');
    await exited;
    expect(fake.delivered).toEqual([]);

    fake.recover();
    const bot = await createBot({
      settings: readSettings({ ...env, PORT: '0' }),
      config: pagingConfig(),
      log: captureLogs().log,
      pagerDutyCa: fake.ca,
      console: { input: new PassThrough(), output: new PassThrough(), interactive: false },
    });
    await bot.start();
    try {
      await fake.waitFor(() => fake.delivered.length === 3, 30_000, 'the pending pages');
      await bot.services.pagerduty!.worker.kick();
    } finally {
      await bot.stop();
    }
    expect(actionsFor(fake, 'bers-incident-42')).toEqual(['trigger', 'acknowledge', 'resolve']);
    expect(fake.delivered).toHaveLength(3);
  }, 120_000);
});
