import type { ActionRequest } from '../actions/action-request.js';
import type { ActionMessages } from '../actions/action-runner.js';
import type { ExecutionResult, RevisionInfo } from '../actions/executor.js';
import { commandOf } from '../actions/operation.js';
import type { VerifyResult } from '../actions/verification.js';
import type { Verification } from '../actions/verify-operation.js';
import { actionId } from '../core/command.js';
import type { Message, Reply } from '../core/message.js';
import { joinMrkdwn, type Mrkdwn, md, type Text, userMention } from '../core/mrkdwn.js';
import { actions, context, fields, header, section } from './blocks.js';
import { headline, targetText, what } from './operation-words.js';
import { verificationLine } from './verification-line.js';

function describe(r: ActionRequest): Mrkdwn[] {
  return [
    md`*Service*\n${r.service}`,
    md`*Environment*\n${r.environment}`,
    md`*Executor*\n\`${r.executor}\``,
    md`*Target*\n${targetText(r)}`,
  ];
}

/** The confirmation: the exact action, and Confirm / Cancel buttons that expire. */
export function confirmationMessage(r: ActionRequest): Reply {
  const by = userMention(r.requestedBy.id);
  const who = r.twoPerson
    ? md`Requested by ${by}. *Two-person rule:* another authorized person must confirm.`
    : md`Requested by ${by}.`;
  return {
    text: `Confirm: ${what(r)}`,
    visibility: 'in_channel',
    blocks: [
      header(headline(r)),
      fields(describe(r)),
      section(who),
      actions([
        { text: 'Confirm', actionId: actionId(commandOf(r.kind), 'confirm'), value: r.id, style: 'danger' },
        { text: 'Cancel', actionId: actionId(commandOf(r.kind), 'cancel'), value: r.id },
      ]),
      context(`Expires at ${r.expiresAt.toISOString().slice(11, 16)} UTC · request \`${r.id}\``),
    ],
  };
}

/** Replaces the confirmation once it is decided, so nobody can press its buttons again. */
export function decidedMessage(r: ActionRequest, note: Text): Reply {
  return {
    text: `${note}: ${what(r)}`,
    replaceOriginal: true,
    blocks: [section(md`${note}: ${what(r)}`), fields(describe(r)), context(`request \`${r.id}\``)],
  };
}

/** A run whose process died: nobody knows whether it took effect, so say what to check. */
export function interruptedMessage(r: ActionRequest): Message {
  const by = r.confirmedBy ? md`, confirmed by ${userMention(r.confirmedBy.id)},` : '';
  const check =
    r.kind === 'rollback'
      ? `\`/bers health ${r.service}\` and \`/bers history ${r.service}\``
      : `\`/bers health ${r.service}\``;
  return {
    text: `:warning: ${String(what(r)).replace(/\*/g, '')} was interrupted`,
    blocks: [
      section(
        md`:warning: ${what(r)}${by} was *interrupted*: bers-bot stopped while it ran, so whether it took effect is unknown. Check ${check} before running it again.`,
      ),
      context(`request \`${r.id}\``),
    ],
  };
}

export function executionMessage(r: ActionRequest, result: ExecutionResult, seconds: number): Message {
  const icon = result.ok ? ':white_check_mark:' : ':x:';
  const blocks = [section(md`${icon} ${what(r)}: ${result.summary} (${seconds} s)`)];
  if (result.outputTail.trim()) blocks.push(section(`\`\`\`${result.outputTail.slice(-2800)}\`\`\``));
  const by = r.confirmedBy ? userMention(r.confirmedBy.id) : '?';
  blocks.push(context(md`confirmed by ${by} · request \`${r.id}\``));
  return { text: `${result.ok ? 'Done' : 'Failed'}: ${what(r)}: ${result.summary}`, blocks };
}

export function verificationMessage(
  r: ActionRequest,
  v: VerifyResult & { kind?: Verification['kind']; metric?: string },
  offerRollback: boolean,
): Message {
  const line = verificationLine(r, v);
  const blocks = [section(line)];
  if (offerRollback) {
    blocks.push(
      actions([
        {
          text: 'Roll back',
          actionId: actionId('rollback', 'request'),
          value: JSON.stringify({ service: r.service, environment: r.environment }),
          style: 'danger',
        },
      ]),
    );
  }
  return { text: String(line).replace(/\*/g, ''), blocks };
}

export function historyReply(
  service: string,
  environment: string,
  revisions: RevisionInfo[] | undefined,
  recent: ActionRequest[],
): Reply {
  const blocks = [header(`History of ${service} (${environment})`)];
  if (revisions) {
    const lines = revisions
      .slice(0, 15)
      .map(
        (r) =>
          `${r.current ? '▶' : '•'} revision *${r.revision}*${r.current ? ' (current)' : ''}` +
          `${r.createdAt ? ` · ${r.createdAt.toISOString().slice(0, 16).replace('T', ' ')}` : ''}${r.detail ? ` · \`${r.detail}\`` : ''}`,
      );
    blocks.push(section(lines.join('\n') || '_no revisions found_'));
  } else {
    blocks.push(
      context('This executor keeps no revision history; below are the actions run through the bot.'),
    );
  }
  const acts = recent.map(
    (a) =>
      md`• ${a.requestedAt.toISOString().slice(0, 16).replace('T', ' ')} ${what(a)} — *${a.state}* (by ${userMention(a.requestedBy.id)})`,
  );
  blocks.push(
    section(
      acts.length ? md`*Recent actions*\n${joinMrkdwn(acts, '\n')}` : '_No actions through the bot yet._',
    ),
  );
  return { text: `History of ${service} (${environment})`, blocks };
}

/** The action runner's messages in Block Kit (the ActionMessages port). */
export const actionMessages: ActionMessages = {
  execution: executionMessage,
  interrupted: interruptedMessage,
  verification: verificationMessage,
};
