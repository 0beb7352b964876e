#!/usr/bin/env node
// Runs before `npm start`: builds dist/ only when a source (src/, commands/, the tsconfig, the
// lockfile, the bundle options) changed since the last build. The build bundles the bot with esbuild
// (scripts/bundle-options.mjs) in about a second; type checking is `npm test`'s and lint's job.
// `--always` (npm run build) builds regardless. Where esbuild is not installed (a production
// install) the existing build is used as it is.
// Then it makes sure dist/ holds the prepared embedded database for the current PGlite and
// migrations (src/store/pglite-template.ts), so a first start on a new data dir skips initdb.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESBUILD, esbuildArgs } from './bundle-options.mjs';

const STAMP = 'dist/.build-stamp';
const INPUTS = ['src', 'commands', 'tsconfig.json', 'package-lock.json', 'scripts/bundle-options.mjs'];
const BUILT = 'dist/main.js';

/** The newest modification time under `path`; directories count too, so a deleted file does. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function changedSinceBuild() {
  if (!existsSync(STAMP) || !existsSync(BUILT)) return 'there is no build yet';
  const built = statSync(STAMP).mtimeMs;
  const changed = INPUTS.find((input) => newest(input) > built);
  return changed && `${changed} changed since the last build`;
}

/**
 * Writes dist/pglite-template-<key>.tar.gz when it is missing (initdb and the migrations, once per
 * release). Without it the bot still starts, running initdb on each new data dir: only `npm run
 * build` (the image's build) fails over it.
 */
async function ensureTemplate(required) {
  // The build being started is the one in the working directory, like dist/main.js above.
  const built = (file) => pathToFileURL(join(process.cwd(), 'dist', file)).href;
  if (!existsSync(join('dist', 'pglite-template.js'))) return;
  const { currentTemplate } = await import(built('pglite-template.js'));
  if (currentTemplate()) return;
  process.stderr.write('bers-bot: preparing the embedded database template\n');
  try {
    const { buildPgliteTemplate } = await import(built('build-pglite-template.js'));
    await buildPgliteTemplate();
  } catch (error) {
    if (required) throw error;
    process.stderr.write(
      `bers-bot: no embedded database template (${error.message}); new data dirs run initdb\n`,
    );
  }
}

const always = process.argv.includes('--always');
const reason = always ? 'asked to' : changedSinceBuild();
if (reason) {
  if (!existsSync(ESBUILD)) {
    if (existsSync(BUILT)) {
      process.stderr.write(`bers-bot: ${reason}, but esbuild is not installed; running the existing build\n`);
      await ensureTemplate(false);
      process.exit(0);
    }
    process.stderr.write(
      'bers-bot: there is no build in dist/ and no esbuild to make one (npm ci, then npm run build)\n',
    );
    process.exit(1);
  }
  // The stamp gets the time the build started: a file saved while it ran counts as changed.
  const started = new Date();
  if (reason !== 'asked to') process.stderr.write(`bers-bot: ${reason}; building\n`);
  // The last build's chunks have other names (their hashes); what `tsc` built here before the bot
  // was bundled (dist/src/) is loaded by nothing now.
  for (const old of existsSync('dist') ? readdirSync('dist') : [])
    if (/\.js(\.map)?$/.test(old) || ['src', 'commands', '.tsbuildinfo'].includes(old))
      rmSync(join('dist', old), { recursive: true, force: true });
  const result = spawnSync(ESBUILD, esbuildArgs('dist'), { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP, `${started.toISOString()}\n`);
  utimesSync(STAMP, started, started);
}
await ensureTemplate(always);
