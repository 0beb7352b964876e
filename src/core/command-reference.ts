import type { AnyCommand } from './command.js';

/** `a|b` in a usage line would end a Markdown table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

function rows(command: AnyCommand, parents: string[]): string[][] {
  const own = command.usage.map((line) => [
    `\`/bers ${cell([...parents, line].join(' '))}\``,
    cell(command.summary),
    command.permission,
  ]);
  const nested = (command.subcommands ?? []).flatMap((sub) => rows(sub, [...parents, command.name]));
  return [...own, ...nested];
}

/** Columns padded to their widest cell, as `npm run format` lays out Markdown tables. */
function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/**
 * The README's command reference, generated from the registry (commands/index.ts) so the two
 * cannot drift: a test compares them, and `npm run docs` writes it into README.md.
 */
export function commandReferenceMarkdown(commands: readonly AnyCommand[]): string {
  return table(
    ['you type', 'does', 'permission'],
    commands.flatMap((c) => rows(c, [])),
  );
}
