import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../src/store/audit-log.js';
import { openStore } from '../../../src/store/open-store.js';
import { runBot, spawnBot } from '../../helpers/bot-process.js';

const dir = mkdtempSync(join(tmpdir(), 'bers-console-'));
const config = join(dir, 'bers.config.yaml');
writeFileSync(
  config,
  `services:
  - name: web
    checks: [{ name: socket, kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 500 }]
  - name: api
    checks: [{ name: socket, kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 500 }]
`,
);
const env = { BERS_CONFIG: config, BERS_DATA_DIR: join(dir, 'data'), PORT: '0' };
const SLOW = 180_000;

describe('console mode as a child process', () => {
  const running: ReturnType<typeof spawnBot>[] = [];
  afterAll(() => {
    for (const bot of running) bot.child.kill();
  });

  it(
    'runs each piped line as a command, prints the rendered replies, exits 0 at end of input',
    async () => {
      const { code, stdout, stderr } = await runBot(
        env,
        '/bers health\nhelp\n\n/bers health nosuch\nbogus\n',
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('Health: unhealthy');
      expect(stdout).toMatch(/web unhealthy · \d+ ms — socket: connect ECONNREFUSED/);
      expect(stdout).toContain('bers-bot commands');
      expect(stdout).toContain('Unknown service: `nosuch`. Known services: `web`, `api`.');
      expect(stdout).toContain('`bogus` is not a bers command.');
      expect(stdout).not.toContain('{"level"'); // logs never mix into the conversation
    },
    SLOW,
  );

  it(
    'a second process on the same BERS_DATA_DIR gets a clear "in use" error; the first is unharmed',
    async () => {
      const first = spawnBot(env);
      running.push(first);
      first.child.stdin.write('help\n');
      await first.waitForOutput('bers-bot commands');
      const second = await runBot(env, 'help\n');
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain(
        `The data directory ${env.BERS_DATA_DIR} is in use by another bers-bot process`,
      );
      expect(second.stderr).toContain(`pid ${first.child.pid}`);
      expect(second.stdout).toBe('');
      first.child.stdin.end('/bers health web\n');
      expect(await first.exited).toBe(0);
      expect(first.stdout()).toContain('web — unhealthy');
    },
    SLOW,
  );

  it(
    'audit rows survive restarts',
    async () => {
      const store = await openStore({ dataDir: env.BERS_DATA_DIR });
      try {
        const rows = await new AuditLog(store, { now: () => new Date() }).recent(100, { kind: 'command' });
        // first run: 4 commands (the blank line is not one); second run: help, health web
        expect(rows.map((r) => r.text).reverse()).toEqual([
          'health',
          'help',
          'health nosuch',
          'bogus',
          'help',
          'health web',
        ]);
        expect(rows.map((r) => r.outcome).reverse()).toEqual(['ok', 'ok', 'not_found', 'usage', 'ok', 'ok']);
        expect(rows.every((r) => r.actorId === 'console' && r.channelId !== '')).toBe(true);
      } finally {
        await store.close();
      }
    },
    SLOW,
  );

  it(
    'a bad config stops the start, naming each path',
    async () => {
      const bad = join(dir, 'bad.yaml');
      writeFileSync(
        bad,
        `services:
  - name: web
    checks: [{ kind: http, url: "not a url" }]
  - checks: [{ kind: tcp, host: 127.0.0.1, port: 99999 }]
health: { timeoutMs: -5 }
`,
      );
      const { code, stderr, stdout } = await runBot({ ...env, BERS_CONFIG: bad }, 'help\n');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('bers-bot: the config cannot be used');
      expect(stderr).toMatch(/services\[0\]\.checks\[0\]\.url: /);
      expect(stderr).toMatch(/services\[1\]\.name: /);
      expect(stderr).toMatch(/services\[1\]\.checks\[0\]\.port: /);
      expect(stderr).toMatch(/health\.timeoutMs: /);
    },
    SLOW,
  );

  it(
    'an invalid environment stops the start with a message per variable',
    async () => {
      const port = await runBot({ ...env, PORT: 'eighty', DATABASE_URL: 'mysql://db/bers' }, 'help\n');
      expect(port.code).toBe(2);
      expect(port.stderr).toContain('bers-bot: invalid environment');
      expect(port.stderr).toContain('PORT: must be a port number (0-65535)');
      expect(port.stderr).toContain('DATABASE_URL: must be a postgres:// URL');
      const half = await runBot({ ...env, SLACK_BOT_TOKEN: 'xoxb-1-2-3' }, 'help\n');
      expect(half.code).toBe(2);
      expect(half.stderr).toMatch(
        /SLACK_BOT_TOKEN: is set, but neither SLACK_SIGNING_SECRET .* nor SLACK_APP_TOKEN/,
      );
      expect(half.stderr).not.toContain('xoxb-1-2-3');
    },
    SLOW,
  );

  it(
    'another program on PORT: the console still works, without the HTTP routes, and says so',
    async () => {
      const holder = createServer();
      await new Promise<void>((resolve) => holder.listen(0, '0.0.0.0', resolve));
      const port = String((holder.address() as AddressInfo).port);
      try {
        const { code, stdout, stderr } = await runBot(
          { ...env, BERS_DATA_DIR: join(dir, 'data-port'), PORT: port },
          'help\n',
        );
        expect(code).toBe(0);
        expect(stdout).toContain('bers-bot commands');
        expect(stderr).toContain('port in use: console mode runs without /healthz, /metrics and webhooks');
      } finally {
        holder.close();
      }
    },
    SLOW,
  );

  // CI must run it (util-linux's `script` is on every machine here); a laptop without it skips.
  const hasScript = spawnSync('script', ['--version']).status === 0 || process.env.CI === 'true';
  it.skipIf(!hasScript)(
    'on a terminal: a banner, a bers> prompt, Ctrl-C quits',
    async () => {
      const bot = spawnBotOnTerminal();
      running.push(bot);
      await bot.waitForOutput('bers> ');
      bot.child.stdin.write('help\n');
      await bot.waitForOutput('bers-bot commands');
      bot.child.stdin.write('\u0003'); // Ctrl-C at the prompt ends the session cleanly
      expect(await bot.exited).toBe(0);
      expect(bot.stdout()).toContain('bers-bot console');
      expect(bot.stdout().split('bers> ').length).toBeGreaterThanOrEqual(3);
    },
    SLOW,
  );
});

/** The bot under `script`, which gives it a pseudo-terminal for stdin and stdout. */
function spawnBotOnTerminal(): ReturnType<typeof spawnBot> {
  const command = `${process.execPath} --import tsx src/main.ts`;
  return spawnBot({ ...env, TERM: 'dumb' }, ['script', '-qfec', command, '/dev/null']);
}
