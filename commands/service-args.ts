import { z } from 'zod';

const name = z.string().max(64, 'a name is at most 64 characters');

/** `<service> [environment]`, shared by the commands that act on one service. */
export const serviceArgs = z
  .array(name)
  .min(1, 'name the service')
  .max(2, 'give a service and at most an environment')
  .transform(([service, environment]) => ({ service: service!, environment }));

/**
 * Takes `--env <name>` (or `--env=<name>`) out of the tokens: an option of the bot's, never passed
 * to an operation, whose own values may not start with `-` anyway.
 */
export function splitEnvironment(tokens: readonly string[]): { environment?: string; rest: string[] } {
  const rest: string[] = [];
  let environment: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '--env') environment = tokens[++i] ?? '';
    else if (token.startsWith('--env=')) environment = token.slice('--env='.length);
    else rest.push(token);
  }
  return { environment, rest };
}
