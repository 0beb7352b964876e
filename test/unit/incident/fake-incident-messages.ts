import type { Message } from '../../../src/core/message.js';
import { renderText } from '../../../src/core/mrkdwn.js';
import type { IncidentMessages } from '../../../src/incident/incident-messages.js';

/** One call to the rendering port: which kind of message, and the text the flow gave it. */
export interface Rendered {
  kind: keyof IncidentMessages;
  incident?: number;
  text: string;
}

/**
 * The incident rendering port without Block Kit: each message is its kind and the flow's text as
 * it will be sent (escaped mrkdwn), and every call is kept, so a test reads what a flow said.
 */
export function fakeIncidentMessages(): IncidentMessages & { calls: Rendered[] } {
  const calls: Rendered[] = [];
  const keep = (call: Rendered): Message => {
    calls.push(call);
    return { text: `${call.kind}: ${call.text}` };
  };
  return {
    calls,
    notice: (text) => keep({ kind: 'notice', text: renderText(text) }),
    report: (incident, rendered) =>
      keep({ kind: 'report', incident: incident.number, text: rendered.source }),
    template: (incident, rendered) =>
      keep({ kind: 'template', incident: incident.number, text: rendered.source }),
    privateAnnouncement: (incident, what) =>
      keep({ kind: 'privateAnnouncement', incident: incident.number, text: what }),
    postMortem: (incident, markdown) =>
      keep({ kind: 'postMortem', incident: incident.number, text: markdown.source }),
    pageCard: (incident, page, reason) =>
      keep({ kind: 'pageCard', incident: incident.number, text: `${page.state} · ${reason}` }),
  };
}
