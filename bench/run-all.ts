import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: every bench/*.bench.ts, in name order, each in its own `node --import tsx`
 * process (so one benchmark's servers, timers and heap cannot skew the next), output streamed.
 * Optional arguments filter by name: `npm run bench -- health`.
 */
async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const filters = process.argv.slice(2);
  const benches = (await readdir(here))
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
    .sort();
  if (benches.length === 0) {
    process.stderr.write('no benchmarks match\n');
    process.exit(1);
  }
  const failed: string[] = [];
  for (const file of benches) {
    process.stdout.write(`\n=== ${file} ===\n`);
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(here, file)], {
        cwd: join(here, '..'),
        stdio: 'inherit',
      });
      child.on('exit', (exitCode, signal) => resolve(signal ? 1 : exitCode));
    });
    if (code !== 0) failed.push(file);
  }
  if (failed.length > 0) {
    process.stderr.write(`\nfailed: ${failed.join(', ')}\n`);
    process.exit(1);
  }
}

await main();
