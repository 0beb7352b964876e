import { z } from 'zod';
import { ServiceNames } from '../src/config/service-names.js';
import type { Actor, ChannelRef } from '../src/core/actor.js';
import type { ActionHandler, ActionInvocation, Command, CommandContext } from '../src/core/command.js';
import { NotFoundError, UsageError } from '../src/core/errors.js';
import type { Reply } from '../src/core/message.js';
import { md } from '../src/core/mrkdwn.js';
import { plainPost, pressedMessage, type RunButton, runbookList } from '../src/views/runbook-view.js';
import { argsButton, argsView, requireDriver } from './runbook-args.js';

const args = z
  .array(z.string().max(64, 'a name is at most 64 characters'))
  .max(2, 'give a runbook and at most a service')
  .transform(([name, service]) => ({ name, service }));

/**
 * A walk's button. Anyone who may read presses it through the pipeline; the walk itself is moved
 * only by the person who started it or someone with `operate` (others are refused, and audited
 * as refused by the pipeline like any denied click).
 */
function runButton(button: RunButton): ActionHandler {
  return {
    permission: 'read',
    async run(inv: ActionInvocation) {
      const { run: runId, step } = parseValue(inv.value);
      const walker = inv.services.runbooks;
      const run = await walker.get(runId);
      if (!run) throw new UsageError('That runbook walk no longer exists.');
      requireDriver(inv.services, inv.actor, run);
      const moved = await walker.press(run, step, button, inv.actor);
      if (!moved)
        return { text: 'This step has already moved on.', visibility: 'ephemeral', replaceOriginal: false };
      const total = walker.runbook(run.runbook).steps.length;
      return pressedMessage(step, total, run.outcomes[String(step)] ?? '', button, inv.actor.id);
    },
  };
}

function parseValue(value: string): { run: string; step: number } {
  const parsed = JSON.parse(value) as Record<string, unknown>;
  if (typeof parsed.run !== 'string' || typeof parsed.step !== 'number')
    throw new UsageError('That button is malformed.');
  return { run: parsed.run, step: parsed.step };
}

/** *Run runbook* on an alert notification: the same start as `/bers runbook <name> [service]`. */
const startFromAlert: ActionHandler = {
  permission: 'read',
  async run(inv: ActionInvocation) {
    const parsed = startValue.safeParse(safeJson(inv.value));
    if (!parsed.success) throw new UsageError('That button is malformed.');
    const { name, service } = parsed.data;
    // Ephemeral, beside the notification: the alert message itself stays as it is.
    return {
      ...(await startWalk(inv.services, name, service, inv.actor, inv.channel)),
      replaceOriginal: false,
    };
  },
};

const startValue = z.object({ name: z.string().max(64), service: z.string().max(64).optional() });

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

async function startWalk(
  services: CommandContext['services'],
  name: string,
  service: string | undefined,
  actor: Actor,
  channel: ChannelRef,
): Promise<Reply> {
  const walker = services.runbooks;
  const runbook = walker.runbook(name);
  const target = service ?? runbook.service;
  if (target === undefined)
    throw new UsageError(`${runbook.name} names no service: \`/bers runbook ${runbook.name} <service>\`.`);
  const canonical = new ServiceNames(services.config.services).canonical(target);
  if (canonical === undefined) throw new NotFoundError(`Unknown service \`${target}\`.`);
  const run = await walker.start(runbook, canonical, actor, channel);
  return {
    ...plainPost(md`Started *${runbook.title}* for ${run.service}; follow it in the thread.`),
    visibility: 'ephemeral',
  };
}

export const runbookCommand: Command<z.infer<typeof args>> = {
  name: 'runbook',
  summary: 'walk a runbook step by step in a thread (no name: list them)',
  usage: ['runbook', 'runbook <name> [service]'],
  examples: ['runbook configuration-resolution-slow', 'runbook service-down-recovery ai-chat-backend'],
  permission: 'read',
  args,
  async run({ name, service }, ctx) {
    if (name === undefined) return runbookList(ctx.services.runbooks.list());
    return startWalk(ctx.services, name, service, ctx.actor, ctx.channel);
  },
  actions: {
    start: startFromAlert,
    next: runButton('next'),
    stop: runButton('stop'),
    retry: runButton('retry'),
    skip: runButton('skip'),
    args: argsButton,
  },
  views: { args: argsView },
};
