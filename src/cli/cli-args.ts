import { didYouMean } from '../core/did-you-mean.js';

/** What `bers-bot …` was asked to do. */
export type CliCommand =
  | { kind: 'run' }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; config?: string }
  | { kind: 'manifest' };

/** The command line cannot be understood: exit 2, like the config and environment errors. */
export class CliUsageError extends Error {}

const COMMANDS = ['check', 'manifest', 'help', 'version'];
const HELP = new Set(['--help', '-h', 'help']);
const VERSION = new Set(['--version', '-v', '-V', 'version']);

/** `bers-bot` runs the bot; anything it does not know is an error rather than a silent run. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'run' };
  if (argv.some((a) => HELP.has(a) && a !== 'help')) return { kind: 'help' };
  if (HELP.has(first)) return noMore(rest, { kind: 'help' });
  if (VERSION.has(first)) return noMore(rest, { kind: 'version' });
  if (first === 'manifest') return noMore(rest, { kind: 'manifest' });
  if (first === 'check') {
    const [config, ...extra] = rest;
    if (config?.startsWith('-')) throw unknownOption(config);
    return noMore(extra, { kind: 'check', ...(config !== undefined && { config }) });
  }
  if (first.startsWith('-')) throw unknownOption(first);
  throw new CliUsageError(`unknown command \`${first}\`.${didYouMean(first, COMMANDS)}`);
}

function noMore<T extends CliCommand>(rest: readonly string[], command: T): T {
  const [extra] = rest;
  if (extra === undefined) return command;
  throw extra.startsWith('-')
    ? unknownOption(extra)
    : new CliUsageError(`\`${command.kind}\` takes no argument \`${extra}\`.`);
}

function unknownOption(option: string): CliUsageError {
  const name = option.replace(/=.*/, '');
  return new CliUsageError(`unknown option \`${name}\`.${didYouMean(name, [...HELP, ...VERSION])}`);
}
