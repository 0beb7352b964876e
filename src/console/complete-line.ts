import type { AnyCommand } from '../core/command.js';

/** What the console can complete: the command registry and the names the config defines. */
export interface CompletionSource {
  commands: readonly AnyCommand[];
  services: readonly string[];
  metrics: readonly string[];
}

/** The words a console line may start with besides commands. */
const CONSOLE_WORDS = ['click', 'exit'];

function candidatesAt(words: readonly string[], source: CompletionSource): string[] {
  const names = (list: readonly AnyCommand[]) => list.map((c) => c.name);
  const [first, second] = words.map((w) => w.toLowerCase());
  if (first === undefined) return names(source.commands);
  const command = source.commands.find((c) => c.name === first);
  if (!command) return [];
  if (first === 'help') {
    if (second === undefined) return names(source.commands);
    const described = source.commands.find((c) => c.name === second);
    return words.length === 2 ? names(described?.subcommands ?? []) : [];
  }
  if (command.subcommands && words.length === 1) return names(command.subcommands);
  if (first === 'metrics') return words.length === 1 ? [...source.metrics] : [];
  // Everything else that takes arguments takes service names (health, restart, history, oncall…).
  return [...source.services];
}

/**
 * node:readline's completer for the console prompt: the word being typed, completed from the
 * subcommands, then their subcommands or the config's service / metric names. Returns the hits
 * and the word they complete, as readline expects; all candidates when none match (as readline's
 * own example does), so Tab twice shows what may come next.
 */
export function completeLine(line: string, source: CompletionSource): [string[], string] {
  const prefixed = /^\s*\/bers\b/i.test(line);
  const body = line.replace(/^\s*\/bers\b\s*/i, '');
  const words = body.split(/\s+/).filter(Boolean);
  const partial = /\s$/.test(body) || body === '' ? '' : (words.pop() ?? '');
  const candidates = candidatesAt(words, source);
  if (words.length === 0 && !prefixed) candidates.push(...CONSOLE_WORDS);
  const unique = [...new Set(candidates)].sort();
  const hits = unique.filter((c) => c.startsWith(partial.toLowerCase()));
  return [hits.length > 0 ? hits : unique, partial];
}
