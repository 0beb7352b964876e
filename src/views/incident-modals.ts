import type { ModalView } from '../core/chat.js';
import { actionId } from '../core/command.js';
import { ROLE_TITLES, ROLES, STATUSES } from '../incident/model.js';
import { plainObject } from './blocks.js';

export const INCIDENT_VIEWS = {
  declare: actionId('incident', 'declare'),
  update: actionId('incident', 'update'),
  assign: actionId('incident', 'assign'),
  resolve: actionId('incident', 'resolve'),
  reassign: actionId('incident', 'reassign'),
} as const;

// Modals show plain_text only: Slack does not parse it, so nothing here needs escaping.
const plain = (text: string) => plainObject(text, 75);
const option = (value: string, text = value) => ({ text: plain(text), value });

function input(blockId: string, label: string, element: Record<string, unknown>, optional = false) {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    optional,
    element: { action_id: blockId, ...element },
  };
}

function modal(
  callbackId: string,
  title: string,
  submit: string,
  metadata: string,
  blocks: unknown[],
): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plainObject(title, 24),
    submit: plain(submit),
    close: plain('Cancel'),
    private_metadata: metadata,
    blocks: blocks as ModalView['blocks'],
  };
}

/** `/bers incident`: title, severity, services, impact, commander, private. */
export function declareModal(
  severities: [string, string][],
  services: string[],
  requestKey: string,
): ModalView {
  return modal(INCIDENT_VIEWS.declare, 'Declare incident', 'Declare', requestKey, [
    input('title', 'Title', {
      type: 'plain_text_input',
      max_length: 150,
      placeholder: plain('Checkout is failing'),
    }),
    input('severity', 'Severity', {
      type: 'static_select',
      options: severities.map(([name, description]) => option(name, `${name} – ${description}`)),
    }),
    input(
      'services',
      'Affected services',
      { type: 'multi_static_select', options: services.slice(0, 100).map((s) => option(s)) },
      true,
    ),
    input('impact', 'Impact', { type: 'plain_text_input', multiline: true, max_length: 1000 }, true),
    input('commander', 'Incident commander', { type: 'users_select' }, true),
    input(
      'private',
      'Visibility',
      {
        type: 'checkboxes',
        options: [option('private', 'Private (security): private channel, no detail announced')],
      },
      true,
    ),
  ]);
}

export function updateModal(number: number): ModalView {
  return modal(INCIDENT_VIEWS.update, `Update #${number}`, 'Post update', String(number), [
    input('status', 'Status', {
      type: 'static_select',
      options: STATUSES.filter((s) => s !== 'resolved').map((s) => option(s)),
    }),
    input('text', 'What changed', { type: 'plain_text_input', multiline: true, max_length: 2000 }),
  ]);
}

export function assignModal(number: number): ModalView {
  return modal(INCIDENT_VIEWS.assign, `Assign role #${number}`, 'Assign', String(number), [
    input('user', 'Person', { type: 'users_select' }),
    input('role', 'Role', { type: 'static_select', options: ROLES.map((r) => option(r, ROLE_TITLES[r])) }),
  ]);
}

export function resolveModal(number: number): ModalView {
  return modal(INCIDENT_VIEWS.resolve, `Resolve #${number}`, 'Resolve', String(number), [
    input('resolution', 'Resolution', { type: 'plain_text_input', multiline: true, max_length: 2000 }),
    input(
      'root_cause',
      'Root cause (preliminary)',
      { type: 'plain_text_input', multiline: true, max_length: 2000 },
      true,
    ),
  ]);
}

/** The page card's Reassign: who in PagerDuty takes the page now. */
export function reassignModal(number: number): ModalView {
  return modal(INCIDENT_VIEWS.reassign, `Reassign page #${number}`, 'Reassign', String(number), [
    input('user', 'Give the page to', { type: 'users_select' }),
  ]);
}
