import type { CommandContext } from '../../src/core/command.js';
import { UsageError } from '../../src/core/errors.js';

const NUMBER = /^#?(\d{1,9})$/;

/**
 * The incident a subcommand is about: a leading `12` / `#12`, or the incident whose channel this is.
 * Returns the remaining tokens.
 */
export async function targetIncident(
  tokens: string[],
  ctx: CommandContext,
  usage: string,
): Promise<{ number: number; rest: string[] }> {
  const match = tokens[0] === undefined ? null : NUMBER.exec(tokens[0]);
  if (match) return { number: Number(match[1]), rest: tokens.slice(1) };
  const here = await ctx.services.incidents.byChannel(ctx.channel.id);
  if (here) return { number: here.number, rest: tokens };
  throw new UsageError(
    `This is not an incident channel, so say which incident: \`/bers incident ${usage.replace('[number]', '12')}\` (\`/bers incident list\` shows the open ones).`,
    `incident ${usage.split(' ')[0]}`,
  );
}

/**
 * A Slack user from `<@U123>` / `<@U123|name>` (or a bare `U…` id). The console has no user
 * directory, so there `@name` stands for the user id `name`.
 */
export function parseUser(token: string | undefined, ctx: CommandContext): string | undefined {
  if (!token) return undefined;
  const mention = /^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/.exec(token);
  if (mention) return mention[1];
  if (/^[UW][A-Z0-9]{6,}$/.test(token)) return token;
  if (ctx.mode === 'console' && /^@[a-z0-9._-]+$/i.test(token)) return token.slice(1);
  return undefined;
}
