import type { Logger } from 'pino';
import type { IncidentService } from './incident-service.js';
import type { PageFailure, PageFailureSink, PagerEvent, PagerEventSink } from './pager-events.js';

const NUMBER = /^bers-incident-(\d+)$/;

function numberOf(dedupKey: string | undefined): number | undefined {
  const match = dedupKey ? NUMBER.exec(dedupKey) : null;
  return match ? Number(match[1]) : undefined;
}

const ACTION = { trigger: 'page', acknowledge: 'acknowledgement', resolve: 'resolve' } as const;

function describe(event: PagerEvent): string {
  const by = event.by ? ` by ${event.by}` : '';
  const to = event.assignees.length > 0 ? ` to ${event.assignees.join(', ')}` : '';
  switch (event.kind) {
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

/**
 * How the incident lifecycle takes what the pager reports: a page that could not be delivered is
 * posted in the incident channel; PagerDuty's acknowledgements, resolutions, escalations and
 * reassignments go into the timeline and the channel, and an acknowledgement also marks the
 * incident acknowledged (MTTA) and refreshes its reports. Each is recorded once (by source key).
 */
export function incidentPagerSinks(
  incidents: IncidentService,
  log: Logger,
): { failures: PageFailureSink; events: PagerEventSink } {
  return {
    failures: {
      async pageFailed(failure: PageFailure) {
        const number = failure.incidentNumber ?? numberOf(failure.dedupKey);
        if (number === undefined || !(await incidents.get(number))) {
          log.error(failure, 'page could not be delivered, and no incident matches it');
          return;
        }
        const text = `:warning: PagerDuty did not accept the ${ACTION[failure.action]} for incident #${number}: ${failure.reason}`;
        if (await incidents.addTimelineEntry(number, { kind: 'paging', text, sourceKey: failure.id })) {
          await incidents.notify(number, text);
        }
      },
    },
    events: {
      async pagerEvent(event: PagerEvent) {
        const number = numberOf(event.dedupKey);
        if (number === undefined || !(await incidents.get(number))) {
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
        if (event.kind === 'acknowledged') {
          const by = { id: 'pagerduty', name: `${event.by ?? 'someone'} (PagerDuty)` };
          await incidents.acknowledge(number, by, { at: event.occurredAt, fromPager: true });
        }
        await incidents.notify(number, `:pager: ${text}`);
      },
    },
  };
}
