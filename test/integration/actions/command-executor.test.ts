import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CommandExecutor, runStep } from '../../../src/actions/executors/command-executor.js';

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
const step = (
  argv: string[],
  extra: Partial<{ cwd: string; env: Record<string, string>; timeoutSeconds: number }> = {},
) => ({
  argv,
  env: {},
  timeoutSeconds: 30,
  ...extra,
});

/** Dead or a zombie (in a container PID 1 may never reap it): polled, since SIGTERM is asynchronous. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    if (stat === undefined || / Z /.test(stat)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('command executor (real child processes, no shell)', () => {
  let dir: string;
  let marker: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bers-cmd-'));
    marker = join(dir, 'pwned');
  });

  const corpus = (m: string) => [
    `; touch ${m}`,
    `; rm -rf ${dir}`,
    `$(touch ${m})`,
    `\`touch ${m}\``,
    `| touch ${m}`,
    `&& touch ${m}`,
    `|| touch ${m}`,
    `x\ntouch ${m}`,
    `> ${m}`,
    `* ? [a-z]`,
    `${'${IFS}'}touch${'${IFS}'}${m}`,
    `'; touch ${m}; '`,
    `"; touch ${m}; "`,
    `& touch ${m} &`,
  ];

  it('passes every shell metacharacter through as one literal argument and executes nothing', async () => {
    await writeFile(join(dir, 'keep'), 'x');
    for (const payload of corpus(marker)) {
      const executor = new CommandExecutor({
        rollback: step(['printf', '%s', '{revision}'], { cwd: dir }),
        baseEnv: env,
      });
      const result = await executor.rollback(payload, new AbortController().signal);
      expect(result.ok).toBe(true);
      expect(result.outputTail).toBe(payload);
      // A trailing argument after the revision shows the argv stays split exactly as configured.
      const echoed = await runStep(step(['printf', '[%s]', payload, 'after']), {}, env);
      expect(echoed.outputTail).toBe(`[${payload}][after]`);
    }
    expect(existsSync(marker)).toBe(false);
    expect(await readdir(dir)).toEqual(['keep']);
  });

  it('runs in the configured cwd with the configured env, and keeps the output tail', async () => {
    const result = await runStep(
      step(
        [
          'node',
          '-e',
          'for (let i = 0; i < 5000; i++) console.log("line " + i); console.log(process.cwd(), process.env.DEPLOY_TARGET)',
        ],
        {
          cwd: dir,
          env: { DEPLOY_TARGET: 'production' },
        },
      ),
      {},
      env,
    );
    expect(result.ok).toBe(true);
    expect(result.outputTail.length).toBeLessThanOrEqual(3001);
    expect(result.outputTail).toContain('line 4999');
    expect(result.outputTail).not.toContain('line 1\n');
    expect(result.outputTail.trim().endsWith(`${dir} production`)).toBe(true);
  });

  it('reports a failing program with its exit code and output', async () => {
    const result = await runStep(
      step(['node', '-e', 'console.error("migration lock held"); process.exit(3)']),
      {},
      env,
    );
    expect(result).toMatchObject({ ok: false, summary: 'node failed (exit code 3)' });
    expect(result.outputTail).toContain('migration lock held');
  });

  it('kills a program (and its children) at the timeout and says so', async () => {
    const pidFile = join(dir, 'child.pid');
    const script = `const c = require('child_process').spawn('sleep', ['60'], { stdio: 'ignore' }); require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(c.pid)); console.log('started'); setInterval(() => {}, 1000);`;
    const result = await runStep(step(['node', '-e', script], { timeoutSeconds: 1 }), {}, env);
    expect(result.ok).toBe(false);
    expect(result.summary).toBe('node timed out after 1 s and was killed');
    expect(result.outputTail).toContain('started');
    const childPid = Number(await readFile(pidFile, 'utf8'));
    expect(await gone(childPid)).toBe(true);
  });

  it('reports a program that does not exist', async () => {
    const result = await runStep(step(['no-such-program-bers']), {}, env);
    expect(result.ok).toBe(false);
    expect(result.summary).toContain('could not start no-such-program-bers');
  });

  it('only offers a named revision when the argv has a {revision} slot', () => {
    const executor = new CommandExecutor({
      restart: step(['true']),
      rollback: step(['npm', 'run', 'rollback:production']),
    });
    expect(executor.supports('restart')).toBe(true);
    expect(executor.supports('rollback')).toBe(true);
    expect(executor.supports('rollback', '41')).toBe(false);
    expect(new CommandExecutor({ restart: step(['true']) }).supports('rollback')).toBe(false);
  });
});
