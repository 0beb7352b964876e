import { z } from 'zod';
import { timeZone } from './validators.js';

export const PAGING_POLICIES = ['now', 'unacknowledged', 'business-hours', 'none'] as const;

const minutes = z
  .number()
  .int()
  .positive()
  .max(7 * 24 * 60);

const severitySchema = z.strictObject({
  description: z.string().min(1).max(100),
  /** How soon someone must respond (seed 003: 15 min, 1 h, 4 h, 24 h). */
  respondWithinMinutes: minutes,
  /**
   * `now` pages at declare; `unacknowledged` pages when nobody acknowledged within `ackWindowMinutes`;
   * `business-hours` pages at declare inside business hours, else at the next opening; `none` never.
   */
  paging: z.enum(PAGING_POLICIES),
  /** Defaults to `respondWithinMinutes`. */
  ackWindowMinutes: minutes.optional(),
  /** How often the commander must post an update; null: no cadence (no reminders). */
  updateEveryMinutes: minutes.nullable(),
  /** Flag the incident in its channel when it still has no commander after `commanderGraceMinutes`. */
  requireCommander: z.boolean().default(false),
  /**
   * When the page is resolved in PagerDuty: `resolve` resolves the incident here too; `notify` only
   * says so, and the incident stays open until someone resolves it in Slack.
   */
  pagerResolve: z.enum(['resolve', 'notify']).default('resolve'),
});

/**
 * Seed 003's severity table with DESIGN.md's paging and update cadence. P2 is "business hours, no
 * page" (DESIGN.md; the PagerDuty issue: P2/P3 page only through `/bers incident page`), so its
 * default paging is `none`; teams that want business-hours pages set `paging: business-hours`.
 */
const DEFAULT_SEVERITIES = {
  P0: {
    description: 'Complete service outage',
    respondWithinMinutes: 15,
    paging: 'now',
    updateEveryMinutes: 15,
    requireCommander: true,
  },
  P1: {
    description: 'Major functionality broken',
    respondWithinMinutes: 60,
    paging: 'unacknowledged',
    updateEveryMinutes: 30,
    requireCommander: true,
  },
  P2: {
    description: 'Degraded performance',
    respondWithinMinutes: 240,
    paging: 'none',
    updateEveryMinutes: 120,
  },
  P3: { description: 'Minor issue', respondWithinMinutes: 1440, paging: 'none', updateEveryMinutes: null },
} as const;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

const businessHoursSchema = z
  .strictObject({
    timezone: timeZone.default('UTC'),
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
    start: hhmm.default('09:00'),
    end: hhmm.default('17:00'),
  })
  .prefault({})
  .refine((b) => b.start < b.end, { message: 'start must be before end', path: ['end'] });

const httpUrl = z.url({ protocol: /^https?$/ });

/**
 * The incident channel's chrome (item 6 of the native-Slack issue): topic and bookmarks kept
 * current, extra announcement channels per severity, the bridge line, archiving after resolution.
 */
const channelCareSchema = z
  .strictObject({
    /** Extra announcement channels per severity, each with its own card (seed 003: P0 to #emergency-response). */
    announceTo: z.record(z.string(), z.array(z.string().min(2)).max(5)).default({}),
    /** The conference bridge or meeting link, shown in the report and bookmarked. */
    bridgeUrl: httpUrl.optional(),
    /** The incident runbook, bookmarked in every incident channel. */
    runbookUrl: httpUrl.optional(),
    /** The public status page, bookmarked. */
    statusPageUrl: httpUrl.optional(),
    /** Archive the channel this many days after the resolution; null never archives. */
    archiveAfterDays: z.number().int().positive().max(365).nullable().default(null),
  })
  .prefault({});

export const incidentSettingsSchema = z
  .strictObject({
    /** Where every declare/update/resolution is announced (`#name` or a channel id). */
    announcementChannel: z.string().min(2).default('#incidents'),
    severities: z
      .record(z.string().regex(/^[A-Z][A-Z0-9]{0,7}$/, 'severity names are like P0, SEV1'), severitySchema)
      // `prefault`: the table goes through the schema like a configured one, so its defaults
      // (`pagerResolve: resolve`, `requireCommander: false`) apply; `default` would skip them.
      .prefault(() => structuredClone(DEFAULT_SEVERITIES) as never)
      .refine((s) => Object.keys(s).length > 0, 'configure at least one severity'),
    /** A directory whose `<name>.hbs` files replace the shipped templates (relative to the working dir). */
    templatesDir: z.string().optional(),
    commanderGraceMinutes: minutes.default(5),
    postMortemReminderHours: z
      .number()
      .int()
      .positive()
      .max(24 * 14)
      .default(24),
    businessHours: businessHoursSchema,
    channel: channelCareSchema,
    /** How many post-mortem reminders at most; the last one says it is the last. */
    postMortemReminders: z.number().int().positive().max(50).default(5),
  })
  .prefault({});

export type IncidentSettings = z.infer<typeof incidentSettingsSchema>;
export type ChannelCareSettings = z.infer<typeof channelCareSchema>;
export type SeverityPolicy = z.infer<typeof severitySchema>;
