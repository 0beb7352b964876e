import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { ConflictError } from '../core/errors.js';
import type { IncidentService } from './incident-service.js';
import type { Incident } from './model.js';
import { numberOf, pageDeliveryFlows } from './page-delivery-flows.js';
import type { PageChange } from './page-model.js';
import type { PageFailureSink, PagerEvent, PagerEventSink } from './pager-events.js';

function describe(event: PagerEvent): string {
  const by = event.by ? ` by ${event.by}` : '';
  const to = event.assignees.length > 0 ? ` to ${event.assignees.join(', ')}` : '';
  switch (event.kind) {
    case 'triggered':
      return `Triggered in PagerDuty${to ? `, assigned${to}` : ''}`;
    case 'acknowledged':
      return `Acknowledged in PagerDuty${by}`;
    case 'resolved':
      return `Resolved in PagerDuty${by}`;
    case 'escalated':
      return `Escalated in PagerDuty${to}${event.escalationPolicy ? ` (${event.escalationPolicy})` : ''}`;
    case 'reassigned':
      return `Reassigned in PagerDuty${to}${by}`;
  }
}

/** What the event says about the page, for its card. */
function pageChangeOf(event: PagerEvent): PageChange {
  const vendor = {
    id: event.vendorIncident.id,
    number: event.vendorIncident.number,
    url: event.vendorIncident.url,
  };
  const assignment = {
    ...(event.assignees.length > 0 || event.kind === 'reassigned' ? { assignees: event.assignees } : {}),
    ...(event.escalationPolicy ? { escalationPolicy: event.escalationPolicy } : {}),
  };
  switch (event.kind) {
    case 'triggered':
      return { state: 'triggered', note: null, delayedSince: null, vendor, ...assignment };
    case 'acknowledged':
      return { state: 'acknowledged', vendor, acknowledgedBy: event.by ?? 'someone', ...assignment };
    case 'resolved':
      return { state: 'resolved', vendor, resolvedBy: event.by, assignees: [] };
    default:
      return { vendor, ...assignment };
  }
}

/** Resolved in PagerDuty, and its severity says that resolves it here too. Nothing goes back. */
async function resolvedThere(
  incidents: IncidentService,
  number: number,
  by: { id: string; name: string },
  text: string,
): Promise<void> {
  try {
    await incidents.resolve(number, { resolution: text }, by, { fromPager: true });
  } catch (error) {
    // Resolved here at the same moment: that resolution stands.
    if (!(error instanceof ConflictError)) throw error;
  }
}

/**
 * Whether the event is PagerDuty reporting back what was done here: an acknowledgement or resolve
 * of an incident already acknowledged or resolved here, a reassign or escalate asked for here.
 */
async function isEcho(incidents: IncidentService, event: PagerEvent, incident: Incident): Promise<boolean> {
  switch (event.kind) {
    case 'acknowledged':
      return incident.acknowledgedAt !== undefined;
    case 'resolved':
      return incident.resolvedAt !== undefined;
    case 'reassigned':
    case 'escalated':
      return incidents.madeHereRecently(incident.number, event.kind);
    default:
      return false;
  }
}

/**
 * How the incident lifecycle takes what PagerDuty reports. Every event moves the page card; what
 * is news here also goes into the timeline (once, by delivery id) and the channel: an
 * acknowledgement or resolve made in PagerDuty, an assignment that changed there. What the bot
 * itself did in PagerDuty comes back as no news, so it is never echoed.
 */
export function incidentPagerSinks(
  incidents: IncidentService,
  log: Logger,
  clock: Clock,
): { failures: PageFailureSink; events: PagerEventSink } {
  return {
    failures: pageDeliveryFlows(incidents, clock, log),
    events: {
      async pagerEvent(event: PagerEvent) {
        const number = numberOf(event.dedupKey);
        const incident = number === undefined ? undefined : await incidents.get(number);
        if (number === undefined || !incident) {
          log.info(
            { kind: event.kind, vendorIncident: event.vendorIncident.id },
            'PagerDuty event for no incident of ours',
          );
          return;
        }
        const echo = await isEcho(incidents, event, incident);
        // An echo keeps who did it here (bob, not PagerDuty's "Events API"); the vendor's details still count.
        const change = pageChangeOf(event);
        const page = await incidents.changePage(
          number,
          echo ? { ...change, acknowledgedBy: undefined, resolvedBy: undefined } : change,
        );
        if (echo) return;
        const text = describe(event);
        const by = { id: 'pagerduty', name: `${event.by ?? 'someone'} (PagerDuty)` };
        // Resolved here too: the resolution's own timeline entry and report say it.
        if (event.kind === 'resolved' && incidents.pagerResolves(incident.severity))
          return resolvedThere(incidents, number, by, text);
        const fresh = await incidents.addTimelineEntry(number, {
          kind: `pagerduty-${event.kind}`,
          text,
          at: event.occurredAt,
          actorName: event.by,
          sourceKey: `pagerduty:${event.deliveryId}`,
        });
        if (!fresh) return;
        switch (event.kind) {
          case 'triggered':
            return;
          case 'acknowledged': {
            const ack = await incidents.acknowledge(number, by, { at: event.occurredAt, fromPager: true });
            if (ack.acknowledged) await incidents.notify(number, `:pager: ${text}`);
            return;
          }
          case 'resolved':
            return incidents.notify(
              number,
              `:pager: ${text}. ${incident.severity} incidents stay open here until someone resolves them: /bers incident resolve ${number} <resolution…>`,
            );
          default:
            if (page && !page.changed) return;
            await incidents.notify(number, `:pager: ${text}`);
        }
      },
    },
  };
}
