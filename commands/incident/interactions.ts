import type { ModalView } from '../../src/core/chat.js';
import type { ActionHandler } from '../../src/core/command.js';
import { NotFoundError } from '../../src/core/errors.js';
import { resolvedConflict } from '../../src/incident/incident-errors.js';
import { formatTime } from '../../src/views/incident-blocks.js';
import { assignModal, reassignModal, resolveModal, updateModal } from '../../src/views/incident-modals.js';
import { doneReply } from '../../src/views/incident-replies.js';
import type { IncidentCommandDeps } from './incident-command-deps.js';

async function openIncident(deps: IncidentCommandDeps, invocation: { value: string }) {
  const number = Number(invocation.value);
  const incident = await deps.incidents.get(number);
  if (!incident) throw new NotFoundError(`There is no incident #${invocation.value.slice(0, 12)}.`);
  return incident;
}

/** A button that opens a modal in Slack; the console cannot show forms, so it names the command. */
function modalButton(
  deps: IncidentCommandDeps,
  build: (n: number) => ModalView,
  typed: (n: number) => string,
): ActionHandler {
  return {
    permission: 'incident',
    async run(invocation) {
      const incident = await openIncident(deps, invocation);
      if (incident.resolvedAt) throw resolvedConflict(incident);
      if (invocation.mode === 'console' || !invocation.triggerId) {
        return {
          ...doneReply(`Forms need Slack; here, type \`/bers incident ${typed(incident.number)}\`.`),
          replaceOriginal: false,
        };
      }
      await deps.chat.openModal(invocation.triggerId, build(incident.number));
      return undefined;
    },
  };
}

/** The buttons on an incident's report: all change the incident, so all need `incident`. */
export const createIncidentActions = (deps: IncidentCommandDeps): Record<string, ActionHandler> => ({
  acknowledge: {
    permission: 'incident',
    async run(invocation) {
      const incident = await openIncident(deps, invocation);
      const result = await deps.incidents.acknowledge(incident.number, invocation.actor);
      const reply = result.acknowledged
        ? `✅ You acknowledged incident #${incident.number}.`
        : result.incident.resolvedAt
          ? `Incident #${incident.number} is already resolved.`
          : `Incident #${incident.number} was already acknowledged by ${result.incident.acknowledgedBy} at ${formatTime(result.incident.acknowledgedAt)}.`;
      return { ...doneReply(reply), replaceOriginal: false };
    },
  },
  update: modalButton(deps, updateModal, (n) => `update ${n} <investigating|identified|monitoring> <text…>`),
  assign: modalButton(deps, assignModal, (n) => `assign ${n} @user <commander|lead|comms>`),
  resolve: modalButton(deps, resolveModal, (n) => `resolve ${n} <resolution…> [root cause: <cause…>]`),
  reassign: modalButton(deps, reassignModal, (n) => `reassign ${n} @user`),
  escalate: {
    permission: 'incident',
    async run(invocation) {
      const incident = await openIncident(deps, invocation);
      // The click's request id: a click worked again escalates to the same level, not one further.
      const vendor = await deps.incidents.escalatePage(
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
});
