import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { AlertNotifier } from '../../alerts/alert-notifier.js';
import { formatPath } from '../../core/zod-issues.js';
import { bodyText, type HttpRoute, headerOf, json } from '../../http/routes.js';
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
    async handle(request) {
      if (deps.token !== undefined) {
        const given = /^Bearer (.+)$/i.exec(headerOf(request, 'authorization') ?? '')?.[1] ?? '';
        if (!sameSecret(given, deps.token)) {
          deps.log.warn({ remote: request.remoteAddress }, 'alertmanager webhook: bad or missing token');
          return json(401, { error: 'missing or wrong bearer token' });
        }
      }
      let body: unknown;
      try {
        body = JSON.parse(bodyText(request));
      } catch {
        return json(400, { error: 'body is not JSON' });
      }
      const parsed = webhookPayloadSchema.safeParse(body);
      if (!parsed.success) {
        const problems = parsed.error.issues
          .slice(0, 5)
          .map((i) => `${formatPath(i.path) || 'body'}: ${i.message}`);
        return json(400, { error: 'not an Alertmanager webhook v4 body', problems });
      }
      const outcome = await deps.notifier.notify(toAlertGroup(parsed.data));
      deps.log.info(
        { groupKey: parsed.data.groupKey, status: parsed.data.status, outcome },
        'alertmanager webhook',
      );
      return json(200, { status: 'ok', outcome });
    },
  };
}
