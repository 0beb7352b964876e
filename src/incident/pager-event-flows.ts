import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import type { IncidentService } from './incident-service.js';
import { numberOf, pageDeliveryFlows } from './page-delivery-flows.js';
import type { PageChange } from './page-state.js';
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

/**
 * How the incident lifecycle takes what PagerDuty reports. Every event goes into the timeline once
 * (by delivery id) and onto the page card; the channel hears only what is news here: an
 * acknowledgement of an incident nobody here had acknowledged, a resolve of one still open, an
 * assignment that changed. What the bot itself did in PagerDuty comes back as no news, so it is
 * never echoed.
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
        const text = describe(event);
        const fresh = await incidents.addTimelineEntry(number, {
          kind: `pagerduty-${event.kind}`,
          text,
          at: event.occurredAt,
          actorName: event.by,
          sourceKey: `pagerduty:${event.deliveryId}`,
        });
        if (!fresh) return;
        const page = await incidents.changePage(number, pageChangeOf(event));
        if (event.kind === 'triggered') return;
        if (event.kind === 'acknowledged') {
          const by = { id: 'pagerduty', name: `${event.by ?? 'someone'} (PagerDuty)` };
          const ack = await incidents.acknowledge(number, by, { at: event.occurredAt, fromPager: true });
          if (!ack.acknowledged) return;
        }
        if (event.kind === 'resolved' && incident.resolvedAt) return;
        if ((event.kind === 'reassigned' || event.kind === 'escalated') && page && !page.changed) return;
        await incidents.notify(number, `:pager: ${text}`);
      },
    },
  };
}
