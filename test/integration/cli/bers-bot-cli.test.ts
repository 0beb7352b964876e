import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/bot-process.js';

/** `bers-bot …` as a user runs it, stdin left open: nothing may wait for the console's input. */
function bersBot(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('the bers-bot command', () => {
  it('--help prints the usage and exits, instead of opening the console', async () => {
    const { code, stdout, stderr } = await bersBot(['--help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(`bers-bot ${version}`);
    for (const usage of ['bers-bot check [config]', 'bers-bot manifest', '--version'])
      expect(stdout).toContain(usage);
    expect(stdout).not.toContain('bers>');
  });

  it('--version prints the package version', async () => {
    expect(await bersBot(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('an unknown option or command is an error, exit 2', async () => {
    const option = await bersBot(['--verbose']);
    expect(option).toEqual({
      code: 2,
      stdout: '',
      stderr: 'bers-bot: unknown option `--verbose`.\nRun `bers-bot --help` for usage.\n',
    });
    const command = await bersBot(['manifets']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command `manifets`. Did you mean `manifest`?');
  });

  it('manifest prints the checked-in manifest.yaml', async () => {
    const { code, stdout } = await bersBot(['manifest']);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(ROOT, 'manifest.yaml'), 'utf8'));
  });

  it('check names each problem of a broken config by its path, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bers-check-'));
    const file = join(dir, 'bers.config.yaml');
    writeFileSync(file, 'services:\n  - name: Web\n    checks: []\n');
    const { code, stdout } = await bersBot(['check', file]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:`);
    expect(stdout).toMatch(/services\[0\]\.name: /);
    expect(stdout).toMatch(/services\[0\]\.checks: /);
  });

  it('check reads BERS_CONFIG when no file is given', async () => {
    const { code, stdout } = await bersBot(['check'], { BERS_CONFIG: '/nonexistent/bers.config.yaml' });
    expect(code).toBe(1);
    expect(stdout).toContain('/nonexistent/bers.config.yaml');
  });
}, 60_000);
