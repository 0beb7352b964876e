import type { CompiledWasm } from './pglite-settings.js';

/**
 * The messages between a `Store` and the thread that runs it (store-thread.ts serves one, the
 * embedded store's thread; thread-store.ts is its client). After `open`, every request carries an id its answer
 * repeats; a transaction is opened by `begin`, whose answer is the transaction's id, and ended by
 * `end`, which commits or rolls it back.
 */
/** Where the embedded store's thread opens the store (the `open` message). */
export interface EmbeddedStoreOptions {
  dataDir: string;
  /** PGlite's WebAssembly, compiled ahead (the thread does it while it waits for `open`). */
  wasmModule?: CompiledWasm;
}

/** The first message a store thread gets: it has loaded PGlite and compiled it meanwhile. */
export interface OpenStoreThread {
  kind: 'open';
  dataDir: string;
}

export type ToStoreThread =
  | { id: number; kind: 'query'; sql: string; params?: readonly unknown[]; tx?: number }
  | { id: number; kind: 'begin' }
  | { id: number; kind: 'end'; tx: number; commit: boolean }
  | { id: number; kind: 'close' };

export type FromStoreThread =
  | { kind: 'ready' }
  | { kind: 'failed'; error: ThreadError }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ThreadError };

/** An error as it crosses threads: its name, message and PostgreSQL's fields (code, detail, …). */
export interface ThreadError {
  name: string;
  message: string;
  fields: Record<string, string | number | boolean>;
}

export function toThreadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: ThreadError['fields'] = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      fields[key] = value;
  }
  return { name: error.name, message: error.message, fields };
}

/**
 * The error again, on this side. Made where it is thrown (after the await that got the answer), so
 * its stack is the caller's; the fields (`code` = SQLSTATE, `constraint`, …) read as on the thread.
 */
export function fromThreadError(error: ThreadError): Error {
  const made = Object.assign(new Error(error.message), error.fields);
  made.name = error.name;
  return made;
}
