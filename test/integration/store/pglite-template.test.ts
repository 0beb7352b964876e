import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildPgliteTemplate } from '../../../src/store/build-pglite-template.js';
import { MIGRATIONS_DIR, migrate } from '../../../src/store/migrate.js';
import { PgliteStore } from '../../../src/store/pglite-store.js';
import { currentTemplate, templateFile, templateKey } from '../../../src/store/pglite-template.js';
import { unpackTemplate } from '../../../src/store/unpack-template.js';

/**
 * Each test gets a project root of its own (its migrations and dist/), so it can change the
 * migrations or the templates without touching the real build. The template in it is a dump of the
 * run's migrated store (test/global-setup.ts), which is what the build writes, without initdb.
 */
describe('the prepared embedded database (dist/pglite-template-<key>.tar.gz)', () => {
  let base: string;
  let dump: Buffer;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'bers-template-test-'));
    const source = join(base, 'source');
    await cp(inject('pgliteTemplate'), source, { recursive: true });
    const store = await PgliteStore.open(source);
    dump = Buffer.from(await (await store.dumpDataDir()).arrayBuffer());
    await store.close();
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  /** A root whose dist/ holds the template for its (unchanged) migrations. */
  async function projectRoot(): Promise<{ root: string; migrations: string; template: string }> {
    const root = await mkdtemp(join(base, 'root-'));
    const migrations = join(root, 'src', 'store', 'migrations');
    await cp(MIGRATIONS_DIR, migrations, { recursive: true });
    await mkdir(join(root, 'dist'));
    const template = templateFile(templateKey(migrations), root);
    await writeFile(template, dump);
    return { root, migrations, template };
  }

  it('gives a new data dir every migration, and the store works and persists', async () => {
    const { root, migrations } = await projectRoot();
    const template = currentTemplate(root);
    expect(template).toBeDefined();
    const dir = join(root, 'data');
    const store = await PgliteStore.open(dir, { template });
    expect(await migrate(store, migrations)).toEqual([]);
    const applied = await store.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(applied.map((r) => r.name)).toEqual((await readdir(migrations)).sort());
    await store.query('CREATE TABLE kept (n int)');
    await store.query('INSERT INTO kept VALUES ($1)', [7]);
    await store.close();
    // Reopened with the template still offered: the existing database is resumed, not replaced.
    const again = await PgliteStore.open(dir, { template });
    expect(await again.query('SELECT n FROM kept')).toEqual([{ n: 7 }]);
    await again.close();
  });

  it('a data dir left half unpacked (a crash before PG_VERSION) is unpacked again and opens', async () => {
    const { root, migrations, template } = await projectRoot();
    const dir = join(root, 'data');
    await unpackTemplate(template, dir);
    // This test's dump was taken from an open store, so it holds that store's lock: not a crash's.
    for (const lock of ['bers.lock', 'bers.lock.owner.json'])
      await rm(join(dir, lock), { recursive: true, force: true });
    await rm(join(dir, 'PG_VERSION'));
    await writeFile(join(dir, 'global', 'pg_control'), 'torn');
    const store = await PgliteStore.open(dir, { template });
    expect(await migrate(store, migrations)).toEqual([]);
    await store.close();
  });

  /** A gzipped tarball of `entries`, as any tar tool would write it. */
  async function tarball(
    file: string,
    entries: { name: string; type?: 'file' | 'symlink'; body?: string }[],
  ) {
    const packing = pack();
    for (const { name, type = 'file', body = '' } of entries)
      packing.entry(type === 'file' ? { name } : { name, type, linkname: '/etc/passwd' }, body);
    packing.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of packing) chunks.push(chunk as Buffer);
    await writeFile(file, gzipSync(Buffer.concat(chunks)));
  }

  it('refuses a template entry that points outside the data dir, and writes nothing there', async () => {
    const { root } = await projectRoot();
    const file = join(root, 'evil.tar.gz');
    await tarball(file, [{ name: '../escape', body: 'x' }]);
    await expect(unpackTemplate(file, join(root, 'data'))).rejects.toThrow(/outside the data dir/);
    expect(await readdir(root)).not.toContain('escape');
  });

  it('refuses entries other than files and directories (a symlink out of the data dir)', async () => {
    const { root } = await projectRoot();
    const file = join(root, 'link.tar.gz');
    await tarball(file, [{ name: 'base/1', type: 'symlink' }]);
    await expect(unpackTemplate(file, join(root, 'data'))).rejects.toThrow(/unsupported type symlink/);
  });

  it('refuses a file that is not a gzipped tarball', async () => {
    const { root } = await projectRoot();
    const file = join(root, 'torn.tar.gz');
    await writeFile(file, gzipSync(Buffer.from('not a tarball at all'.repeat(40))));
    await expect(unpackTemplate(file, join(root, 'data'))).rejects.toThrow();
    await writeFile(file, 'not even gzip');
    await expect(unpackTemplate(file, join(root, 'data'))).rejects.toThrow();
  });

  it('is not used once the migrations change: the store runs initdb and migrates as before', async () => {
    const { root, migrations } = await projectRoot();
    await writeFile(join(migrations, '900_template_test.sql'), 'CREATE TABLE added (n int);\n');
    // The old template is still in dist/, under the old key.
    expect(await readdir(join(root, 'dist'))).toHaveLength(1);
    expect(currentTemplate(root)).toBeUndefined();
    const store = await PgliteStore.open(join(root, 'data'), { template: currentTemplate(root) });
    expect(await migrate(store, migrations)).toEqual((await readdir(migrations)).sort());
    expect(await store.query('SELECT count(*)::int AS n FROM added')).toEqual([{ n: 0 }]);
    await store.close();
  }, 60_000);

  it('the build keeps the current template and removes the ones of other keys', async () => {
    const { root, template } = await projectRoot();
    await writeFile(templateFile('0123456789abcdef', root), 'stale');
    expect(await buildPgliteTemplate(root)).toBe(template);
    expect(await readdir(join(root, 'dist'))).toEqual([template.slice(join(root, 'dist').length + 1)]);
    expect((await readFile(template)).equals(dump)).toBe(true);
  });
});
