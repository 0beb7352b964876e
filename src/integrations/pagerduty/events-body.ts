import type { PagerDutySettings } from '../../config/pagerduty-schema.js';
import type { PageRequest } from '../../incident/pager.js';

/** Events v2 limits (fixtures/pagerduty-events-v2.md). */
export const SUMMARY_MAX = 1024;
export const DEDUP_KEY_MAX = 255;

export type EventAction = 'trigger' | 'acknowledge' | 'resolve';

/** An Events v2 event without its routing key, which is resolved only when it is sent. */
export interface EventBody {
  event_action: EventAction;
  dedup_key: string;
  payload?: {
    summary: string;
    source: string;
    severity: 'critical' | 'error' | 'warning' | 'info';
    component?: string;
    class: string;
    custom_details: Record<string, unknown>;
  };
  links?: { href: string; text: string }[];
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function triggerBody(request: PageRequest, settings: PagerDutySettings, source: string): EventBody {
  return {
    event_action: 'trigger',
    dedup_key: request.dedupKey,
    payload: {
      summary: truncate(request.summary || `${request.severity} - ${request.title}`, SUMMARY_MAX),
      source,
      // An unmapped custom severity still pages, loudly rather than quietly.
      severity: settings.severities[request.severity] ?? 'critical',
      ...(request.services[0] ? { component: request.services[0] } : {}),
      class: 'incident',
      custom_details: {
        incident: request.incidentNumber,
        title: request.title,
        severity: request.severity,
        ...(request.commanderName || request.commander
          ? { commander: request.commanderName ?? request.commander }
          : {}),
        services: request.services,
        ...(request.failingChecks?.length ? { failing_checks: request.failingChecks } : {}),
        ...(request.origin ? { started_by: request.origin } : {}),
        ...(request.channelLink ? { slack_channel: request.channelLink } : {}),
      },
    },
    ...(request.channelLink ? { links: [{ href: request.channelLink, text: 'Incident channel' }] } : {}),
  };
}

export function followUpBody(action: 'acknowledge' | 'resolve', dedupKey: string): EventBody {
  return { event_action: action, dedup_key: dedupKey };
}
