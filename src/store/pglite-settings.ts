import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';

/**
 * PostgreSQL settings for the embedded store. Its memory is the WASM module's linear memory, which
 * grows to hold whatever PostgreSQL allocates and never shrinks: every peak becomes resident for
 * the rest of the process. PostgreSQL's defaults are sized for a server with its own machine.
 *
 * Measured on the 2-core machine (idle process after open, then after 3,000 audit inserts):
 * `shared_buffers` is what counts — its default 128MB takes the linear memory past the 128 MiB
 * minimum (to ~190 MiB) and RSS to ~290/350 MiB; at 16MB the buffers fit in that minimum and RSS is
 * ~170/210 MiB, opening and writing as fast (the bot's working set is a few MB of tables). Once
 * start-up's garbage was gone (docs/benchmarks.md), 8MB showed what it saves: the buffers fill as
 * the tables are used, and the bot's RSS settled after 10,000 commands at 201 MiB against 215 side
 * by side (idle 184 against 193), at the same CPU per `/bers incident list` at 600/s (2.22 against
 * 2.23 ms). A page evicted is a read from the OS's page cache.
 * The rest bound the peaks a rare statement could make permanent: a migration's index build
 * (`maintenance_work_mem`, default 64MB), a large sort or hash (`work_mem`, per operation),
 * temporary tables (`temp_buffers`). `wal_buffers` follows shared_buffers (1/32) by itself.
 */
const BOUNDED_MEMORY = {
  shared_buffers: '8MB',
  maintenance_work_mem: '16MB',
  work_mem: '2MB',
  temp_buffers: '2MB',
};

/** PGlite's own start parameters (single-user mode, no workers) plus the bounds above. */
export function pgliteStartParams(): string[] {
  return [
    ...PGlite.defaultStartParams,
    ...Object.entries(BOUNDED_MEMORY).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ];
}

/**
 * Compiles PGlite's WebAssembly for V8's baseline compiler (Liftoff) only. By default V8
 * recompiles each hot function with its optimising compiler (TurboFan), and PostgreSQL's start
 * touches so much code that the recompiling takes more CPU than the start itself. Measured on the
 * 2-core machine (PGlite opening a warm data dir, then its first query): 1.5 s of CPU → 0.75 s,
 * and the bot's warm start to /readyz 3.4 s → 2.5 s side by side; idle RSS 304 → 250 MiB; after
 * 20,000 statements a statement costs the same either way (~0.3 ms): the optimised code never
 * pays back its compiling. V8 fixes a module's tiers when it compiles it, so the flag is set only
 * while PGlite compiles and starts: WebAssembly compiled later (undici's HTTP parser) still tiers up.
 */
export async function withBaselineWasm<T>(open: () => Promise<T>): Promise<T> {
  setFlagsFromString('--liftoff-only');
  try {
    return await open();
  } finally {
    setFlagsFromString('--no-liftoff-only');
  }
}
