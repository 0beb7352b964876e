import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/store/migrate.js';
import { PgliteStore } from '../src/store/pglite-store.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data directory that test stores are copied from (see helpers/stores.ts). */
    pgliteTemplate: string;
    /** Where this run's copies go; removed when the run ends. */
    pgliteCopies: string;
  }
}

const ROOT = join(import.meta.dirname, '..');

/** The template depends on the PGlite build and the migrations; a change to either makes a new one. */
function templateKey(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  const migrations = join(ROOT, 'src/store/migrations');
  for (const file of readdirSync(migrations).sort())
    hash.update(file).update(readFileSync(join(migrations, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A PGlite's initdb costs 2.5–6 s on this 2-core machine, paid by every test file that opened an
 * in-memory store; copying a directory that was initialised and migrated once costs a fraction of
 * that. The template outlives the run (keyed by what it is made of), so later runs skip it too.
 */
async function ensureTemplate(): Promise<string> {
  const dir = join(tmpdir(), `bers-pglite-template-${templateKey()}`);
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  const building = await mkdtemp(`${dir}.building-`);
  const data = join(building, 'data');
  const store = await PgliteStore.open(data);
  await migrate(store);
  await store.close();
  // Another run may have finished the same template first; theirs is as good as ours.
  await rename(data, dir).catch(() => undefined);
  await rm(building, { recursive: true, force: true });
  return dir;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide('pgliteTemplate', await ensureTemplate());
  const copies = await mkdtemp(join(tmpdir(), 'bers-test-stores-'));
  project.provide('pgliteCopies', copies);
  return () => rm(copies, { recursive: true, force: true });
}
