import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SUMMARY_PREFIX, type SummaryRow, summaryTable } from './bench-summary.js';

/**
 * `npm run bench`: every bench/*.bench.ts, in name order, each in its own `node --import tsx`
 * process (so one benchmark's servers, timers and heap cannot skew the next), output streamed.
 * Optional arguments filter by name: `npm run bench -- health`. Every `BENCH_SUMMARY` row a bench
 * prints (bench/bench-summary.ts) is gathered into one table at the end: figure, bers-bot,
 * baseline, goal, pass/fail; a bench that prints none gets a row saying so.
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
  const rows: SummaryRow[] = [];
  for (const file of benches) {
    process.stdout.write(`\n=== ${file} ===\n`);
    const before = rows.length;
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(here, file)], {
        cwd: join(here, '..'),
        stdio: ['inherit', 'pipe', 'inherit'],
      });
      // Streamed as it comes, summary rows kept aside for the table.
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith(SUMMARY_PREFIX))
          rows.push(JSON.parse(line.slice(SUMMARY_PREFIX.length)) as SummaryRow);
        else process.stdout.write(`${line}\n`);
      });
      // 'close', not 'exit': every line of its output has been read by then.
      child.on('close', (exitCode, signal) => resolve(signal ? 1 : exitCode));
    });
    if (code !== 0) failed.push(file);
    if (rows.length === before)
      rows.push({
        figure: file,
        ours: code === 0 ? 'see its output' : 'failed',
        baseline: '—',
        goal: '—',
        pass: code === 0 ? undefined : false,
      });
  }
  process.stdout.write(`\n${summaryTable(rows)}\n`);
  if (failed.length > 0) {
    process.stderr.write(`\nfailed: ${failed.join(', ')}\n`);
    process.exit(1);
  }
}

await main();
