import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESBUILD, esbuildArgs } from '../../../scripts/bundle-options.mjs';
import { type BotProcess, ROOT, spawnBot } from '../../helpers/bot-process.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { SIGNING_SECRET, slashCommandBody } from '../../helpers/http-bot.js';
import { signedHeaders } from '../../helpers/slack-signing.js';

// The other tests run the sources through tsx; this one runs what production runs: the bundle the
// build makes (scripts/bundle-options.mjs), in both modes, so a package the bundle breaks shows.
// It is built inside dist/ so that, like dist/main.js, it finds the project root above it.
const OUT = join('dist', `test-bundle-${process.pid}`);
const SLOW = 180_000;

const dir = mkdtempSync(join(tmpdir(), 'bers-bundle-'));
const config = join(dir, 'bers.config.yaml');
writeFileSync(
  config,
  'services:\n  - name: web\n    checks: [{ name: socket, kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 300 }]\n',
);

/** Run as the `bers-bot` bin runs: the file itself, through its first line's `env -S node <flags>`. */
function launch(env: Record<string, string>): BotProcess {
  return spawnBot({ BERS_CONFIG: config, PORT: '0', ...env }, [join(ROOT, OUT, 'main.js')]);
}

describe('the shipped bundle', () => {
  const running: BotProcess[] = [];
  beforeAll(() => {
    const build = spawnSync(join(ROOT, ESBUILD), esbuildArgs(OUT), {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  }, SLOW);
  afterAll(() => {
    for (const bot of running) bot.child.kill('SIGKILL');
    rmSync(join(ROOT, OUT), { recursive: true, force: true });
  });

  it('has no chunk that is only the default export of a CommonJS package (named imports would be undefined)', () => {
    const chunks = readdirSync(join(ROOT, OUT)).filter((file) => file.endsWith('.js'));
    expect(chunks).toContain('main.js');
    expect(chunks).toContain('ingress-worker.js');
    const onlyDefault = chunks.filter((file) => {
      const code = readFileSync(join(ROOT, OUT, file), 'utf8');
      return /^export default require_\w+\(\);$/m.test(code) && !/^export \{/m.test(code);
    });
    expect(onlyDefault).toEqual([]);
  });

  it(
    'answers console commands on the embedded store',
    async () => {
      const bot = launch({ BERS_DATA_DIR: join(dir, 'console-data') });
      running.push(bot);
      bot.child.stdin.end('/bers health\n/bers incident declare P3 Bundle check\n/bers incident list\n');
      expect(await bot.exited).toBe(0);
      expect(bot.stderr()).toBe('');
      expect(bot.stdout()).toMatch(/web unhealthy · \d+ ms — socket: connect ECONNREFUSED/);
      expect(bot.stdout()).toContain('Bundle check');
    },
    SLOW,
  );

  it(
    'in HTTP mode: the ingress thread acks a signed command and the reply reaches Slack',
    async () => {
      const slack = await FakeSlack.start();
      try {
        const bot = launch({
          BERS_DATA_DIR: join(dir, 'http-data'),
          SLACK_BOT_TOKEN: 'xoxb-bundle',
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: slack.apiUrl,
          LOG_LEVEL: 'info',
        });
        running.push(bot);
        await bot.waitForOutput('"HTTP server listening"', 90_000);
        const port = /"port":(\d+)[^\n]*"HTTP server listening"/.exec(bot.stdout())?.[1];
        const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
        expect(ready.status).toBe(200);
        const body = slashCommandBody('help', slack.responseUrl('bundle'));
        const ack = await fetch(`http://127.0.0.1:${port}/slack/events`, {
          method: 'POST',
          body,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            ...signedHeaders(SIGNING_SECRET, body),
          },
        });
        expect(ack.status).toBe(200);
        const [reply] = await slack.waitFor(() => {
          const replies = slack.responsesTo('bundle');
          return replies.length > 0 && replies;
        });
        expect(JSON.stringify(reply)).toContain('bers-bot commands');
        bot.child.kill('SIGTERM');
        expect(await bot.exited).toBe(0);
      } finally {
        await slack.close();
      }
    },
    SLOW,
  );
});
