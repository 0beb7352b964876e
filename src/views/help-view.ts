import type { AnyCommand as Command } from '../core/command.js';
import type { Reply } from '../core/message.js';
import { md, type Text } from '../core/mrkdwn.js';
import { capBlocks, context, header, section } from './blocks.js';

const PREFIX = '/bers';

function usageLines(command: Command, path: string[]): string[] {
  const own = command.usage.map((line) => `${PREFIX} ${[...path.slice(0, -1), line].join(' ')}`);
  const nested = (command.subcommands ?? []).flatMap((sub) => usageLines(sub, [...path, sub.name]));
  return [...own, ...nested];
}

/**
 * The usage of one command (and its subcommands), optionally after an explanation of what was
 * wrong. Usage lines are plain text (`<status>` is escaped, so Slack shows it instead of reading
 * it as a link); `problem` often quotes the user's input and is escaped unless it is our markup.
 */
export function usageReply(command: Command, path: string[], problem?: Text): Reply {
  const lines = usageLines(command, path);
  const examples = (command.examples ?? []).map((e) => `${PREFIX} ${e}`);
  const usage = `*${PREFIX} ${path.join(' ')}* — ${command.summary}\n${lines.map((l) => `\`${l}\``).join('\n')}`;
  const blocks = [
    ...(problem ? [section(md`:warning: ${problem}`)] : []),
    section(usage),
    ...(examples.length > 0 ? [context(`Examples: ${examples.map((e) => `\`${e}\``).join(' · ')}`)] : []),
  ];
  const text = [problem && String(problem), usage].filter(Boolean).join('\n');
  return { text, blocks: capBlocks(blocks), visibility: 'ephemeral' };
}

/** The list of every subcommand, what `/bers help` and an unknown subcommand answer. */
export function overviewReply(commands: readonly Command[], problem?: Text): Reply {
  const rows = commands.map((c) => `\`${PREFIX} ${c.usage[0] ?? c.name}\` — ${c.summary}`);
  const blocks = [
    ...(problem ? [section(md`:warning: ${problem}`)] : []),
    header('bers-bot commands'),
    section(rows.join('\n')),
    context(`\`${PREFIX} help <subcommand>\` shows the details of one.`),
  ];
  return {
    text: [problem && String(problem), ...rows].filter(Boolean).join('\n'),
    blocks,
    visibility: 'ephemeral',
  };
}
