import type { AnyCommand as Command } from './command.js';
import type { Reply } from './message.js';

const PREFIX = '/bers';

function usageLines(command: Command, path: string[]): string[] {
  const own = command.usage.map((line) => `${PREFIX} ${[...path.slice(0, -1), line].join(' ')}`);
  const nested = (command.subcommands ?? []).flatMap((sub) => usageLines(sub, [...path, sub.name]));
  return [...own, ...nested];
}

/** The usage of one command (and its subcommands), optionally after an explanation of what was wrong. */
export function usageReply(command: Command, path: string[], problem?: string): Reply {
  const lines = usageLines(command, path);
  const examples = (command.examples ?? []).map((e) => `${PREFIX} ${e}`);
  const text = [
    problem,
    `*${PREFIX} ${path.join(' ')}* — ${command.summary}`,
    ...lines.map((l) => `\`${l}\``),
  ]
    .filter(Boolean)
    .join('\n');
  const blocks: NonNullable<Reply['blocks']> = [];
  if (problem) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${problem}` } });
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `*${PREFIX} ${path.join(' ')}* — ${command.summary}\n${lines.map((l) => `\`${l}\``).join('\n')}`,
    },
  });
  if (examples.length > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Examples: ${examples.map((e) => `\`${e}\``).join(' · ')}` }],
    });
  }
  return { text, blocks, visibility: 'ephemeral' };
}

/** The list of every subcommand, what `/bers help` and an unknown subcommand answer. */
export function overviewReply(commands: readonly Command[], problem?: string): Reply {
  const rows = commands.map((c) => `\`${PREFIX} ${c.usage[0] ?? c.name}\` — ${c.summary}`);
  const blocks: NonNullable<Reply['blocks']> = [];
  if (problem) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `:warning: ${problem}` } });
  blocks.push(
    { type: 'header', text: { type: 'plain_text', text: 'bers-bot commands' } },
    { type: 'section', text: { type: 'mrkdwn', text: rows.join('\n') } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `\`${PREFIX} help <subcommand>\` shows the details of one.` }],
    },
  );
  return { text: [problem, ...rows].filter(Boolean).join('\n'), blocks, visibility: 'ephemeral' };
}
