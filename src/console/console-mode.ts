import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Actor } from '../core/actor.js';
import { CONSOLE_CHANNEL } from '../core/actor.js';
import type { Pipeline } from '../core/pipeline.js';
import { BUTTON_LIFETIME_MS, type ButtonBoard, type ButtonLookup } from './button-board.js';
import { type CompletionSource, completeLine } from './complete-line.js';
import type { ConsoleChat } from './console-chat.js';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  actor: Actor;
  pipeline: Pipeline;
  chat: ConsoleChat;
  buttons: ButtonBoard;
  /** A prompt on a terminal; plain line-by-line processing otherwise. */
  interactive: boolean;
  /** The config's names, for Tab completion on a terminal (the commands come from the router). */
  names?: Omit<CompletionSource, 'commands'>;
}

const BANNER =
  'bers-bot console — type `/bers help` (or just `help`), `click <n>` to press a button, `exit` to quit.';

/**
 * Console mode: the same commands and Block Kit replies as Slack, typed at a prompt. With stdin not a
 * terminal, each line is a command, run in order, and the promise resolves at end of input.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { input, output, interactive } = options;
  const source = {
    commands: options.pipeline.registry.commands,
    services: [],
    metrics: [],
    ...options.names,
  };
  const lines = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    ...(interactive && { completer: (line: string) => completeLine(line, source) }),
  });
  if (interactive) {
    // On a terminal Ctrl-C reaches readline, not the process; without this it would only pause input.
    lines.on('SIGINT', () => lines.close());
    output.write(`${BANNER}\n`);
    lines.setPrompt('bers> ');
    lines.prompt();
  }
  for await (const line of lines) {
    const text = line.trim();
    if (text === 'exit' || text === 'quit') break;
    if (text !== '') await handleLine(text, options);
    if (interactive) lines.prompt();
  }
  lines.close();
}

async function handleLine(text: string, options: ConsoleOptions): Promise<void> {
  const { chat, actor } = options;
  const reply = (message: Parameters<ConsoleChat['print']>[1]) => chat.print(CONSOLE_CHANNEL.id, message);
  const yesNo = /^(yes|y|no|n)$/i.exec(text);
  const pressed = yesNo ? options.buttons.latest(/^y/i.test(text) ? ':confirm' : ':cancel') : undefined;
  const click = yesNo ? (pressed ? [text, String(pressed)] : null) : /^click\s+(\d+)$/i.exec(text);
  if (yesNo && !click) return reply({ text: 'There is nothing to confirm or cancel.' });
  if (click) {
    const found = options.buttons.lookup(Number(click[1]));
    if (found.kind !== 'ok') return reply({ text: unpressable(click[1]!, found) });
    const { button } = found;
    await options.pipeline.handle({
      kind: 'action',
      actionId: button.actionId,
      value: button.value,
      actor,
      channel: { id: button.channel, name: button.channel },
      message: button.ts ? { channel: button.channel, ts: button.ts } : undefined,
      mode: 'console',
      respond: async (r) => reply(r),
    });
    return;
  }
  await options.pipeline.handle({
    kind: 'command',
    text: text.replace(/^\/bers\b\s*/i, ''),
    actor,
    channel: CONSOLE_CHANNEL,
    mode: 'console',
    respond: async (r) => reply(r),
  });
}

function unpressable(n: string, found: Exclude<ButtonLookup, { kind: 'ok' }>): string {
  if (found.kind === 'unknown') return `There is no button ${n}.`;
  if (found.kind === 'superseded') {
    return `Button ${n} was replaced: its message has been updated since. Use the buttons of the newer version.`;
  }
  const lifetime = BUTTON_LIFETIME_MS / 60_000;
  return `Button ${n} has expired: its message is ${found.minutes} minutes old (buttons last ${lifetime}). Run the command again.`;
}
