#!/usr/bin/env node
// Runs before `npm start` and `npm test`, so a fresh clone needs no separate install step:
// installs when node_modules is missing or no longer matches package-lock.json.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

function packagesOf(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8')).packages ?? {};
  } catch {
    return undefined;
  }
}

/** Why node_modules must be (re)installed, or undefined when it matches the lockfile. */
function staleness() {
  const wanted = packagesOf('package-lock.json');
  if (!wanted) return undefined; // no lockfile: nothing to compare against
  // npm keeps a record of what it installed in node_modules/.package-lock.json.
  const installed = packagesOf('node_modules/.package-lock.json');
  if (!installed) return 'node_modules is missing';
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '' || entry.link) continue;
    const have = installed[path];
    // Optional packages for other platforms (esbuild, biome, canvas builds) are never installed.
    if (!have && (entry.optional || entry.devOptional)) continue;
    if (!have) return `${path} is not installed`;
    if (have.version !== entry.version)
      return `${path} is ${have.version}, the lockfile wants ${entry.version}`;
  }
  return undefined;
}

const reason = staleness();
if (reason) {
  process.stderr.write(`bers-bot: ${reason}; running npm install\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--no-audit', '--no-fund'], { stdio: ['ignore', 2, 2] });
  process.exit(result.status ?? 1);
}
