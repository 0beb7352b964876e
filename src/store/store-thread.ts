import { parentPort } from 'node:worker_threads';
import { keepingLoopAwake } from '../core/keep-awake.js';
import { openEmbeddedStoreHere } from './open-embedded-store.js';
import { type CompiledWasm, compilePgliteWasm } from './pglite-settings.js';
import type { Queryable, Store } from './store.js';
import {
  type FromStoreThread,
  type OpenStoreThread,
  type ToStoreThread,
  toThreadError,
} from './store-thread-protocol.js';

/**
 * The embedded store's thread (started by thread-store.ts): loads PGlite and compiles its WASM as
 * soon as it starts, opens PGlite on the data directory its parent locked and names in `open`,
 * migrates it, and then runs every statement the parent sends. PostgreSQL compiled
 * to WASM runs each statement synchronously, so here it neither blocks the bot's event loop nor
 * waits for it, and it opens while the bot's main thread is still loading its own modules.
 */
const port = parentPort!;
const post = (message: FromStoreThread) => port.postMessage(message);

/** Thrown inside a transaction's callback to make PGlite roll it back. */
const ROLL_BACK = Symbol('roll back');

interface OpenTransaction {
  tx: Queryable;
  /** Resolved by the parent's `end`: true to commit. */
  end: (commit: boolean) => void;
  endRequest?: number;
}

function serve(store: Store): void {
  const transactions = new Map<number, OpenTransaction>();
  let nextTransaction = 1;

  const answer = (id: number, work: () => Promise<unknown>) =>
    work().then(
      (value) => post({ id, ok: true, value }),
      (error: unknown) => post({ id, ok: false, error: toThreadError(error) }),
    );

  const begin = (id: number) => {
    const txId = nextTransaction++;
    let entered = false;
    let entry: OpenTransaction | undefined;
    store
      .transaction(async (tx) => {
        entered = true;
        const commit = await new Promise<boolean>((end) => {
          entry = { tx, end };
          transactions.set(txId, entry);
          post({ id, ok: true, value: txId });
        });
        if (!commit) throw ROLL_BACK;
      })
      .then(
        () => post({ id: entry!.endRequest!, ok: true, value: undefined }),
        (error: unknown) => {
          // Before the callback ran, `begin` failed; after, its `end` did (or rolled back as asked).
          const to = entered ? entry!.endRequest! : id;
          if (error === ROLL_BACK) post({ id: to, ok: true, value: undefined });
          else post({ id: to, ok: false, error: toThreadError(error) });
        },
      )
      .finally(() => transactions.delete(txId));
  };

  port.on('message', (request: ToStoreThread) => {
    switch (request.kind) {
      case 'query': {
        const on = request.tx === undefined ? store : transactions.get(request.tx)?.tx;
        if (!on)
          return post({ id: request.id, ok: false, error: toThreadError(new Error('no such transaction')) });
        void answer(request.id, () => on.query(request.sql, request.params));
        return;
      }
      case 'begin':
        return begin(request.id);
      case 'end': {
        const open = transactions.get(request.tx);
        if (!open)
          return post({ id: request.id, ok: false, error: toThreadError(new Error('no such transaction')) });
        open.endRequest = request.id;
        return open.end(request.commit);
      }
      case 'close':
        void answer(request.id, () => store.close()).then(() => port.close());
        return;
    }
  });
}

/** Opens the store where the parent says, with the WebAssembly compiled meanwhile. */
async function open(request: OpenStoreThread, compiling: Promise<CompiledWasm>): Promise<Store> {
  const wasmModule = await compiling.catch(() => undefined); // PGlite compiles it itself then
  return openEmbeddedStoreHere({ dataDir: request.dataDir, wasmModule });
}

// Started ahead (ThreadStore.prepare): compile now, while the parent loads the bot and its config.
const compiling = keepingLoopAwake(compilePgliteWasm);
port.once('message', (request: OpenStoreThread) => {
  keepingLoopAwake(() => open(request, compiling)).then(
    (store) => {
      serve(store);
      post({ kind: 'ready' });
    },
    (error: unknown) => post({ kind: 'failed', error: toThreadError(error) }),
  );
});
