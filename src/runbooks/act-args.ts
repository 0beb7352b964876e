import type { ArgValues, OperationArg } from '../actions/operation.js';
import { argHint, argValue } from '../actions/operation-args.js';
import { UsageError } from '../core/errors.js';

/** The arguments a step leaves to the person driving: every one its `args` does not fix. */
export function promptedArgs(
  args: readonly OperationArg[],
  fixed: Readonly<Record<string, string>>,
): OperationArg[] {
  return args.filter((a) => fixed[a.name] === undefined);
}

/** A form is needed when an argument the operation requires is not fixed by the step. */
export function needsForm(args: readonly OperationArg[], fixed: Readonly<Record<string, string>>): boolean {
  return promptedArgs(args, fixed).some((a) => !a.optional);
}

/**
 * The step's fixed values and the typed ones, each checked by the operation's own argument type
 * (the same check as `/bers run`'s), into the values a request stores. Nothing here is ever a shell
 * word: executors get argv elements or JSON, and a value that is not of its type is refused.
 */
export function namedArgs(
  operation: string,
  args: readonly OperationArg[],
  fixed: Readonly<Record<string, string>>,
  typed: Readonly<Record<string, string>>,
): ArgValues {
  const unknown = Object.keys({ ...fixed, ...typed }).filter((k) => !args.some((a) => a.name === k));
  if (unknown.length > 0)
    throw new UsageError(`${operation} has no argument ${unknown.map((u) => quote(u)).join(', ')}.`);
  const values: ArgValues = {};
  for (const arg of args) {
    const raw = (fixed[arg.name] ?? typed[arg.name] ?? '').trim();
    if (raw === '') {
      if (!arg.optional) throw new UsageError(`${operation} needs its ${arg.name}: ${argHint(arg)}.`);
      continue;
    }
    const value = argValue(arg, raw);
    if (value === undefined)
      throw new UsageError(`\`${quote(raw)}\` is not a valid ${arg.name}: expected ${argHint(arg)}.`);
    values[arg.name] = value;
  }
  return values;
}

/** One field's problem, or undefined: what the form shows under a field before it closes. */
export function fieldError(arg: OperationArg, raw: string): string | undefined {
  const text = raw.trim();
  if (text === '') return arg.optional ? undefined : `Needed: ${argHint(arg)}.`;
  return argValue(arg, text) === undefined ? `Not a valid ${arg.name}: expected ${argHint(arg)}.` : undefined;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced.
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** User text shown back in a code span: no backticks, on one line, short. */
function quote(text: string): string {
  return text.replace(/`/g, "'").replace(CONTROL, '?').slice(0, 60);
}
