import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The module `name` (no extension) next to `base` (an `import.meta.url`): `.ts` when running from
 * source, `.js` once compiled.
 */
export function moduleBeside(base: string, name: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

/**
 * Starts a worker thread on a module of this project. Compiled (`dist/`), the module is plain
 * JavaScript; run from source (tests, benchmarks, tsx), it is TypeScript, and the worker first
 * registers tsx's loader, as the parent process has it.
 */
export function startModuleWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  return new Worker(new URL('./tsx-worker.mjs', import.meta.url), {
    ...options,
    argv: [...(options.argv ?? []), entry.href],
  });
}
