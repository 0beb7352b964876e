import { z } from 'zod';
import type { AlertGroup } from '../../alerts/alert-group.js';

const labels = z.record(z.string(), z.string()).default({});
const status = z.enum(['firing', 'resolved']);

/** Alertmanager's webhook body, version 4 (`<webhook_config>` docs); newer keys are accepted and ignored. */
export const webhookPayloadSchema = z.looseObject({
  version: z.literal('4', { error: 'only webhook version "4" is understood' }),
  groupKey: z.string().min(1).max(4000),
  status,
  receiver: z.string().optional(),
  groupLabels: labels,
  commonLabels: labels,
  commonAnnotations: labels,
  externalURL: z.string().optional(),
  truncatedAlerts: z.number().int().min(0).optional(),
  alerts: z
    .array(
      z.looseObject({
        status,
        labels,
        annotations: labels,
        startsAt: z.string(),
        endsAt: z.string().optional(),
        generatorURL: z.string().optional(),
        fingerprint: z.string().optional(),
      }),
    )
    .min(1)
    .max(1000),
});

export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/** The webhook body as the bot's own alert group (alerts/alert-group.ts). */
export function toAlertGroup(payload: WebhookPayload): AlertGroup {
  return {
    key: payload.groupKey,
    status: payload.status,
    groupLabels: payload.groupLabels,
    labels: payload.commonLabels,
    annotations: payload.commonAnnotations,
    alerts: payload.alerts.map((a) => ({
      status: a.status,
      labels: a.labels,
      annotations: a.annotations,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      sourceId: a.fingerprint,
    })),
  };
}
