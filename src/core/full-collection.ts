import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * One full garbage collection of this thread's heap, for the moment start-up is over. Start-up
 * leaves a heap's worth of garbage behind (the embedded store's WASM file and data bundle as read,
 * a new data dir's unpacked template, the config's parse, the modules' compiling), and V8 collects
 * it only under allocation pressure, which an idle bot never makes: without this the garbage stays
 * resident until the first busy minute. Measured on the 2-core machine: 187 → 176 MiB idle RSS on
 * the embedded store (docs/benchmarks.md).
 *
 * V8 offers a collection only as the `gc` function `--expose-gc` installs; the flag takes effect in
 * contexts created after it is set, so the function is taken from a new context rather than
 * exposed on this one's global (Jest's leak detector does the same), and the flag is unset again.
 * Flags are the process's: when the other thread unsets it in between, this collection is skipped,
 * as it costs nothing but memory. Returns whether it ran.
 */
export function collectGarbageOnce(): boolean {
  setFlagsFromString('--expose-gc');
  try {
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    if (typeof gc !== 'function') return false;
    gc();
    return true;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

/** How long after start-up the collection runs (bench/memory.bench.ts reads idle RSS after it). */
export const START_UP_COLLECTION_DELAY_MS = 2_000;

/**
 * A full collection a little after start-up, not on its path: it pauses the thread ~60 ms (main
 * thread, embedded store), which right at the end of start-up held the first `/readyz` answer
 * back by as much. Unref'd: it never keeps a stopping process alive.
 */
export function collectGarbageAfterStartUp(delayMs = START_UP_COLLECTION_DELAY_MS): void {
  setTimeout(collectGarbageOnce, delayMs).unref();
}
