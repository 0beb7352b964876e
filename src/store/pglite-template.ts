import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot } from '../core/project-root.js';
import { MIGRATIONS_DIR } from './migrate.js';

/**
 * A prepared embedded database: initdb costs 3.5–12 s on a 2-core machine, and loading a gzipped
 * dump of a database that was initialised (and migrated) at build time costs under a second.
 * Its name carries what it was made of — the PGlite build and the migrations — so a template from
 * another version is never loaded: a changed key finds no file, and the store runs initdb instead.
 * No PGlite import here: `npm start` checks for the file before anything heavy loads.
 */
export function templateKey(migrationsDir: string = MIGRATIONS_DIR): string {
  const hash = createHash('sha256');
  // The package does not export its package.json; it is found above its entry point.
  const pglite = projectRoot(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  hash.update(readFileSync(join(pglite, 'package.json')));
  for (const file of readdirSync(migrationsDir).sort())
    hash.update(file).update(readFileSync(join(migrationsDir, file)));
  return hash.digest('hex').slice(0, 16);
}

/** Where the build writes the template for `key`: dist/, which the container image ships. */
export function templateFile(key: string, root: string = projectRoot()): string {
  return join(root, 'dist', `pglite-template-${key}.tar.gz`);
}

/** The template matching this PGlite and these migrations, if the build made one. */
export function currentTemplate(root: string = projectRoot()): string | undefined {
  const file = templateFile(templateKey(join(root, 'src', 'store', 'migrations')), root);
  return existsSync(file) ? file : undefined;
}
