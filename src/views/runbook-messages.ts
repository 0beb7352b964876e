import type { RunbookMessages } from '../runbooks/runbook-messages.js';
import { confirmationMessage } from './actions-view.js';
import { plainPost, runbookHeader, stepMessage } from './runbook-view.js';

/** A walk's messages in Block Kit; wired into the runbook walker by the composition root. */
export const runbookMessages: RunbookMessages = {
  header: runbookHeader,
  step: stepMessage,
  plain: plainPost,
  // The operation's own confirmation, as `/bers <operation>` posts it.
  confirmation: confirmationMessage,
};
