import { z } from 'zod';
import { durationMs } from '../core/duration.js';
import { cronExpression, timeZone } from './validators.js';

/** `24h`, `2h`, `30m`: how long before a window starts it is announced. */
const leadTime = z
  .string()
  .refine((text) => (durationMs(text) ?? 0) >= 60_000, 'a lead time like 24h, 2h or 30m')
  .transform((text) => Math.round(durationMs(text)! / 60_000));

/** An equality matcher: the label `name` is exactly `value`. */
const labelMatcher = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a Prometheus label name'),
  value: z.string().min(1).max(200),
});

export const maintenanceWindowSchema = z.strictObject({
  /** Names the window's row; renaming it starts a new window. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes'),
  title: z.string().min(1).max(120).optional(),
  /** When each occurrence starts (5 fields, or 6 with seconds first). */
  cron: cronExpression,
  timezone: timeZone.default('UTC'),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60),
  services: z.array(z.string()).min(1, 'name at least one service'),
  announce: z.array(leadTime).max(5).prefault(['24h', '2h']),
  /** A Handlebars template (mrkdwn) posted with each announcement; the built-in checklist if unset. */
  checklist: z.string().min(1).optional(),
});

export const maintenanceSettingsSchema = z
  .strictObject({
    /** Where announcements go when a service has no channel of its own; default `alerts.channel`. */
    channel: z.string().optional(),
    /** The alert label that names a service, silenced for the window (Alertmanager sources). */
    silenceLabel: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
      .default('service'),
    /**
     * Per service, the Alertmanager label matchers its silence uses instead of
     * `silenceLabel=<service>`, for rules that label by job or app (`[{ name: job, value: unjucks-api }]`).
     */
    silenceMatchers: z
      .record(z.string(), z.array(labelMatcher).min(1, 'give at least one matcher').max(10))
      .default({}),
    /** Announcements of a one-off window (`/bers maintenance schedule`), when far enough ahead. */
    announce: z.array(leadTime).max(5).prefault(['24h', '2h']),
    windows: z.array(maintenanceWindowSchema).default([]),
  })
  .prefault({});

export type MaintenanceSettings = z.infer<typeof maintenanceSettingsSchema>;
export type MaintenanceWindowConfig = z.infer<typeof maintenanceWindowSchema>;
