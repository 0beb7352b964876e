import { z } from 'zod';
import { labelMatchValue } from './validators.js';

const url = z.url({ message: 'invalid URL' });
const name = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'must be lower-case letters, digits and dashes (e.g. alertmanager)');

export const alertSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('alertmanager'),
    name,
    /** Alertmanager base URL, e.g. http://alertmanager:9093 */
    url,
    /** Label matchers passed as `filter` to /api/v2/alerts, e.g. `team="platform"`. */
    filter: z.array(z.string().min(3)).default([]),
  }),
  z.strictObject({
    kind: z.literal('bers'),
    name,
    /** The BERS monitoring API base (seed 000: http://localhost:3003). */
    url,
    /** Service shown for its alerts when an alert names none. */
    service: z.string().min(1).max(64).optional(),
  }),
]);

const routeSchema = z.strictObject({
  /** Every label listed must equal its value (a value written /regex/ is matched as one). */
  match: z
    .record(z.string(), labelMatchValue)
    .refine((m) => Object.keys(m).length > 0, 'name at least one label'),
  channel: z.string().min(1),
});

const minutes = z
  .number()
  .int()
  .positive()
  .max(7 * 24 * 60);

/**
 * The push alert sources: webhooks the bot serves (the pull sources are `sources` below). Each has
 * its settings here (Alertmanager's: `webhook`) and one case in src/wiring/push-alert-source-kinds.ts.
 */
export const pushAlertSourceKinds = ['alertmanager'] as const;
export type PushAlertSourceKind = (typeof pushAlertSourceKinds)[number];

export const alertsSettingsSchema = z
  .strictObject({
    sources: z.array(alertSourceSchema).default([]),
    /** Per-source timeout for list / ack / resolve. */
    timeoutMs: z.number().int().positive().max(60_000).default(3000),
    /** How long `ack` on an Alertmanager alert silences it. */
    ackSilenceMinutes: minutes.default(120),
    /** Response targets by severity (seed 000); info is due the next business day. */
    responseMinutes: z
      .strictObject({ critical: minutes.default(5), warning: minutes.default(30) })
      .prefault({}),
    /** Channel for webhook notifications no route matches. */
    channel: z.string().min(1).default('#alerts'),
    routes: z.array(routeSchema).default([]),
    webhook: z
      .strictObject({
        /** Bearer token Alertmanager must send (`http_config.authorization`); use ${VAR}. */
        token: z.string().min(16, 'use at least 16 characters').optional(),
        /** The Alertmanager source the buttons act on; default: the first one. */
        source: name.optional(),
      })
      .prefault({}),
  })
  .prefault({})
  .superRefine((alerts, ctx) => {
    const seen = new Set<string>();
    alerts.sources.forEach((source, i) => {
      if (seen.has(source.name))
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'name'], message: 'duplicate source name' });
      seen.add(source.name);
    });
    const target = alerts.webhook.source;
    if (target && !alerts.sources.some((s) => s.name === target && s.kind === 'alertmanager')) {
      ctx.addIssue({
        code: 'custom',
        path: ['webhook', 'source'],
        message: `no alertmanager source named "${target}"`,
      });
    }
  });

export type AlertsSettings = z.infer<typeof alertsSettingsSchema>;
