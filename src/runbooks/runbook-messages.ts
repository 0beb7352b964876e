import type { ActionRequest } from '../actions/action-request.js';
import type { Runbook } from '../config/runbook-schema.js';
import type { Message } from '../core/message.js';
import type { Text } from '../core/mrkdwn.js';

/** The buttons that move a walk. */
export type RunButton = 'next' | 'stop' | 'retry' | 'skip';
/** The buttons a step shows: the ones that move the walk, and an act step's *Enter arguments*. */
export type StepButton = RunButton | 'args';

/**
 * The rendering port of a runbook walk: the walker decides what each step says (our mrkdwn) and
 * which buttons it offers, and this turns it into the posted message. src/views/runbook-messages.ts
 * implements it with Block Kit; the composition root hands it in.
 */
export interface RunbookMessages {
  /** The walk's first message in the channel; its steps follow in this message's thread. */
  header(runbook: Runbook, service: string, startedBy: string): Message;
  /** One step in the thread: `Step 2/5`, what it found, and the buttons (none: a message under its number). */
  step(runId: string, step: number, total: number, body: Text, buttons: readonly StepButton[]): Message;
  /** A line in the thread that is not a step (the end, a stop). */
  plain(body: Text): Message;
  /** An act step's request, posted in the thread with its own Confirm and Cancel. */
  confirmation(request: ActionRequest): Message;
}
