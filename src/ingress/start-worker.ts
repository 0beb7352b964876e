import { Worker, type WorkerOptions } from 'node:worker_threads';

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
