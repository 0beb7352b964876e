import { createHmac, randomBytes } from 'node:crypto';

export interface IncidentEventFields {
  incidentKey: string;
  /** The PagerDuty incident's id; its number and link follow from it. */
  id?: string;
  number?: number;
  agent?: string;
  /** `user_reference` by default; our own API calls come back as the integration's service. */
  agentType?: string;
  assignees?: string[];
  escalationPolicy?: string;
  occurredAt?: string;
  status?: string;
}

/** A webhooks v3 `incident.<type>` body in PagerDuty's shape (fixtures/pagerduty-webhook-v3-signing.json). */
export function incidentWebhook(type: string, f: IncidentEventFields): string {
  const id = f.id ?? 'PINC001';
  return JSON.stringify({
    event: {
      id: `EV${randomBytes(6).toString('hex')}`,
      event_type: `incident.${type}`,
      resource_type: 'incident',
      occurred_at: f.occurredAt ?? new Date().toISOString(),
      agent: f.agent ? { id: 'PAGENT1', summary: f.agent, type: f.agentType ?? 'user_reference' } : null,
      client: null,
      data: {
        id,
        type: 'incident',
        html_url: `https://acme.pagerduty.com/incidents/${id}`,
        number: f.number ?? 7,
        status: f.status ?? type,
        title: 'from the bot',
        incident_key: f.incidentKey,
        assignees: (f.assignees ?? []).map((summary, i) => ({
          id: `PUSER${i}`,
          summary,
          type: 'user_reference',
        })),
        escalation_policy: f.escalationPolicy
          ? { id: 'PPOLICY', summary: f.escalationPolicy, type: 'escalation_policy_reference' }
          : null,
      },
    },
  });
}

/** Posts a signed webhook to the bot, as PagerDuty delivers one (its own delivery id each time). */
export async function deliverWebhook(
  url: string,
  secret: string,
  body: string,
  webhookId = `WH-${randomBytes(6).toString('hex')}`,
): Promise<number> {
  const signature = `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const response = await fetch(`${url}/webhooks/pagerduty`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-pagerduty-signature': signature,
      'x-webhook-id': webhookId,
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}
