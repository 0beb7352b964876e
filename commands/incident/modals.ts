import type { BotConfig } from '../../src/config/schema.js';
import type { AnyViewHandler, ViewHandler, ViewSubmission, ViewValidation } from '../../src/core/command.js';
import { isUserId } from '../../src/core/mrkdwn.js';
import { type DeclareInput, MAX_TITLE } from '../../src/incident/declare-flow.js';
import { type IncidentRole, type IncidentStatus, isRole, isStatus } from '../../src/incident/model.js';
import { declaredReply } from '../../src/views/incident-replies.js';
import type { IncidentCommandDeps } from './incident-command-deps.js';

/*
 * The incident modals. `validate` runs before the ack (Slack's 3 seconds): only the submitted
 * fields and the config, no store. What only the store can tell (the incident is resolved by now,
 * a status it cannot move to) is found by the work after the modal closed, and sent to the user.
 */

type Values = ViewSubmission['values'];
type Errors = Record<string, string>;

const str = (v: Values[string]) => (typeof v === 'string' ? v.trim() : '');

function result<I>(errors: Errors, input: () => I): ViewValidation<I> {
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input: input() };
}

/** The incident a modal was opened for, carried in its private metadata. */
function incidentNumber(metadata: string, firstBlock: string, errors: Errors): number {
  if (/^\d{1,9}$/.test(metadata)) return Number(metadata);
  errors[firstBlock] = 'This form no longer knows its incident; open it again from the incident message.';
  return 0;
}

function validateDeclare({ values, privateMetadata }: ViewSubmission, config: BotConfig) {
  const errors: Errors = {};
  const title = str(values.title).replace(/\s+/g, ' ');
  if (!title) errors.title = 'Give the incident a title.';
  else if (title.length > MAX_TITLE) errors.title = `Keep the title under ${MAX_TITLE} characters.`;
  const severity = str(values.severity).toUpperCase();
  const severities = Object.keys(config.incidents.severities);
  if (!severities.includes(severity)) errors.severity = `Choose one of ${severities.join(', ')}.`;
  const services = Array.isArray(values.services) ? values.services : [];
  const known = config.services.map((s) => s.name);
  const unknown = services.filter((s) => !known.includes(s));
  if (unknown.length > 0) errors.services = `Not a configured service: ${unknown.join(', ').slice(0, 200)}.`;
  return result<DeclareInput>(errors, () => ({
    title,
    severity,
    services,
    impact: str(values.impact),
    commanderId: str(values.commander) || undefined,
    isPrivate: Array.isArray(values.private) && values.private.includes('private'),
    // The form's own key: a submission Slack or the user repeats declares once.
    requestKey: privateMetadata ? `modal:${privateMetadata}` : undefined,
  }));
}

const declare = (deps: IncidentCommandDeps): ViewHandler<DeclareInput> => ({
  permission: 'incident',
  validate: validateDeclare,
  async run(input, { actor }) {
    const { incident, created } = await deps.incidents.declare(input, actor);
    return declaredReply(incident, created, deps.chat);
  },
});

const update = (
  deps: IncidentCommandDeps,
): ViewHandler<{ number: number; status: IncidentStatus; text: string }> => ({
  permission: 'incident',
  validate({ values, privateMetadata }) {
    const errors: Errors = {};
    const number = incidentNumber(privateMetadata, 'status', errors);
    const status = str(values.status);
    if (!isStatus(status) || status === 'resolved') errors.status = 'Choose a status.';
    const text = str(values.text);
    if (!text) errors.text = 'Say what changed.';
    return result(errors, () => ({ number, status: status as IncidentStatus, text }));
  },
  async run({ number, status, text }, { actor }) {
    await deps.incidents.update(number, { status, text }, actor);
    return undefined;
  },
});

const assign = (
  deps: IncidentCommandDeps,
): ViewHandler<{ number: number; role: IncidentRole; userId: string }> => ({
  permission: 'incident',
  validate({ values, privateMetadata }) {
    const errors: Errors = {};
    const number = incidentNumber(privateMetadata, 'user', errors);
    const userId = str(values.user);
    if (!isUserId(userId)) errors.user = 'Choose a person.';
    const role = str(values.role);
    if (!isRole(role)) errors.role = 'Choose a role.';
    return result(errors, () => ({ number, role: role as IncidentRole, userId }));
  },
  async run({ number, role, userId }, { actor }) {
    await deps.incidents.assign(number, role, userId, actor);
    return undefined;
  },
});

const resolve = (
  deps: IncidentCommandDeps,
): ViewHandler<{ number: number; resolution: string; rootCause?: string }> => ({
  permission: 'incident',
  validate({ values, privateMetadata }) {
    const errors: Errors = {};
    const number = incidentNumber(privateMetadata, 'resolution', errors);
    const resolution = str(values.resolution);
    if (!resolution) errors.resolution = 'Say how it was resolved.';
    return result(errors, () => ({ number, resolution, rootCause: str(values.root_cause) || undefined }));
  },
  async run({ number, resolution, rootCause }, { actor }) {
    await deps.incidents.resolve(number, { resolution, rootCause }, actor);
    return undefined;
  },
});

const reassign = (deps: IncidentCommandDeps): ViewHandler<{ number: number; userId: string }> => ({
  permission: 'incident',
  validate({ values, privateMetadata }) {
    const errors: Errors = {};
    const number = incidentNumber(privateMetadata, 'user', errors);
    const userId = str(values.user);
    if (!isUserId(userId)) errors.user = 'Choose a person.';
    return result(errors, () => ({ number, userId }));
  },
  async run({ number, userId }, { actor, requestId }) {
    await deps.incidents.reassignPage(number, userId, actor, requestId);
    return undefined;
  },
});

export const createIncidentViews = (deps: IncidentCommandDeps): Record<string, AnyViewHandler> => ({
  declare: declare(deps),
  update: update(deps),
  assign: assign(deps),
  resolve: resolve(deps),
  reassign: reassign(deps),
});
