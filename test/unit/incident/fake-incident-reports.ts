import type { Message } from '../../../src/core/message.js';
import type { Incident, TimelineEntry } from '../../../src/incident/model.js';
import type { IncidentReports } from '../../../src/incident/reports.js';

/** What a flow asked the reports for: which report, of which incident, with what. */
export interface ReportCall {
  report: string;
  incident: Incident;
  timeline?: TimelineEntry[];
}

const FAKED = ['update', 'announcement', 'resolution', 'postMortem'];

/**
 * The reports without templates: each message says which report it is, and every call is kept
 * (with the incident as the flow had it then), so a test reads what a flow would have posted. A
 * private incident's announcement is the short one, as the real reports make it. Any other report
 * throws: a flow that starts using one needs a test that gives it.
 */
export function fakeIncidentReports(): IncidentReports & { calls: ReportCall[] } {
  const calls: ReportCall[] = [];
  const faked = {
    calls,
    update(incident: Incident, status: string, text: string): Message {
      calls.push({ report: 'update', incident });
      return { text: `update #${incident.number} ${status}: ${text}` };
    },
    announcement(incident: Incident, what: string, full: Message): Message {
      calls.push({ report: 'announcement', incident });
      return incident.isPrivate ? { text: `private announcement #${incident.number} ${what}` } : full;
    },
    resolution(incident: Incident): Message {
      calls.push({ report: 'resolution', incident });
      return { text: `resolution #${incident.number}: ${incident.resolution}` };
    },
    postMortem(incident: Incident, timeline: TimelineEntry[]): Message {
      calls.push({ report: 'postMortem', incident, timeline });
      return { text: `post-mortem #${incident.number}: ${timeline.length} entries` };
    },
  };
  return new Proxy(faked, {
    get(target, member) {
      if (member === 'calls' || FAKED.includes(String(member))) return target[member as keyof typeof target];
      throw new Error(`the flow used reports.${String(member)}, which this test did not give it`);
    },
  }) as unknown as IncidentReports & { calls: ReportCall[] };
}
