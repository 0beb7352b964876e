import { z } from 'zod';

const pdSeverity = z.enum(['critical', 'error', 'warning', 'info']);
const pdId = z.string().regex(/^[A-Z0-9]{2,20}$/, 'must be a PagerDuty id such as PUS0KTE');

const pagerDutyServiceSchema = z.strictObject({
  /** Events v2 integration key for this service (by ${VAR}); default PAGERDUTY_ROUTING_KEY. */
  routingKey: z.string().min(1).optional(),
  /** `false` for services whose incidents never page. */
  pages: z.boolean().default(true),
  /** Who `/bers oncall <service>` shows. */
  escalationPolicies: z.array(pdId).default([]),
  schedules: z.array(pdId).default([]),
});

export const pagerDutySettingsSchema = z
  .strictObject({
    /** Incident severity → Events v2 severity. */
    severities: z
      .record(z.string(), pdSeverity)
      .default({ P0: 'critical', P1: 'error', P2: 'warning', P3: 'info' }),
    /** Keyed by the name of a service in `services`. */
    services: z.record(z.string(), pagerDutyServiceSchema).default({}),
    /**
     * The PagerDuty user (e-mail) that reassigns and escalates from Slack when the Slack user's own
     * e-mail is no PagerDuty user's (PagerDuty's REST API requires one on every change).
     */
    fromEmail: z.email().optional(),
    /** What `/bers oncall` without a service shows, besides every service's own policies. */
    oncall: z
      .strictObject({
        escalationPolicies: z.array(pdId).default([]),
        schedules: z.array(pdId).default([]),
        cacheSeconds: z.number().int().min(0).max(3600).default(60),
      })
      .prefault({}),
    delivery: z
      .strictObject({
        /** Each send is abandoned (and retried) after this long, whatever the network does. */
        attemptTimeoutMs: z.number().int().positive().max(120_000).default(10_000),
        /** First retry delay; doubles per attempt (with jitter) up to maxBackoffMs. */
        baseBackoffMs: z.number().int().positive().default(1_000),
        maxBackoffMs: z.number().int().positive().max(3_600_000).default(30_000),
        /** How often the worker looks for due events when nothing wakes it. */
        pollMs: z.number().int().positive().default(1_000),
      })
      .prefault({}),
  })
  .prefault({});

export type PagerDutySettings = z.infer<typeof pagerDutySettingsSchema>;
