import { existsSync } from 'node:fs';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { projectRoot } from '../core/project-root.js';
import { migrate } from './migrate.js';
import { PgliteStore } from './pglite-store.js';
import { templateFile, templateKey } from './pglite-template.js';

/**
 * Writes the prepared embedded database (see pglite-template.ts) for the current PGlite and
 * migrations, unless it exists; templates for other keys are removed. Run by the build
 * (scripts/ensure-build.mjs), so the cost of initdb is paid once per release, not per data dir.
 */
export async function buildPgliteTemplate(root: string = projectRoot()): Promise<string> {
  const migrations = join(root, 'src', 'store', 'migrations');
  const file = templateFile(templateKey(migrations), root);
  const dist = dirname(file);
  for (const old of await readdir(dist)) {
    const path = join(dist, old);
    if (/^pglite-template-.*\.tar\.gz$/.test(old) && path !== file) await rm(path, { force: true });
  }
  if (existsSync(file)) return file;
  const store = await PgliteStore.open(undefined);
  try {
    await migrate(store, migrations);
    const dump = await store.dumpDataDir();
    // Written beside and renamed, so a start that races the build never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  } finally {
    await store.close();
  }
  return file;
}
