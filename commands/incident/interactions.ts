import type { ModalView } from '../../src/core/chat.js';
import type { ActionHandler, ActionInvocation, ViewHandler, ViewInvocation } from '../../src/core/command.js';
import { isBersError, NotFoundError } from '../../src/core/errors.js';
import { isRole, isStatus } from '../../src/incident/model.js';
import { resolvedConflict } from '../../src/incident/update-flows.js';
import { formatTime } from '../../src/views/incident-blocks.js';
import { assignModal, resolveModal, updateModal } from '../../src/views/incident-modals.js';
import { doneReply } from '../../src/views/incident-replies.js';

async function openIncident(invocation: { value: string; services: ActionInvocation['services'] }) {
  const number = Number(invocation.value);
  const incident = await invocation.services.incidents.get(number);
  if (!incident) throw new NotFoundError(`There is no incident #${invocation.value.slice(0, 12)}.`);
  return incident;
}

/** A button that opens a modal in Slack; the console cannot show forms, so it names the command. */
function modalButton(build: (n: number) => ModalView, typed: (n: number) => string): ActionHandler {
  return async (invocation) => {
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
  };
}

export const incidentActions: Record<string, ActionHandler> = {
  async acknowledge(invocation) {
    const incident = await openIncident(invocation);
    const result = await invocation.services.incidents.acknowledge(incident.number, invocation.actor);
    const reply = result.acknowledged
      ? `✅ You acknowledged incident #${incident.number}.`
      : result.incident.resolvedAt
        ? `Incident #${incident.number} is already resolved.`
        : `Incident #${incident.number} was already acknowledged by ${result.incident.acknowledgedBy} at ${formatTime(result.incident.acknowledgedAt)}.`;
    return { ...doneReply(reply), replaceOriginal: false };
  },
  update: modalButton(updateModal, (n) => `update ${n} <investigating|identified|monitoring> <text…>`),
  assign: modalButton(assignModal, (n) => `assign ${n} @user <commander|lead|comms>`),
  resolve: modalButton(resolveModal, (n) => `resolve ${n} <resolution…> [root cause: <cause…>]`),
};

const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

/** Runs a submission; a known failure keeps the modal open with the message under `field`. */
async function submit(
  field: string,
  run: () => Promise<unknown>,
): Promise<Record<string, string> | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (isBersError(error)) return { [field]: error.message.slice(0, 300) };
    throw error;
  }
}

export const incidentViews: Record<string, ViewHandler> = {
  declare: ({ values, privateMetadata, actor, services }: ViewInvocation) =>
    submit('title', () =>
      services.incidents.declare(
        {
          title: str(values.title),
          severity: str(values.severity),
          services: Array.isArray(values.services) ? values.services : [],
          impact: str(values.impact),
          commanderId: str(values.commander) || undefined,
          isPrivate: Array.isArray(values.private) && values.private.includes('private'),
          requestKey: privateMetadata ? `modal:${privateMetadata}` : undefined,
        },
        actor,
      ),
    ),
  update: ({ values, privateMetadata, actor, services }) =>
    submit('text', async () => {
      const status = str(values.status);
      if (!isStatus(status)) return;
      await services.incidents.update(Number(privateMetadata), { status, text: str(values.text) }, actor);
    }),
  assign: ({ values, privateMetadata, actor, services }) =>
    submit('user', async () => {
      const role = str(values.role);
      if (!isRole(role)) return;
      await services.incidents.assign(Number(privateMetadata), role, str(values.user), actor);
    }),
  resolve: ({ values, privateMetadata, actor, services }) =>
    submit('resolution', () =>
      services.incidents.resolve(
        Number(privateMetadata),
        { resolution: str(values.resolution), rootCause: str(values.root_cause) || undefined },
        actor,
      ),
    ),
};
