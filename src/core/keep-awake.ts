/**
 * Runs `work` with the event loop held alive by a ref'd timer that never fires.
 *
 * Why: PGlite's WASM runs synchronously inside promise callbacks, so while it opens a database
 * the event loop can have no handle or request left. Node then leaves `uv_run` and, before looking
 * again, waits in `NodePlatform::DrainTasks` for every background task to finish — V8's
 * compilation of pglite.wasm included, which takes seconds on a loaded 2-core machine. Measured on
 * a migrated data directory: open + first query 2.4 s with the loop held against 3.0 s without
 * (medians of 5 interleaved rounds, load average 14); the wait showed as a 0.5–4 s futex wait
 * in DrainTasks right after PGlite.create.
 */
export async function keepingLoopAwake<T>(work: () => Promise<T>): Promise<T> {
  const awake = setInterval(() => {}, 2 ** 30);
  try {
    return await work();
  } finally {
    clearInterval(awake);
  }
}
