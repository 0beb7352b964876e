import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { type HttpRoute, readBody, sendJson } from '../../http/http-server.js';
import { eventTypeOf, isHandledEventType } from './webhook-event.js';
import type { PagerDutyWebhookInbox } from './webhook-inbox.js';
import { verifyPagerDutySignature } from './webhook-signature.js';

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

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
    async handle(req, res) {
      const raw = await readBody(req);
      const webhookId = header(req.headers['x-webhook-id']);
      if (!secret || !verifyPagerDutySignature(secret, raw, header(req.headers['x-pagerduty-signature']))) {
        log.warn(
          { webhookId, reason: secret ? 'bad or missing signature' : 'PAGERDUTY_WEBHOOK_SECRET is not set' },
          'PagerDuty webhook rejected',
        );
        sendJson(res, 401, { error: 'invalid signature' });
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        log.warn({ webhookId }, 'PagerDuty webhook ignored: malformed JSON');
        sendJson(res, 400, { error: 'malformed JSON' });
        return;
      }
      const type = eventTypeOf(body);
      if (!isHandledEventType(type)) {
        log.info({ webhookId, eventType: type ?? null }, 'PagerDuty webhook ignored: event type not handled');
        sendJson(res, 200, { status: 'ignored' });
        return;
      }
      const id = webhookId ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
      if (!(await inbox.accept(id, type!, body))) {
        log.info({ webhookId: id }, 'PagerDuty webhook already received');
        sendJson(res, 200, { status: 'duplicate' });
        return;
      }
      sendJson(res, 202, { status: 'accepted' });
      inbox.processLater(id);
    },
  };
}
