import { z } from 'zod';
import { cronExpression, timeZone } from './validators.js';
import { SEED_WEEKLY_CHECKLIST } from './weekly-checklist.js';

const channel = z
  .string()
  .regex(/^(#[a-z0-9][a-z0-9._-]*|[CGD][A-Z0-9]{6,})$/, 'must be #channel-name or a channel id');

export const scheduleSchema = z.strictObject({
  /** Names the schedule in logs and in the run claims; keep it stable (renaming re-runs a slot). */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes'),
  kind: z.enum(['daily-health', 'weekly-maintenance']),
  /** 5 fields, or 6 with seconds first (node-cron). */
  cron: cronExpression,
  timezone: timeZone.default('UTC'),
  channels: z.array(channel).min(1, 'name at least one channel').optional(),
  /** Overrides `reports.graceMinutes` for this schedule. */
  graceMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .optional(),
});

const checklistGroup = z.strictObject({
  title: z.string().min(1).max(140),
  items: z.array(z.string().min(1).max(500)).min(1),
});

export const reportsSchema = z
  .strictObject({
    /** Where schedules without `channels` post. */
    channels: z.array(channel).min(1).default(['#ops']),
    /** A run missed while the bot was down is posted late within this window, else skipped. */
    graceMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(180),
    /** How often missed runs are looked for (they also are at start-up). */
    catchUpSeconds: z.number().int().min(1).max(3600).default(60),
    /** Sections still gathering then are named as failed and the report posts without them. */
    deadlineMs: z.number().int().positive().max(120_000).default(15_000),
    schedules: z.array(scheduleSchema).default([
      { id: 'daily-health', kind: 'daily-health', cron: '0 9 * * *', timezone: 'UTC' },
      { id: 'weekly-maintenance', kind: 'weekly-maintenance', cron: '0 2 * * 0', timezone: 'UTC' },
    ]),
    /** The weekly maintenance reminder's checklist; defaults to the seeds' runbooks. */
    maintenanceChecklist: z.array(checklistGroup).min(1).default(SEED_WEEKLY_CHECKLIST),
  })
  .superRefine((reports, ctx) => {
    const seen = new Map<string, number>();
    reports.schedules.forEach((s, i) => {
      const first = seen.get(s.id);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['schedules', i, 'id'],
          message: `duplicate schedule id (also schedules[${first}])`,
        });
      seen.set(s.id, i);
    });
  })
  .prefault({});

export type ReportsConfig = z.infer<typeof reportsSchema>;
export type ScheduleConfig = z.infer<typeof scheduleSchema>;
