import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { type HttpRoute, headerOf, json } from '../../http/routes.js';
import { eventTypeOf, isHandledEventType } from './webhook-event.js';
import type { PagerDutyWebhookInbox } from './webhook-inbox.js';
import { verifyPagerDutySignature } from './webhook-signature.js';

/**
 * `POST /webhooks/pagerduty` (webhooks v3): signature first, then store, then answer; the
 * incident domain gets the event after the answer. Anything we will not act on is answered
 * without touching the store, with one log line saying why.
 */
export function pagerDutyWebhookRoute(deps: {
  secret: string | undefined;
  inbox: PagerDutyWebhookInbox;
  log: Logger;
}): HttpRoute {
  const { secret, inbox, log } = deps;
  return {
    method: 'POST',
    path: '/webhooks/pagerduty',
    async handle(request) {
      const raw = Buffer.from(request.body);
      const webhookId = headerOf(request, 'x-webhook-id');
      if (!secret || !verifyPagerDutySignature(secret, raw, headerOf(request, 'x-pagerduty-signature'))) {
        log.warn(
          { webhookId, reason: secret ? 'bad or missing signature' : 'PAGERDUTY_WEBHOOK_SECRET is not set' },
          'PagerDuty webhook rejected',
        );
        return json(401, { error: 'invalid signature' });
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        log.warn({ webhookId }, 'PagerDuty webhook ignored: malformed JSON');
        return json(400, { error: 'malformed JSON' });
      }
      const type = eventTypeOf(body);
      if (!isHandledEventType(type)) {
        log.info({ webhookId, eventType: type ?? null }, 'PagerDuty webhook ignored: event type not handled');
        return json(200, { status: 'ignored' });
      }
      const id = webhookId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
      if (!(await inbox.accept(id, type!, body))) {
        log.info({ webhookId: id }, 'PagerDuty webhook already received');
        return json(200, { status: 'duplicate' });
      }
      return { ...json(202, { status: 'accepted' }), afterResponse: () => inbox.processLater(id) };
    },
  };
}
