import type { CommandContext } from '../../src/core/command.js';
import { parseMention, plainAtName } from '../../src/core/command-text.js';
import { UsageError } from '../../src/core/errors.js';
import { truncatePlain } from '../../src/views/truncate.js';
import type { IncidentCommandDeps } from './incident-command-deps.js';

const NUMBER = /^#?(\d{1,9})$/;

/**
 * The incident a subcommand is about: a leading `12` / `#12`, or the incident whose channel this is.
 * Returns the remaining tokens.
 */
export async function targetIncident(
  deps: Pick<IncidentCommandDeps, 'incidents'>,
  tokens: string[],
  ctx: CommandContext,
  usage: string,
): Promise<{ number: number; rest: string[] }> {
  const match = tokens[0] === undefined ? null : NUMBER.exec(tokens[0]);
  if (match) return { number: Number(match[1]), rest: tokens.slice(1) };
  const here = await deps.incidents.byChannel(ctx.channel.id);
  if (here) return { number: here.number, rest: tokens };
  throw new UsageError(
    `This is not an incident channel, so say which incident: \`/bers incident ${usage.replace('[number]', '12')}\` (\`/bers incident list\` shows the open ones).`,
    `incident ${usage.split(' ')[0]}`,
  );
}

/**
 * A Slack user from `<@U123|name>` / `<@U123>` (how Slack sends a mention with should_escape on)
 * or a bare `U…` id. The console has no user directory, so there `@name` stands for the user id
 * `name`; in Slack a plain `@name` means Slack did not recognise the person, which is worth
 * saying rather than "not a user".
 */
export function parseUser(
  token: string | undefined,
  ctx: CommandContext,
  usage = 'incident assign',
): string | undefined {
  if (!token) return undefined;
  // `@here` / `@channel` / `@everyone` (as Slack sends them, or typed in the console) are no person.
  const broadcast = /^(?:<!(here|channel|everyone)(?:\|[^>]*)?>|@(here|channel|everyone))$/i.exec(token);
  if (broadcast) {
    throw new UsageError(
      `\`@${(broadcast[1] ?? broadcast[2])!.toLowerCase()}\` is everyone in the channel: this goes to one person, so mention them.`,
      usage,
    );
  }
  const mention = parseMention(token);
  if (mention?.kind === 'user') return mention.id;
  if (mention?.kind === 'group') {
    throw new UsageError(
      `\`@${mention.name ?? mention.id}\` is a user group: roles go to one person, so mention them.`,
      usage,
    );
  }
  if (/^[UW][A-Z0-9]{6,}$/.test(token)) return token;
  const name = plainAtName(token);
  if (name !== undefined && ctx.mode === 'console') return name;
  if (name !== undefined) {
    throw new UsageError(
      `Mention the person with @ so Slack links them: \`@${truncatePlain(name, 40)}\` arrived as plain text. Type @ and pick them from the list (an unknown name, or a user group, stays plain text).`,
      usage,
    );
  }
  return undefined;
}
