#!/usr/bin/env node
// Runs before `npm start` and `npm test`, so a fresh clone needs no separate install step. When
// node_modules is missing or no longer matches package-lock.json it runs `npm ci`: exactly the
// lockfile, which is never rewritten. With NODE_ENV=production (or npm's omit=dev) dev packages
// are neither required nor installed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const production =
  process.env.NODE_ENV === 'production' ||
  (process.env.npm_config_omit ?? '').split(/[\s,]+/).includes('dev');

function read(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** `npm ci` refuses a lockfile that does not match package.json; say so before it deletes anything. */
function lockfileDisagreement(manifest, lock) {
  const root = lock.packages?.[''] ?? {};
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const wanted = manifest[field] ?? {};
    const locked = root[field] ?? {};
    for (const name of new Set([...Object.keys(wanted), ...Object.keys(locked)])) {
      if (wanted[name] !== locked[name])
        return `${field}.${name}: package.json ${wanted[name] ?? 'has none'}, lockfile ${locked[name] ?? 'has none'}`;
    }
  }
  return undefined;
}

/** Why node_modules must be installed again, or undefined when it matches the lockfile. */
function staleness(lock) {
  // npm keeps a record of what it installed in node_modules/.package-lock.json.
  const installed = read('node_modules/.package-lock.json')?.packages;
  if (!installed) return 'node_modules is missing';
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || entry.link || (production && entry.dev)) continue;
    const have = installed[path];
    // Optional packages for other platforms (esbuild, biome, canvas builds) are never installed.
    if (!have && (entry.optional || entry.devOptional)) continue;
    if (!have) return `${path} is not installed`;
    if (have.version !== entry.version)
      return `${path} is ${have.version}, the lockfile wants ${entry.version}`;
  }
  return undefined;
}

const lock = read('package-lock.json');
if (lock) {
  const reason = staleness(lock);
  if (reason) {
    const disagreement = lockfileDisagreement(read('package.json') ?? {}, lock);
    if (disagreement) {
      process.stderr.write(
        `bers-bot: package.json and package-lock.json disagree (${disagreement}); run \`npm install\` to update the lockfile, and commit it\n`,
      );
      process.exit(1);
    }
    const args = ['ci', '--no-audit', '--no-fund', ...(production ? ['--omit=dev'] : [])];
    process.stderr.write(`bers-bot: ${reason}; running npm ${args.join(' ')}\n`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, args, { stdio: ['ignore', 2, 2] });
    process.exit(result.status ?? 1);
  }
}
