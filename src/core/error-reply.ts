import type { Logger } from 'pino';
import type { AnyCommand } from './command.js';
import { type BersError, isBersError, UsageError } from './errors.js';
import type { InteractionKind } from './interaction.js';
import type { Reply } from './message.js';
import type { Text } from './mrkdwn.js';
import type { HandlerRegistry } from './registry.js';

/** How error replies look; views/error-reply.ts implements it with Block Kit. */
export interface ErrorReplies {
  usage(command: AnyCommand, path: string[], problem: Text): Reply;
  overview(commands: readonly AnyCommand[], problem: Text): Reply;
  known(error: BersError): Reply;
}

export interface FailedInteraction {
  kind: InteractionKind;
  /** The audit subject: for commands, the subcommand path whose usage a usage error shows. */
  subject: string;
  requestId: string;
  /** What came in, for the log line of an unexpected error. */
  text: string;
}

/**
 * The one place errors become replies. Known errors (BersError) are explained as they are; a
 * malformed command gets its usage; anything else is logged in full and answered with the
 * reference to find it by. Replies to clicks never replace the message that carried the button.
 */
export function errorReply(
  error: unknown,
  failed: FailedInteraction,
  registry: HandlerRegistry,
  log: Logger,
  replies: ErrorReplies,
): Reply {
  const reply = replyFor(error, failed, registry, log, replies);
  return failed.kind === 'command' ? reply : { ...reply, replaceOriginal: false };
}

function replyFor(
  error: unknown,
  failed: FailedInteraction,
  registry: HandlerRegistry,
  log: Logger,
  replies: ErrorReplies,
): Reply {
  if (error instanceof UsageError && failed.kind === 'command') {
    const path = (error.usageOf ?? (failed.subject === '(none)' ? '' : failed.subject))
      .split(' ')
      .filter(Boolean);
    const command = registry.commandAt(path);
    return command
      ? replies.usage(command, path, error.text)
      : replies.overview(registry.commands, error.text);
  }
  if (isBersError(error)) return replies.known(error);
  log.error(
    { err: error, correlationId: failed.requestId, kind: failed.kind, text: failed.text.slice(0, 200) },
    `${failed.kind} failed`,
  );
  return {
    text: `:boom: Something went wrong on our side. The details are in the bot's log under reference \`${failed.requestId}\`.`,
    visibility: 'ephemeral',
  };
}
