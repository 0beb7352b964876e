import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { AlertNotifier } from '../../alerts/alert-notifier.js';
import { formatPath } from '../../core/zod-issues.js';
import { type HttpRoute, readBody, sendJson } from '../../http/http-server.js';
import { toAlertGroup, webhookPayloadSchema } from './webhook-payload.js';

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * `POST /webhooks/alertmanager`: checks the optional bearer token, validates the version 4 body,
 * then hands the group to the notifier. Refused requests store nothing.
 */
export function alertmanagerWebhookRoute(deps: {
  token?: string;
  notifier: AlertNotifier;
  log: Logger;
}): HttpRoute {
  return {
    method: 'POST',
    path: '/webhooks/alertmanager',
    async handle(req, res) {
      if (deps.token !== undefined) {
        const header = req.headers.authorization ?? '';
        const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
        if (!sameSecret(given, deps.token)) {
          deps.log.warn({ remote: req.socket.remoteAddress }, 'alertmanager webhook: bad or missing token');
          sendJson(res, 401, { error: 'missing or wrong bearer token' });
          return;
        }
      }
      const raw = await readBody(req);
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        sendJson(res, 400, { error: 'body is not JSON' });
        return;
      }
      const parsed = webhookPayloadSchema.safeParse(json);
      if (!parsed.success) {
        const problems = parsed.error.issues
          .slice(0, 5)
          .map((i) => `${formatPath(i.path) || 'body'}: ${i.message}`);
        sendJson(res, 400, { error: 'not an Alertmanager webhook v4 body', problems });
        return;
      }
      const outcome = await deps.notifier.notify(toAlertGroup(parsed.data));
      deps.log.info(
        { groupKey: parsed.data.groupKey, status: parsed.data.status, outcome },
        'alertmanager webhook',
      );
      sendJson(res, 200, { status: 'ok', outcome });
    },
  };
}
