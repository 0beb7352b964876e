import type { z } from 'zod';
import type { Actor, ChannelRef } from './actor.js';
import type { Reply } from './message.js';
import type { Permission } from './permissions.js';
import type { PipelineServices, Services } from './services.js';

export type Mode = 'console' | 'slack';

/** What every handler is told about the interaction it runs for. */
interface Invocation {
  actor: Actor;
  /**
   * This interaction's id: the audit row's correlation id and the reference error replies quote.
   * A durable inbox passes its entry's id; otherwise it is a fresh one.
   */
  requestId: string;
  mode: Mode;
  /**
   * The pipeline's own ports only (log, permissions, audit, metrics, config): a command, button,
   * modal or event handler gets the areas' services it uses when it is built (commands/index.ts,
   * src/slack/events.ts), not from here.
   */
  services: PipelineServices;
}

/** Everything a command may know about the invocation (its ports it got when it was built). */
export interface CommandContext extends Invocation {
  channel: ChannelRef;
  /** The full text after `/bers`, as typed. */
  text: string;
  /** Present for Slack invocations; opens modals. */
  triggerId?: string;
  /** Sends an extra reply to the caller (progress, then the result) before the handler returns. */
  respond(reply: Reply): Promise<void>;
}

/**
 * One `/bers` subcommand. `args` is a zod schema that receives the argument tokens (words after the
 * subcommand name) and yields the handler's typed arguments; a parse failure becomes a usage reply.
 * The pipeline checks `permission` before `run`; handlers never check it themselves.
 */
export interface Command<A = unknown> {
  name: string;
  summary: string;
  /** Usage lines without the `/bers` prefix, e.g. `health [service…]`. */
  usage: string[];
  examples?: string[];
  permission: Permission;
  args: z.ZodType<A, string[]>;
  run(args: A, ctx: CommandContext): Promise<Reply>;
  /** Optional further subcommands (e.g. `incident declare`); the router descends into them first. */
  subcommands?: AnyCommand[];
  /** Button handlers, keyed by action name; Slack action ids are `bers:<command>:<action>`. */
  actions?: Record<string, ActionHandler>;
  /** Modal submission handlers, keyed by view name; callback ids are `bers:<command>:<view>`. */
  views?: Record<string, AnyViewHandler>;
}

/** A button click, whichever surface it came from. */
export interface ActionInvocation extends Invocation {
  channel: ChannelRef;
  /** The button's `value`. */
  value: string;
  /** The message that carried the button, so handlers can update it. */
  message?: { channel: string; ts: string };
  triggerId?: string;
  respond(reply: Reply): Promise<void>;
}

/** A button: the permission a click needs (checked by the pipeline), and what the click does. */
export interface ActionHandler {
  permission: Permission;
  run(invocation: ActionInvocation): Promise<Reply | undefined>;
}

/** A modal's submitted state. Values are keyed by block id; multi-selects give arrays. */
export interface ViewSubmission {
  values: Record<string, string | string[] | undefined>;
  privateMetadata: string;
}

/** Field errors (block id → message) keep the modal open; otherwise the parsed input. */
export type ViewValidation<I> = { ok: true; input: I } | { ok: false; errors: Record<string, string> };

/** A modal submission, worked after the modal was closed; replies go to the user privately. */
export interface ViewInvocation extends Invocation, ViewSubmission {}

/**
 * A modal: `validate` runs inside Slack's 3-second ack, so it is cheap and pure (no store, no
 * network); the modal closes once it passes, and `run` does the work afterwards, like a click.
 */
export interface ViewHandler<I = unknown> {
  permission: Permission;
  validate(submission: ViewSubmission, config: Services['config']): ViewValidation<I>;
  run(input: I, invocation: ViewInvocation): Promise<Reply | undefined>;
}

/** An Events API callback (e.g. a reaction), for the handler of its type. */
export interface EventInvocation extends Invocation {
  channel: ChannelRef;
  event: Record<string, unknown>;
}

/** Events the bot listens to; `accepts` filters the ones it acts on (others are not audited). */
export interface EventHandler {
  permission: Permission;
  accepts(event: Record<string, unknown>): boolean;
  run(invocation: EventInvocation): Promise<void>;
}

export function actionId(command: string, action: string): string {
  return `bers:${command}:${action}`;
}

/**
 * Slack refuses a message whose buttons repeat an action id (`invalid_blocks`), so the second and
 * later buttons of one handler in a message carry `#2`, `#3`…; routing reads the handler's id.
 */
export function distinctActionId(id: string, occurrence: number): string {
  return occurrence <= 1 ? id : `${id}#${occurrence}`;
}

/** The handler's id of a pressed button's action id (see distinctActionId). */
export function handlerActionId(pressed: string): string {
  return pressed.replace(/#\d+$/, '');
}

/** A command of any argument type, for registries; each command's own file keeps the precise type. */
// biome-ignore lint/suspicious/noExplicitAny: registries hold commands whose argument types differ; `run` is only ever called with its own schema's output.
export type AnyCommand = Command<any>;

/** A modal handler of any input type; `run` only ever gets its own `validate`'s output. */
// biome-ignore lint/suspicious/noExplicitAny: as for AnyCommand, each handler's file keeps the precise type.
export type AnyViewHandler = ViewHandler<any>;
