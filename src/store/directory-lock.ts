import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { BersError, ErrorCode } from '../core/errors.js';

export interface DirectoryLock {
  release(): Promise<void>;
}

/** Another live process holds the data directory. */
export class StoreLockedError extends BersError {
  constructor(dir: string, holder: string) {
    super(
      ErrorCode.StoreLocked,
      `The data directory ${dir} is in use by another bers-bot process (${holder}). ` +
        'Stop that process, or give this one its own BERS_DATA_DIR (or a shared DATABASE_URL).',
    );
  }
}

/**
 * How long without a refresh before a holder on ANOTHER host is presumed dead. Long on purpose:
 * PGlite's WASM work blocks the event loop (many seconds on a loaded machine), and a short window
 * would let a second process steal a live lock. Holders on this host are judged by their pid instead.
 */
const STALE_MS = 60 * 60_000;

interface Owner {
  pid: number;
  host: string;
}

async function readOwner(file: string): Promise<Owner | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock on a directory for the life of the process (mkdir-based and refreshed, from
 * proper-lockfile). When it is held, the owner file says by whom: a live process on this host means
 * StoreLockedError at once; a dead one (a crash) has its lock taken over at once.
 */
export async function lockDirectory(
  dir: string,
  onLockLost?: (error: Error) => void,
): Promise<DirectoryLock> {
  const lockPath = join(dir, 'bers.lock');
  const ownerPath = join(dir, 'bers.lock.owner.json');
  const take = () =>
    lockfile.lock(dir, {
      lockfilePath: lockPath,
      stale: STALE_MS,
      update: 30_000,
      retries: 0,
      onCompromised: (error) => onLockLost?.(error),
    });
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const owner = await readOwner(ownerPath);
    const crashedHere = owner !== undefined && owner.host === hostname() && !isAlive(owner.pid);
    if (!crashedHere) {
      throw new StoreLockedError(dir, owner ? `pid ${owner.pid} on ${owner.host}` : 'unknown process');
    }
    await rm(lockPath, { recursive: true, force: true });
    release = await take();
  }
  await writeFile(ownerPath, JSON.stringify({ pid: process.pid, host: hostname() } satisfies Owner));
  return { release: () => release() };
}
