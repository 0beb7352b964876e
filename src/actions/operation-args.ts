import { durationMs, inUnit } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import type { ArgValues, OperationArg } from './operation.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters (NUL, newlines) are what is refused.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Longer than any value an argument type allows; refused before any pattern runs. */
const MAX_TOKEN = 256;

/** `<ttl>` / `[tenant]`, for usage lines. */
export function argUsage(args: readonly OperationArg[]): string {
  return args.map((a) => (a.optional ? `[${a.name}]` : `<${a.name}>`)).join(' ');
}

/** What a value must look like, for error messages. */
export function argHint(arg: OperationArg): string {
  switch (arg.type) {
    case 'enum':
      return `one of ${arg.values.map((v) => `\`${v}\``).join(', ')}`;
    case 'int':
      return `a whole number from ${arg.min} to ${arg.max}`;
    case 'duration':
      return `a duration from ${arg.min} to ${arg.max} (e.g. 30s, 5m, 1h)`;
    case 'string':
      return `text matching \`${arg.pattern}\` (at most ${arg.maxLength} characters)`;
  }
}

/**
 * One typed value, or undefined when it is not valid. Control characters, a leading `-` (an
 * option smuggled into a program's argv) and overlong values are refused for every type.
 */
export function argValue(arg: OperationArg, raw: string): string | undefined {
  if (raw.length === 0 || raw.length > MAX_TOKEN || CONTROL.test(raw)) return undefined;
  switch (arg.type) {
    case 'enum':
      return arg.values.includes(raw) ? raw : undefined;
    case 'int': {
      if (!/^-?\d{1,7}$/.test(raw)) return undefined;
      const n = Number(raw);
      return n >= arg.min && n <= arg.max ? String(n) : undefined;
    }
    case 'duration': {
      const ms = durationMs(raw);
      if (ms === undefined || ms < durationMs(arg.min)! || ms > durationMs(arg.max)!) return undefined;
      return String(inUnit(ms, arg.unit));
    }
    case 'string':
      if (raw.startsWith('-') || raw.length > arg.maxLength) return undefined;
      return new RegExp(`^(?:${arg.pattern})$`).test(raw) ? raw : undefined;
  }
}

/** Positional tokens → validated values; a wrong count or value is a usage error naming the argument. */
export function parseArgs(
  operation: string,
  args: readonly OperationArg[],
  tokens: readonly string[],
): ArgValues {
  const required = args.filter((a) => !a.optional).length;
  if (tokens.length < required || tokens.length > args.length) {
    const expected = args.length === 0 ? 'no arguments' : `\`${operation} ${argUsage(args)}\``;
    throw new UsageError(`${operation} takes ${expected}; got ${tokens.length} argument(s).`);
  }
  const values: ArgValues = {};
  tokens.forEach((token, i) => {
    const arg = args[i]!;
    const value = argValue(arg, token);
    if (value === undefined) {
      throw new UsageError(`\`${quote(token)}\` is not a valid ${arg.name}: expected ${argHint(arg)}.`);
    }
    values[arg.name] = value;
  });
  return values;
}

/** Re-checks stored or clicked values (a button's value is only as safe as its check). */
export function checkArgs(operation: string, args: readonly OperationArg[], values: ArgValues): ArgValues {
  const unknown = Object.keys(values).filter((k) => !args.some((a) => a.name === k));
  if (unknown.length > 0) throw new UsageError(`${operation} has no argument ${unknown.join(', ')}.`);
  for (const arg of args) {
    const value = values[arg.name];
    if (value === undefined) {
      if (!arg.optional) throw new UsageError(`${operation} needs its ${arg.name} (${argHint(arg)}).`);
    } else if (!storedValueValid(arg, value)) {
      throw new UsageError(`\`${quote(value)}\` is not a valid ${arg.name}: expected ${argHint(arg)}.`);
    }
  }
  return values;
}

/** Stored durations are numbers in the executor's unit (rounded down); the rest is stored as typed. */
function storedValueValid(arg: OperationArg, value: string): boolean {
  if (arg.type !== 'duration') return argValue(arg, value) === value;
  const n = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  return n >= inUnit(durationMs(arg.min)!, arg.unit) && n <= inUnit(durationMs(arg.max)!, arg.unit);
}

/** User text shown back in a code span: no backticks (they would end it), shortened, on one line. */
function quote(text: string): string {
  return text.replace(/`/g, "'").replace(new RegExp(CONTROL.source, 'g'), '?').slice(0, 60);
}
