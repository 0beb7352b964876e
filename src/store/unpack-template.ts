import { createReadStream } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';

/** Written last: it is how PGlite (and openStore) tell an existing database from a new directory. */
const MARKER = 'PG_VERSION';

/**
 * Writes a template (pglite-template.ts: the gzipped ustar of `dumpDataDir`) into `dataDir`, so
 * PGlite then opens it as an existing database. PGlite's own `loadDataDir` unpacks the same file
 * through its WASM file system, and the process keeps what that grew: idle RSS after a first start
 * was ~390 MiB with it and ~300 MiB on a directory unpacked beforehand (a warm start: ~280).
 *
 * Streamed, file by file: gunzipping the whole ~40 MB tarball into one buffer left ~41 MiB of
 * zlib's chunks in the malloc heap for the life of the process, freed but never handed back
 * (+56–70 MiB RSS after unpacking alone, +19 MiB streamed; a first start's idle RSS stayed ~40 MiB
 * above a warm one's). Gunzip's output comes in 256 KiB chunks: a sixteenth of the file writes that
 * its default 16 KiB makes.
 *
 * The top-level PG_VERSION is written last, so a directory left half-unpacked by a crash still
 * counts as new and is unpacked again, over what is there.
 */
export async function unpackTemplate(template: string, dataDir: string): Promise<void> {
  const root = resolve(dataDir);
  const entries = extract();
  const unpacking = pipeline(createReadStream(template), createGunzip({ chunkSize: 256 * 1024 }), entries);
  let marker: { path: string; data: Buffer; mode: number } | undefined;
  try {
    for await (const entry of entries) {
      const { name, type, mode } = entry.header;
      const path = resolve(root, `.${name.startsWith('/') ? '' : '/'}${name}`);
      if (relative(root, path).startsWith('..'))
        throw new Error(`template entry outside the data dir: ${name}`);
      const fileMode = (mode ?? 0o600) & 0o777;
      if (type === 'directory') await mkdir(path, { recursive: true });
      else if (type !== 'file') throw new Error(`template entry of unsupported type ${type}: ${name}`);
      else if (path === join(root, MARKER)) {
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(chunk as Buffer);
        marker = { path, data: Buffer.concat(chunks), mode: fileMode };
      } else {
        await mkdir(dirname(path), { recursive: true });
        const file = await open(path, 'w', fileMode);
        try {
          for await (const chunk of entry) await file.write(chunk as Buffer);
        } finally {
          await file.close();
        }
      }
    }
    await unpacking;
  } catch (error) {
    entries.destroy();
    await unpacking.catch(() => {});
    throw error;
  }
  if (!marker) throw new Error(`template ${template} holds no ${MARKER}`);
  await writeFile(marker.path, marker.data, { mode: marker.mode });
}
