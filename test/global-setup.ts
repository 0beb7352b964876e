import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/store/migrate.js';
import { PgliteStore } from '../src/store/pglite-store.js';
import { templateKey } from '../src/store/pglite-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data directory that test stores are copied from (see helpers/stores.ts). */
    pgliteTemplate: string;
    /** Where this run's copies go; removed when the run ends. */
    pgliteCopies: string;
  }
}

/**
 * A PGlite's initdb costs 2.5–6 s on this 2-core machine, paid by every test file that opened an
 * in-memory store; copying a directory that was initialised and migrated once costs a fraction of
 * that. The template outlives the run (keyed like the build's, by what it is made of), so later runs
 * skip it too.
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
