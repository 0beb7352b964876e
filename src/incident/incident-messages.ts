import type { Message } from '../core/message.js';
import type { Mrkdwn, Text } from '../core/mrkdwn.js';
import type { Incident } from './model.js';
import type { PageRecord } from './page-model.js';

/**
 * The rendering port of the incident flows: they decide what to say (our mrkdwn, the rendered
 * templates, the incident and its page) and this turns it into the message that is posted.
 * src/views/incident-messages.ts implements it with Block Kit; the composition root hands it in,
 * and a test can hand in anything that keeps the text.
 */
export interface IncidentMessages {
  /** A short line in the incident channel (nudges, flags, role notices): our markup or plain text. */
  notice(text: Text): Message;
  /** The initial report, with the buttons that act on the incident while it is open. */
  report(incident: Incident, rendered: Mrkdwn): Message;
  /** A posted template (status update, resolution report), without buttons. */
  template(incident: Incident, rendered: Mrkdwn): Message;
  /** What the announcement channel sees of a private incident: no title, no detail. */
  privateAnnouncement(incident: Incident, what: 'declared' | 'updated' | 'resolved'): Message;
  /** The post-mortem draft (Markdown, as its file has it) shown in the channel. */
  postMortem(incident: Incident, markdown: Mrkdwn): Message;
  /** A page's card in the incident channel, edited in place as the pager reports. */
  pageCard(incident: Incident, page: PageRecord, reason: string): Message;
}
