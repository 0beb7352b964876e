import type { AnyCommand } from '../core/command.js';
import { commandReferenceMarkdown } from '../core/command-reference.js';

const START = '<!-- commands:start -->';
const END = '<!-- commands:end -->';

/** README.md's text with the command reference between its markers regenerated from `commands`. */
export function withCommandReference(readme: string, commands: readonly AnyCommand[]): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs ${START} … ${END} around the command table`);
  return `${readme.slice(0, start + START.length)}\n${commandReferenceMarkdown(commands)}\n${readme.slice(end)}`;
}
