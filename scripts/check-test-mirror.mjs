// Unit tests mirror the code they test (docs/architecture.md#tests): test/unit/<x>.test.ts tests
// src/<x>.ts, or <x>.ts for commands/ (test/unit/commands/health.test.ts ↔ commands/health.ts), so
// the test of a file is found by its name and a file without one shows. A source too big for one
// test file under 256 lines takes a second named by an aspect: core/pipeline.views-events.test.ts
// tests src/core/pipeline.ts. Tests of the repository's own files (README, deployment files,
// example configs, start scripts) live in test/unit/repo/; anything else is listed below with why.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const ARTEFACTS = 'repo/';
const EXCEPTIONS = new Map([
  ['views/escaping.test.ts', 'cross-cutting: every view in src/views/ against the same hostile text'],
]);

const mirrors = (base) => existsSync(join(ROOT, 'src', `${base}.ts`)) || existsSync(join(ROOT, `${base}.ts`));

const tests = readdirSync(join(ROOT, 'test/unit'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .sort();
const stray = [];
for (const file of tests) {
  if (file.startsWith(ARTEFACTS) || EXCEPTIONS.has(file)) continue;
  const base = file.slice(0, -'.test.ts'.length);
  // `<name>.<aspect>` also mirrors `<name>.ts`.
  const aspect = /^(.*?)([^/.]+)\.[^/]+$/.exec(base);
  if (!mirrors(base) && !(aspect && mirrors(aspect[1] + aspect[2]))) stray.push(file);
}
// An exception outlives its reason once the file is moved or gone.
const stale = [...EXCEPTIONS.keys()].filter((file) => !tests.includes(file));

if (stale.length > 0) {
  console.error('error test-mirror: exceptions in scripts/check-test-mirror.mjs for tests that are gone:');
  for (const file of stale) console.error(`  test/unit/${file}`);
}
if (stray.length > 0) {
  console.error(
    'error test-mirror: unit tests that mirror no src/ or commands/ file (docs/architecture.md#tests):',
  );
  for (const file of stray) console.error(`  test/unit/${file}`);
  console.error(
    'Name the test after the file it tests (test/unit/<x>.test.ts for src/<x>.ts or <x>.ts), ' +
      'put a test of a repository file under test/unit/repo/, or list it in the script with a reason.',
  );
}
if (stale.length > 0 || stray.length > 0) process.exit(1);
console.log(`✔ every unit test mirrors its source (${tests.length} files)`);
