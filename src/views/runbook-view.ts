import type { OperationArg } from '../actions/operation.js';
import { argHint } from '../actions/operation-args.js';
import type { Runbook } from '../config/runbook-schema.js';
import type { ModalView } from '../core/chat.js';
import { actionId } from '../core/command.js';
import type { Message, Reply } from '../core/message.js';
import { joinMrkdwn, md, type Text, trustedMrkdwn, userMention } from '../core/mrkdwn.js';
import type { RunButton, StepButton } from '../runbooks/runbook-messages.js';
import { actions, type ButtonSpec, context, header, plainObject, section } from './blocks.js';

export type { RunButton } from '../runbooks/runbook-messages.js';

const LABELS: Record<StepButton, ButtonSpec['text']> = {
  args: 'Enter arguments',
  next: 'Next',
  stop: 'Stop',
  retry: 'Retry',
  skip: 'Skip',
};

/** A button's value: the walk and the step it was shown for, so a stale click moves nothing. */
export function runButtonValue(runId: string, step: number): string {
  return JSON.stringify({ run: runId, step });
}

export function runbookHeader(runbook: Runbook, service: string, startedBy: string): Message {
  return {
    text: `Runbook: ${runbook.title} (${service})`,
    blocks: [
      header(`📘 Runbook: ${runbook.title}`),
      section(
        md`*${runbook.name}* for *${service}*, ${String(runbook.steps.length)} steps, started by ${userMention(startedBy)}. The steps follow in this thread.`,
      ),
    ],
  };
}

/** One step's message: `Step 2/5`, what it found, and the buttons that move the walk on. */
export function stepMessage(
  runId: string,
  step: number,
  total: number,
  body: Text,
  buttons: readonly StepButton[],
): Message {
  const blocks = [context(`Step ${step + 1}/${total}`), section(body)];
  if (buttons.length > 0) {
    blocks.push(
      actions(
        buttons.map((b) => ({
          text: LABELS[b],
          actionId: actionId('runbook', b),
          value: runButtonValue(runId, step),
          ...(b === 'stop'
            ? { style: 'danger' as const }
            : b === 'next' || b === 'args'
              ? { style: 'primary' as const }
              : {}),
        })),
      ),
    );
  }
  return { text: `Step ${step + 1}/${total}: ${String(body)}`, blocks };
}

/** The pressed step's message without its buttons, saying who pressed what. */
export function pressedMessage(
  step: number,
  total: number,
  body: string,
  pressed: RunButton,
  by: string,
): Reply {
  return {
    text: `Step ${step + 1}/${total}: ${LABELS[pressed]}`,
    blocks: [
      context(`Step ${step + 1}/${total}`),
      // The body is the step's own rendered markup, kept in the run's row.
      section(trustedMrkdwn(body)),
      context(md`${LABELS[pressed]} — ${userMention(by)}`),
    ],
    replaceOriginal: true,
  };
}

export function runbookList(runbooks: readonly Runbook[]): Reply {
  if (runbooks.length === 0) {
    return {
      text: 'No runbooks are configured (runbooks/<name>.yaml next to the config).',
      visibility: 'ephemeral',
    };
  }
  const lines = runbooks.map(
    (r) =>
      md`• *${r.name}* — ${r.title}${r.service ? ` (${r.service})` : ''}, ${String(r.steps.length)} steps`,
  );
  return {
    text: `${runbooks.length} runbooks`,
    blocks: [
      section(md`*Runbooks* — ${'`/bers runbook <name> [service]`'} walks one\n${joinMrkdwn(lines, '\n')}`),
    ],
    visibility: 'ephemeral',
  };
}

/** A line in the walk's thread that is not a step (the end, a stop). */
export function plainPost(body: Text): Message {
  return { text: String(body), blocks: [section(body)] };
}

/** An act step's form: one field per argument the step leaves open (a select for an enum). */
export function argsModal(
  metadata: string,
  form: { operation: string; service: string; args: readonly OperationArg[] },
): ModalView {
  const plain = (text: string) => plainObject(text, 75);
  return {
    type: 'modal',
    callback_id: actionId('runbook', 'args'),
    title: plainObject(`Run ${form.operation}`, 24),
    submit: plain('Request'),
    close: plain('Cancel'),
    private_metadata: metadata,
    blocks: [
      {
        type: 'section',
        text: plain(
          `${form.operation} on ${form.service}: the values are checked by the operation's argument types; the request then has its own confirmation.`,
        ),
      },
      ...form.args.map((arg) => ({
        type: 'input' as const,
        block_id: argBlockId(arg.name),
        label: plain(arg.name),
        optional: arg.optional,
        hint: plain((arg.description ?? argHint(arg)).slice(0, 150)),
        element:
          arg.type === 'enum'
            ? {
                type: 'static_select' as const,
                action_id: 'value',
                options: arg.values.map((v) => ({ text: plain(v), value: v })),
              }
            : { type: 'plain_text_input' as const, action_id: 'value', max_length: 256 },
      })),
    ] as ModalView['blocks'],
  };
}

/** Arguments' fields are `arg_<name>`: names are lower-case words, so the id is always valid. */
export function argBlockId(name: string): string {
  return `arg_${name}`;
}
