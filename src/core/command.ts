import type { z } from 'zod';
import type { Actor, ChannelRef } from './actor.js';
import type { Reply } from './message.js';
import type { Permission } from './permissions.js';
import type { Services } from './services.js';

export type Mode = 'console' | 'slack';

/** Everything a handler may know about the invocation, and the services it may use. */
export interface CommandContext {
  actor: Actor;
  channel: ChannelRef;
  /** The full text after `/bers`, as typed. */
  text: string;
  correlationId: string;
  mode: Mode;
  /** Present for Slack invocations; opens modals. */
  triggerId?: string;
  /** Sends an extra reply to the caller (progress, then the result) before the handler returns. */
  respond(reply: Reply): Promise<void>;
  services: Services;
}

/**
 * One `/bers` subcommand. `args` is a zod schema that receives the argument tokens (words after the
 * subcommand name) and yields the handler's typed arguments; a parse failure becomes a usage reply.
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
  views?: Record<string, ViewHandler>;
}

/** A button click, whichever surface it came from. */
export interface ActionInvocation {
  actor: Actor;
  channel: ChannelRef;
  /** The button's `value`. */
  value: string;
  /** The message that carried the button, so handlers can update it. */
  message?: { channel: string; ts: string };
  triggerId?: string;
  correlationId: string;
  mode: Mode;
  respond(reply: Reply): Promise<void>;
  services: Services;
}

export type ActionHandler = (invocation: ActionInvocation) => Promise<Reply | undefined>;

/** A modal submission. Values are keyed by block id; multi-selects give arrays. */
export interface ViewInvocation {
  actor: Actor;
  values: Record<string, string | string[] | undefined>;
  privateMetadata: string;
  correlationId: string;
  services: Services;
}

/** Returns field errors (block id → message) to keep the modal open, or nothing to close it. */
export type ViewHandler = (invocation: ViewInvocation) => Promise<Record<string, string> | undefined>;

export function actionId(command: string, action: string): string {
  return `bers:${command}:${action}`;
}

/** `bers:<command>:<name>` → its parts, or undefined for ids that are not ours. */
export function parseInteractionId(id: string): { command: string; name: string } | undefined {
  const match = /^bers:([a-z0-9-]+(?:\.[a-z0-9-]+)*):([a-z0-9_-]+)$/.exec(id);
  return match ? { command: match[1]!, name: match[2]! } : undefined;
}

/** A command of any argument type, for registries; each command's own file keeps the precise type. */
// biome-ignore lint/suspicious/noExplicitAny: registries hold commands whose argument types differ; `run` is only ever called with its own schema's output.
export type AnyCommand = Command<any>;
