import { z } from 'zod';

const name = z.string().max(64, 'a name is at most 64 characters');

/** `<service> [environment]`, shared by the commands that act on one service. */
export const serviceArgs = z
  .array(name)
  .min(1, 'name the service')
  .max(2, 'give a service and at most an environment')
  .transform(([service, environment]) => ({ service: service!, environment }));

/**
 * Takes one of the bot's own options, `--<name> <value>` or `--<name>=<value>`, out of the tokens,
 * wherever it is (the last one given wins; a missing value is `''`). The rest keep their order.
 */
export function splitOption(tokens: readonly string[], name: string): { value?: string; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === `--${name}`) value = tokens[++i] ?? '';
    else if (token.startsWith(`--${name}=`)) value = token.slice(name.length + 3);
    else rest.push(token);
  }
  return { value, rest };
}

/**
 * Takes `--env <name>` (or `--env=<name>`) out of the tokens: an option of the bot's, never passed
 * to an operation, whose own values may not start with `-` anyway.
 */
export function splitEnvironment(tokens: readonly string[]): { environment?: string; rest: string[] } {
  const { value: environment, rest } = splitOption(tokens, 'env');
  return { environment, rest };
}
