import { mkdir } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { moduleBeside, startModuleWorker } from '../core/module-worker.js';
import { type DirectoryLock, lockDirectory } from './directory-lock.js';
import type { Queryable, Store } from './store.js';
import {
  type FromStoreThread,
  fromThreadError,
  type OpenStoreThread,
  type ThreadError,
  type ToStoreThread,
} from './store-thread-protocol.js';

type Answer = { ok: true; value: unknown } | { ok: false; error: ThreadError };
type Request = ToStoreThread extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** A thread started by `ThreadStore.prepare()`, not yet told where the store is. */
export interface PreparedStoreThread {
  worker: Worker;
  failed: boolean;
  /** The worker, for `open`: no longer watched as prepared, and ref'd. */
  take(): Worker;
}

export interface ThreadStoreOptions {
  onLockLost?: (error: Error) => void;
  /** The thread died (it should not): every statement from now on fails; the bot cannot go on. */
  onThreadLost?: (error: Error) => void;
}

/** Resolves when the thread says the store is open; its listeners are gone again either way. */
function untilOpen(worker: Worker): Promise<void> {
  return new Promise<void>((ready, failed) => {
    // Not removeAllListeners(): Node's own listeners on the worker route its messages.
    const settle = (error?: Error) => {
      worker.off('message', onMessage).off('error', settle).off('exit', onExit);
      if (error) failed(error);
      else ready();
    };
    const onMessage = (message: FromStoreThread) => {
      if ('kind' in message) settle(message.kind === 'ready' ? undefined : fromThreadError(message.error));
    };
    const onExit = (code: number) =>
      settle(new Error(`the embedded store's thread exited (code ${code}) while opening`));
    worker.on('message', onMessage).on('error', settle).on('exit', onExit);
  });
}

/**
 * The embedded store, run by a thread of its own (store-thread.ts): PGlite's statements run
 * synchronously in WASM, so on the bot's main thread every one of them, and its start (about as
 * long as loading the bot's modules), held up everything else. Here the main thread only posts
 * the statement and takes the rows back. The data directory is locked by this thread, as before,
 * so a second process is refused with the same error.
 */
export class ThreadStore implements Store {
  readonly backend = 'pglite';
  private readonly waiting = new Map<number, (answer: Answer) => void>();
  private nextRequest = 1;
  private lost: Error | undefined;
  private closing = false;

  private constructor(
    private readonly worker: Worker,
    private readonly lock: DirectoryLock,
  ) {}

  /**
   * Starts the thread ahead of `open`, so that it loads PGlite and compiles its WASM while this
   * thread loads the bot and reads its config (main.ts does it first thing). It is unref'd and
   * does nothing else until `open`; one that failed meanwhile is replaced by a fresh one.
   */
  static prepare(): PreparedStoreThread {
    const worker = startModuleWorker(moduleBeside(import.meta.url, 'store-thread'));
    const fail = () => {
      thread.failed = true;
    };
    const thread: PreparedStoreThread = {
      worker,
      failed: false,
      take: () => {
        worker.off('error', fail).off('exit', fail).ref();
        return worker;
      },
    };
    worker.on('error', fail).on('exit', fail).unref();
    return thread;
  }

  /** Locks `dataDir`, has the thread open it (`prepared` or a new one), and resolves once it is migrated. */
  static async open(
    dataDir: string,
    options: ThreadStoreOptions = {},
    prepared?: PreparedStoreThread,
  ): Promise<ThreadStore> {
    await mkdir(dataDir, { recursive: true });
    const lock = await lockDirectory(dataDir, options.onLockLost);
    if (prepared?.failed) void prepared.worker.terminate();
    const worker = (prepared && !prepared.failed ? prepared : ThreadStore.prepare()).take();
    worker.postMessage({ kind: 'open', dataDir } satisfies OpenStoreThread);
    try {
      await untilOpen(worker);
    } catch (error) {
      await worker.terminate();
      await lock.release();
      throw error;
    }
    const store = new ThreadStore(worker, lock);
    store.listen(options.onThreadLost);
    return store;
  }

  private listen(onThreadLost: ThreadStoreOptions['onThreadLost']): void {
    this.worker.on('message', (message: FromStoreThread) => {
      if (!('id' in message)) return;
      const answer = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      this.idleUnlessWaiting();
      answer?.(message);
    });
    const lose = (error: Error) => {
      if (this.lost) return;
      this.lost = error;
      for (const answer of this.waiting.values())
        answer({ ok: false, error: { name: error.name, message: error.message, fields: {} } });
      this.waiting.clear();
      if (!this.closing) onThreadLost?.(error);
    };
    this.worker.on('error', lose);
    this.worker.on('exit', (code) => lose(new Error(`the embedded store's thread exited (code ${code})`)));
    this.idleUnlessWaiting();
  }

  /**
   * The thread keeps the process alive only while a statement is on its way, as the store on the
   * main thread did (nothing of it outlived a statement).
   */
  private idleUnlessWaiting(): void {
    if (this.waiting.size === 0) this.worker.unref();
    else this.worker.ref();
  }

  private ask(request: Request): Promise<Answer> {
    if (this.lost)
      return Promise.resolve({ ok: false, error: { name: 'Error', message: this.lost.message, fields: {} } });
    const id = this.nextRequest++;
    return new Promise((answer) => {
      this.waiting.set(id, answer);
      this.idleUnlessWaiting();
      this.worker.postMessage({ ...request, id } as ToStoreThread);
    });
  }

  private async value(request: Request): Promise<unknown> {
    const answer = await this.ask(request);
    if (!answer.ok) throw fromThreadError(answer.error);
    return answer.value;
  }

  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.value({ kind: 'query', sql, params }) as Promise<T[]>;
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const tx = (await this.value({ kind: 'begin' })) as number;
    const on: Queryable = {
      query: <R extends object>(sql: string, params?: readonly unknown[]) =>
        this.value({ kind: 'query', sql, params, tx }) as Promise<R[]>,
    };
    let result: T;
    try {
      result = await fn(on);
    } catch (error) {
      // The rollback's own failure (the thread gone) must not hide why the transaction failed.
      await this.ask({ kind: 'end', tx, commit: false });
      throw error;
    }
    await this.value({ kind: 'end', tx, commit: true });
    return result;
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  async close(): Promise<void> {
    this.closing = true;
    try {
      if (!this.lost) await this.value({ kind: 'close' });
    } finally {
      await this.worker.terminate();
      await this.lock.release();
    }
  }
}
