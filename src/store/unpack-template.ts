import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const BLOCK = 512;
/** Written last: it is how PGlite (and openStore) tell an existing database from a new directory. */
const MARKER = 'PG_VERSION';

function field(header: Buffer, start: number, length: number): string {
  const text = header.subarray(start, start + length).toString('latin1');
  const end = text.indexOf('\0');
  return end === -1 ? text : text.slice(0, end);
}

/**
 * Writes a template (pglite-template.ts: the gzipped ustar of `dumpDataDir`) into `dataDir`, so
 * PGlite then opens it as an existing database. PGlite's own `loadDataDir` unpacks the same file
 * through its WASM file system, and the process keeps what that grew: idle RSS after a first start
 * was ~390 MiB with it and ~300 MiB on a directory unpacked beforehand (a warm start: ~280).
 * The top-level PG_VERSION is written last, so a directory left half-unpacked by a crash still
 * counts as new and is unpacked again, over what is there.
 */
export async function unpackTemplate(template: string, dataDir: string): Promise<void> {
  const tar = await promisify(gunzip)(await readFile(template));
  const root = resolve(dataDir);
  let marker: { path: string; data: Buffer; mode: number } | undefined;
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const prefix = field(header, 345, 155);
    const name = prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100);
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const mode = Number.parseInt(field(header, 100, 8).trim() || '600', 8) & 0o777;
    const type = field(header, 156, 1) || '0';
    const path = resolve(root, `.${name.startsWith('/') ? '' : '/'}${name}`);
    if (relative(root, path).startsWith('..'))
      throw new Error(`template entry outside the data dir: ${name}`);
    offset += BLOCK;
    const data = tar.subarray(offset, offset + size);
    offset += Math.ceil(size / BLOCK) * BLOCK;
    if (type === '5') await mkdir(path, { recursive: true });
    else if (type !== '0') throw new Error(`template entry of unsupported type ${type}: ${name}`);
    else if (path === join(root, MARKER)) marker = { path, data, mode };
    else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data, { mode });
    }
  }
  if (!marker) throw new Error(`template ${template} holds no ${MARKER}`);
  await writeFile(marker.path, marker.data, { mode: marker.mode });
}
