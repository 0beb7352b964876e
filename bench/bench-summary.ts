/**
 * One row of `npm run bench`'s closing table. A bench prints it as a line of its own; run-all
 * collects those lines from every bench and prints them together.
 */
export interface SummaryRow {
  figure: string;
  ours: string;
  baseline: string;
  goal: string;
  pass: boolean | undefined;
}

export const SUMMARY_PREFIX = 'BENCH_SUMMARY ';

export function printSummary(row: SummaryRow): void {
  process.stdout.write(`${SUMMARY_PREFIX}${JSON.stringify(row)}\n`);
}

export function summaryTable(rows: readonly SummaryRow[]): string {
  const cells = rows.map((r) => [
    r.figure,
    r.ours,
    r.baseline,
    r.goal,
    r.pass === undefined ? '—' : r.pass ? 'pass' : 'FAIL',
  ]);
  const head = ['figure', 'bers-bot', 'baseline', 'goal', 'pass/fail'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
