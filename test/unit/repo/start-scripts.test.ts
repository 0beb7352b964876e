import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/bot-process.js';
import { nodeFlagsOf } from '../../helpers/node-flags.js';

function write(dir: string, file: string, text: string): void {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), text);
}

function run(script: string, cwd: string, env: Record<string, string> = {}) {
  const child = spawnSync(process.execPath, [join(ROOT, 'scripts', script)], {
    cwd,
    encoding: 'utf8',
    env: { PATH: `${join(cwd, 'bin')}:${process.env.PATH}`, HOME: process.env.HOME ?? '', ...env },
  });
  return { code: child.status, stderr: child.stderr };
}

/** A project whose "esbuild" only records that it ran (and makes the build it would make). */
function project(): { dir: string; compiles: () => number } {
  const dir = mkdtempSync(join(tmpdir(), 'bers-build-'));
  write(dir, 'src/main.ts', 'export {};\n');
  write(dir, 'tsconfig.json', '{}\n');
  write(
    dir,
    'node_modules/esbuild/bin/esbuild',
    `#!/usr/bin/env node\nrequire('fs').appendFileSync('compiles', 'x'); require('fs').mkdirSync('dist', { recursive: true }); require('fs').writeFileSync('dist/main.js', '');`,
  );
  chmodSync(join(dir, 'node_modules/esbuild/bin/esbuild'), 0o755);
  return {
    dir,
    compiles: () =>
      existsSync(join(dir, 'compiles')) ? readFileSync(join(dir, 'compiles'), 'utf8').length : 0,
  };
}

describe('ensure-build (npm start)', () => {
  it('compiles when there is no build, then not again until a source changes', () => {
    const { dir, compiles } = project();
    expect(run('ensure-build.mjs', dir)).toEqual({
      code: 0,
      stderr: 'bers-bot: there is no build yet; building\n',
    });
    expect(compiles()).toBe(1);
    expect(run('ensure-build.mjs', dir)).toEqual({ code: 0, stderr: '' });
    expect(compiles()).toBe(1);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'src/main.ts'), later, later);
    expect(run('ensure-build.mjs', dir).stderr).toBe(
      'bers-bot: src changed since the last build; building\n',
    );
    expect(compiles()).toBe(2);
  });

  it('runs the existing build where esbuild is not installed (production dependencies only)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bers-build-'));
    write(dir, 'src/main.ts', 'export {};\n');
    write(dir, 'dist/main.js', '');
    const { code, stderr } = run('ensure-build.mjs', dir);
    expect(code).toBe(0);
    expect(stderr).toContain('esbuild is not installed; running the existing build');
  });
});

/** A project with a lockfile, and an `npm` on PATH that records its arguments. */
function installable(dependencies: Record<string, string>, locked: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'bers-install-'));
  write(dir, 'package.json', JSON.stringify({ name: 'p', dependencies, devDependencies: { dev: '^1.0.0' } }));
  const packages = {
    '': { name: 'p', dependencies: locked, devDependencies: { dev: '^1.0.0' } },
    'node_modules/a': { version: '1.0.0' },
    'node_modules/dev': { version: '1.0.0', dev: true },
  };
  write(dir, 'package-lock.json', JSON.stringify({ lockfileVersion: 3, packages }));
  write(dir, 'bin/npm', `#!/bin/sh\necho "$@" > "${join(dir, 'npm-args')}"\n`);
  chmodSync(join(dir, 'bin/npm'), 0o755);
  const npmArgs = () =>
    existsSync(join(dir, 'npm-args')) ? readFileSync(join(dir, 'npm-args'), 'utf8').trim() : '';
  return { dir, npmArgs };
}

describe('ensure-install (npm start, npm test)', () => {
  it('installs a fresh clone with npm ci: the lockfile as it is', () => {
    const { dir, npmArgs } = installable({ a: '^1.0.0' }, { a: '^1.0.0' });
    expect(run('ensure-install.mjs', dir).stderr).toContain('node_modules is missing; running npm ci');
    expect(npmArgs()).toBe('ci --no-audit --no-fund');
  });

  it('in production, neither wants nor installs dev packages', () => {
    const { dir, npmArgs } = installable({ a: '^1.0.0' }, { a: '^1.0.0' });
    write(
      dir,
      'node_modules/.package-lock.json',
      JSON.stringify({ packages: { 'node_modules/a': { version: '1.0.0' } } }),
    );
    expect(run('ensure-install.mjs', dir, { NODE_ENV: 'production' })).toEqual({ code: 0, stderr: '' });
    expect(run('ensure-install.mjs', dir).stderr).toContain('node_modules/dev is not installed');
    write(dir, 'node_modules/.package-lock.json', '{}');
    run('ensure-install.mjs', dir, { NODE_ENV: 'production' });
    expect(npmArgs()).toBe('ci --no-audit --no-fund --omit=dev');
  });

  it('refuses, without touching anything, when package.json and the lockfile disagree', () => {
    const { dir, npmArgs } = installable({ a: '^2.0.0' }, { a: '^1.0.0' });
    const { code, stderr } = run('ensure-install.mjs', dir);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'package.json and package-lock.json disagree (dependencies.a: package.json ^2.0.0, lockfile ^1.0.0)',
    );
    expect(npmArgs()).toBe('');
  });
});

describe('npm start', () => {
  it("execs the bot with its bin's node flags, so a supervisor's SIGTERM to npm reaches it (sh -c would orphan it)", () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    const flags = nodeFlagsOf(join(ROOT, 'src/main.ts'));
    expect(flags).toContain('--max-semi-space-size=2');
    expect(scripts.start).toBe(['exec node', ...flags, 'dist/main.js'].join(' '));
    expect(scripts.prestart).toBe('node scripts/ensure-install.mjs && node scripts/ensure-build.mjs');
  });
});
