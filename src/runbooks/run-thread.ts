import type { Actor } from '../core/actor.js';
import type { AuditSink } from '../core/audit.js';
import type { Chat } from '../core/chat.js';
import { type Mrkdwn, renderText } from '../core/mrkdwn.js';
import type { RunbookRun, RunRepository } from './run-repository.js';
import type { RunbookMessages, StepButton } from './runbook-messages.js';

export interface ThreadDeps {
  chat: Chat;
  audit: AuditSink;
  runs: RunRepository;
  render: RunbookMessages;
  /** How many steps the named runbook has ("Step 2/5"). */
  stepsOf(runbook: string): number;
}

/** What a walk says in its thread, and its audit rows (`runbook.step`). */
export class RunThread {
  constructor(private readonly deps: ThreadDeps) {}

  async show(run: RunbookRun, index: number, body: Mrkdwn, buttons: StepButton[]): Promise<void> {
    const total = this.deps.stepsOf(run.runbook);
    await this.deps.runs.recordOutcome(run.id, index, renderText(body));
    await this.deps.chat.post(run.channelId, this.deps.render.step(run.id, index, total, body, buttons), {
      threadTs: run.threadTs,
    });
  }

  /** A message in the walk's thread without buttons: under a step's number, or on its own. */
  async post(run: RunbookRun, body: Mrkdwn, index?: number): Promise<void> {
    const total = this.deps.stepsOf(run.runbook);
    const { render } = this.deps;
    const message = index === undefined ? render.plain(body) : render.step(run.id, index, total, body, []);
    await this.deps.chat.post(run.channelId, message, { threadTs: run.threadTs });
  }

  /** A gather that throws (a source down) shows why instead of stopping the walk. */
  audit(run: RunbookRun, actor: Actor, what: string, outcome: string, text: string): Promise<void> {
    return this.deps.audit.record({
      kind: 'runbook',
      actor,
      channel: { id: run.channelId, name: run.channelId },
      subject: 'runbook.step',
      text: `${text} (${what})`,
      outcome,
      correlationId: `runbook-${run.id}`,
      service: run.service,
      details: { run: run.id, runbook: run.runbook, step: run.step },
    });
  }
}
