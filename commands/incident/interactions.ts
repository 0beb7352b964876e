import type { ModalView } from '../../src/core/chat.js';
import type { ActionHandler, ActionInvocation } from '../../src/core/command.js';
import { NotFoundError } from '../../src/core/errors.js';
import { resolvedConflict } from '../../src/incident/update-flows.js';
import { formatTime } from '../../src/views/incident-blocks.js';
import { assignModal, reassignModal, resolveModal, updateModal } from '../../src/views/incident-modals.js';
import { doneReply } from '../../src/views/incident-replies.js';

async function openIncident(invocation: { value: string; services: ActionInvocation['services'] }) {
  const number = Number(invocation.value);
  const incident = await invocation.services.incidents.get(number);
  if (!incident) throw new NotFoundError(`There is no incident #${invocation.value.slice(0, 12)}.`);
  return incident;
}

/** A button that opens a modal in Slack; the console cannot show forms, so it names the command. */
function modalButton(build: (n: number) => ModalView, typed: (n: number) => string): ActionHandler {
  return {
    permission: 'incident',
    async run(invocation) {
      const incident = await openIncident(invocation);
      if (incident.resolvedAt) throw resolvedConflict(incident);
      if (invocation.mode === 'console' || !invocation.triggerId) {
        return {
          ...doneReply(`Forms need Slack; here, type \`/bers incident ${typed(incident.number)}\`.`),
          replaceOriginal: false,
        };
      }
      await invocation.services.chat.openModal(invocation.triggerId, build(incident.number));
      return undefined;
    },
  };
}

/** The buttons on an incident's report: all change the incident, so all need `incident`. */
export const incidentActions: Record<string, ActionHandler> = {
  acknowledge: {
    permission: 'incident',
    async run(invocation) {
      const incident = await openIncident(invocation);
      const result = await invocation.services.incidents.acknowledge(incident.number, invocation.actor);
      const reply = result.acknowledged
        ? `✅ You acknowledged incident #${incident.number}.`
        : result.incident.resolvedAt
          ? `Incident #${incident.number} is already resolved.`
          : `Incident #${incident.number} was already acknowledged by ${result.incident.acknowledgedBy} at ${formatTime(result.incident.acknowledgedAt)}.`;
      return { ...doneReply(reply), replaceOriginal: false };
    },
  },
  update: modalButton(updateModal, (n) => `update ${n} <investigating|identified|monitoring> <text…>`),
  assign: modalButton(assignModal, (n) => `assign ${n} @user <commander|lead|comms>`),
  resolve: modalButton(resolveModal, (n) => `resolve ${n} <resolution…> [root cause: <cause…>]`),
  reassign: modalButton(reassignModal, (n) => `reassign ${n} @user`),
  escalate: {
    permission: 'incident',
    async run(invocation) {
      const incident = await openIncident(invocation);
      // The click's request id: a click worked again escalates to the same level, not one further.
      const vendor = await invocation.services.incidents.escalatePage(
        incident.number,
        invocation.actor,
        invocation.requestId,
      );
      const to = vendor.assignees.join(', ') || 'the next level';
      return {
        ...doneReply(
          `⏫ Escalated the page for incident #${incident.number} to level ${vendor.escalationLevel ?? '?'}: ${to}.`,
        ),
        replaceOriginal: false,
      };
    },
  },
};
