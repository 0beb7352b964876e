import type { Actor, ChannelRef } from './actor.js';
import type { AnyCommand, CommandContext, Mode } from './command.js';
import { newCorrelationId } from './correlation.js';
import { didYouMean } from './did-you-mean.js';
import { isBersError, UsageError } from './errors.js';
import { overviewReply, usageReply } from './help.js';
import type { Reply } from './message.js';
import type { Services } from './services.js';
import { tokenize } from './tokenize.js';
import { describeZodIssues } from './zod-issues.js';

/** Slack caps slash-command text well below this; anything longer is garbage, not a command. */
const MAX_TEXT_LENGTH = 4000;

export interface Invocation {
  text: string;
  actor: Actor;
  channel: ChannelRef;
  mode: Mode;
  triggerId?: string;
  respond(reply: Reply): Promise<void>;
}

export type Outcome = 'ok' | 'usage' | 'denied' | 'not_found' | 'conflict' | 'unavailable' | 'error';

interface Resolved {
  command: AnyCommand;
  path: string[];
  tokens: string[];
}

/** Routes `/bers <subcommand> …` to its command; the one place errors turn into replies. */
export class CommandRouter {
  private readonly byName: Map<string, AnyCommand>;

  constructor(
    private readonly commands: readonly AnyCommand[],
    private readonly services: Services,
  ) {
    this.byName = new Map(commands.map((c) => [c.name, c]));
  }

  list(): readonly AnyCommand[] {
    return this.commands;
  }

  find(name: string): AnyCommand | undefined {
    return this.byName.get(name);
  }

  async dispatch(invocation: Invocation): Promise<Reply> {
    const correlationId = newCorrelationId();
    const started = performance.now();
    const text = invocation.text.trim();
    let subject = '(none)';
    let outcome: Outcome = 'ok';
    let reply: Reply;
    try {
      const resolved = this.resolve(text);
      subject = resolved.path.join(' ');
      reply = await this.run(resolved, invocation, correlationId);
    } catch (error) {
      outcome = outcomeOf(error);
      if (error instanceof UsageError && error.usageOf) subject = error.usageOf;
      reply = this.replyForError(error, correlationId, text, subject);
    }
    const durationMs = performance.now() - started;
    this.services.metrics.observeCommand(subject.split(' ')[0] ?? subject, outcome, durationMs / 1000);
    await this.services.audit
      .record({
        kind: 'command',
        actor: invocation.actor,
        channel: invocation.channel,
        subject,
        text: text.slice(0, MAX_TEXT_LENGTH),
        outcome,
        durationMs: Math.round(durationMs),
        correlationId,
      })
      .catch((error: unknown) =>
        this.services.log.error({ err: error, correlationId }, 'audit write failed'),
      );
    return reply;
  }

  private resolve(text: string): Resolved {
    if (text.length > MAX_TEXT_LENGTH) {
      throw new UsageError(
        `That command is ${text.length} characters long; the limit is ${MAX_TEXT_LENGTH}.`,
      );
    }
    const tokens = tokenize(text);
    const [first, ...rest] = tokens;
    if (first === undefined) return { command: this.byName.get('help')!, path: ['help'], tokens: [] };
    const command = this.byName.get(first.toLowerCase());
    if (!command) {
      const hint = didYouMean(first, [...this.byName.keys()]);
      throw new UsageError(`\`${truncate(first)}\` is not a bers command.${hint}`);
    }
    let current = command;
    const path = [command.name];
    let args = rest;
    while (current.subcommands && args[0] !== undefined) {
      const next = current.subcommands.find((s) => s.name === args[0]!.toLowerCase());
      if (!next) break;
      current = next;
      path.push(next.name);
      args = args.slice(1);
    }
    return { command: current, path, tokens: args };
  }

  private async run(resolved: Resolved, invocation: Invocation, correlationId: string): Promise<Reply> {
    const { command, path, tokens } = resolved;
    this.services.permissions.require(
      invocation.actor,
      command.permission,
      `run \`/bers ${path.join(' ')}\``,
    );
    const parsed = command.args.safeParse(tokens);
    if (!parsed.success) {
      throw new UsageError(describeZodIssues(parsed.error.issues), path.join(' '));
    }
    const ctx: CommandContext = {
      actor: invocation.actor,
      channel: invocation.channel,
      text: invocation.text,
      correlationId,
      mode: invocation.mode,
      triggerId: invocation.triggerId,
      respond: invocation.respond,
      services: this.services,
    };
    return command.run(parsed.data, ctx);
  }

  private replyForError(error: unknown, correlationId: string, text: string, subject: string): Reply {
    if (error instanceof UsageError) {
      const path = (error.usageOf ?? (subject === '(none)' ? '' : subject)).split(' ').filter(Boolean);
      const command = this.commandAt(path);
      return command ? usageReply(command, path, error.message) : overviewReply(this.commands, error.message);
    }
    if (isBersError(error)) return { text: `:no_entry: ${error.message}`, visibility: 'ephemeral' };
    this.services.log.error({ err: error, correlationId, text: truncate(text, 200) }, 'command failed');
    return {
      text: `:boom: Something went wrong on our side. The details are in the bot's log under reference \`${correlationId}\`.`,
      visibility: 'ephemeral',
    };
  }

  private commandAt(path: string[]): AnyCommand | undefined {
    let command = path[0] ? this.byName.get(path[0]) : undefined;
    for (const name of path.slice(1)) command = command?.subcommands?.find((s) => s.name === name);
    return command;
  }
}

function outcomeOf(error: unknown): Outcome {
  if (!isBersError(error)) return 'error';
  const byCode: Record<string, Outcome> = {
    bers_usage: 'usage',
    bers_forbidden: 'denied',
    bers_not_found: 'not_found',
    bers_conflict: 'conflict',
    bers_unavailable: 'unavailable',
  };
  return byCode[error.code] ?? 'error';
}

function truncate(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
