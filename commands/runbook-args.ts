import { z } from 'zod';
import type { Actor } from '../src/core/actor.js';
import type { ActionHandler, ViewHandler } from '../src/core/command.js';
import { ForbiddenError, UsageError } from '../src/core/errors.js';
import type { Services } from '../src/core/services.js';
import { fieldError } from '../src/runbooks/act-args.js';
import type { RunbookRun } from '../src/runbooks/run-repository.js';
import { argBlockId, argsModal } from '../src/views/runbook-view.js';

/** Only the person who started the walk, or someone with `operate`, moves it. */
export function requireDriver(services: Services, actor: Actor, run: RunbookRun): void {
  if (run.startedBy.id === actor.id || services.permissions.can(actor, 'operate')) return;
  throw new ForbiddenError(
    `Only ${run.startedBy.name}, who started this runbook, or someone with the \`operate\` permission can press its buttons.`,
  );
}

const stepValue = z.object({ run: z.string().max(20), step: z.number().int().min(0).max(100) });
/** The form's metadata: the walk and step (authoritative, re-read from the store), and for field checks the operation. */
const formValue = stepValue.extend({ service: z.string().max(64), operation: z.string().max(64) });

function parse<T>(schema: z.ZodType<T>, text: string): T {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through: a value we did not write.
  }
  throw new UsageError('That button is malformed.');
}

async function loadRun(services: Services, id: string): Promise<RunbookRun> {
  const run = await services.runbooks.get(id);
  if (!run) throw new UsageError('That runbook walk no longer exists.');
  return run;
}

/** *Enter arguments* on an act step: opens the form for what the step leaves to the person driving. */
export const argsButton: ActionHandler = {
  permission: 'read',
  async run(inv) {
    const { run: runId, step } = parse(stepValue, inv.value);
    const run = await loadRun(inv.services, runId);
    requireDriver(inv.services, inv.actor, run);
    const form = inv.services.runbooks.argsForm(run, step);
    if (!inv.triggerId)
      throw new UsageError('Forms need Slack; type `/bers run` with the arguments instead.');
    const metadata = JSON.stringify({ run: run.id, step, service: run.service, operation: form.operation });
    await inv.services.chat.openModal(inv.triggerId, argsModal(metadata, { ...form, service: run.service }));
    return undefined;
  },
};

type ArgsInput = z.infer<typeof formValue> & { values: Record<string, string> };

/**
 * The form's Submit. `validate` (before the ack, no store) checks each field against the
 * configured operation's argument types, so a bad value keeps the form open with its reason; `run`
 * checks everything again against the walk in the store, and requests the operation once.
 */
export const argsView: ViewHandler<ArgsInput> = {
  permission: 'read',
  validate({ values, privateMetadata }, config) {
    const meta = formValue.safeParse(safeJson(privateMetadata));
    if (!meta.success) {
      // Errors must name a block of the form: the first of its fields.
      const first = Object.keys(values).find((b) => b.startsWith('arg_')) ?? 'arg_';
      return { ok: false, errors: { [first]: 'This form no longer knows its runbook step; open it again.' } };
    }
    const typed: Record<string, string> = {};
    for (const [block, value] of Object.entries(values)) {
      if (block.startsWith('arg_') && typeof value === 'string') typed[block.slice(4)] = value;
    }
    const args = config.actions.services[meta.data.service]?.operations[meta.data.operation]?.args ?? [];
    const errors: Record<string, string> = {};
    for (const arg of args) {
      const problem = fieldError(arg, typed[arg.name] ?? '');
      if (problem) errors[argBlockId(arg.name)] = problem;
    }
    return Object.keys(errors).length > 0
      ? { ok: false, errors }
      : { ok: true, input: { ...meta.data, values: typed } };
  },
  async run(input, inv) {
    const run = await loadRun(inv.services, input.run);
    requireDriver(inv.services, inv.actor, run);
    const moved = await inv.services.runbooks.submitArgs(run, input.step, input.values, inv.actor);
    if (!moved) return { text: 'This step has already moved on.', visibility: 'ephemeral' };
    return {
      text: `Requested ${input.operation} on ${run.service}; follow it in the runbook's thread.`,
      visibility: 'ephemeral',
    };
  },
};

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
