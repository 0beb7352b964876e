import type { PagerEvent, PagerEventKind } from '../../incident/pager-events.js';

const KINDS: Record<string, PagerEventKind> = {
  'incident.triggered': 'triggered',
  'incident.acknowledged': 'acknowledged',
  'incident.resolved': 'resolved',
  'incident.escalated': 'escalated',
  'incident.reassigned': 'reassigned',
};

interface Reference {
  id?: unknown;
  summary?: unknown;
  html_url?: unknown;
}

interface WebhookBody {
  event?: {
    event_type?: unknown;
    occurred_at?: unknown;
    agent?: Reference | null;
    data?: {
      id?: unknown;
      number?: unknown;
      title?: unknown;
      html_url?: unknown;
      incident_key?: unknown;
      assignees?: Reference[];
      escalation_policy?: Reference | null;
    };
  };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export function eventTypeOf(body: unknown): string | undefined {
  return text((body as WebhookBody | null)?.event?.event_type);
}

export function isHandledEventType(type: string | undefined): boolean {
  return type !== undefined && type in KINDS;
}

/** The domain's view of a webhook v3 incident event; undefined for types we do not act on. */
export function toPagerEvent(body: unknown, deliveryId: string, receivedAt: Date): PagerEvent | undefined {
  const event = (body as WebhookBody).event;
  const kind = KINDS[text(event?.event_type) ?? ''];
  const data = event?.data;
  const id = text(data?.id);
  if (!kind || !data || !id) return undefined;
  const occurred = new Date(text(event?.occurred_at) ?? '');
  return {
    kind,
    deliveryId,
    dedupKey: text(data.incident_key),
    vendorIncident: {
      id,
      number: typeof data.number === 'number' ? data.number : undefined,
      title: text(data.title),
      url: text(data.html_url),
    },
    by: text(event?.agent?.summary),
    assignees: (Array.isArray(data.assignees) ? data.assignees : [])
      .map((a) => text(a?.summary))
      .filter((s): s is string => s !== undefined),
    escalationPolicy: text(data.escalation_policy?.summary),
    occurredAt: Number.isNaN(occurred.getTime()) ? receivedAt : occurred,
  };
}
