import { z } from 'zod';

const name = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes');

/** `15m`, `1h`, `24h`: how far back a logs or query step looks (the metrics area's periods). */
const window = z.string().regex(/^\d{1,4}[mhd]$/, 'a period such as 15m, 1h, 24h, 7d');

/** The service's recent log lines through `/bers logs`'s sources (roles, masking, audit). */
const logsGather = z.strictObject({
  since: window.default('15m'),
  tail: z.number().int().min(1).max(50).default(20),
  /** Kept lines contain this (plain text, ignoring case), as `/bers logs --grep`. */
  grep: z.string().min(1).max(200).optional(),
});

/** A KPI over a period through the metrics area: its current value and the period's statistics. */
const queryGather = z.strictObject({ metric: name, period: window.default('1h') });

/**
 * Show something now: the service's health, a KPI against its target, a KPI over a period, the
 * service's open alerts, its recent logs, or a configured URL's answer.
 */
const gatherSchema = z
  .strictObject({
    health: z.literal(true).optional(),
    metric: name.optional(),
    query: queryGather.optional(),
    alerts: z.literal(true).optional(),
    logs: z.union([z.literal(true).transform(() => logsGather.parse({})), logsGather]).optional(),
    http: z.url({ message: 'invalid URL' }).optional(),
  })
  .refine(
    (g) =>
      [g.health, g.metric, g.query, g.alerts, g.logs, g.http].filter((v) => v !== undefined).length === 1,
    { message: 'name exactly one of health, metric, query, alerts, logs, http' },
  );

/**
 * Run one of the service's operations, behind its own confirmation, roles and two-person rule.
 * `args` fixes arguments as typed after `/bers run` (`ttl: 10m`); a required one left out is asked
 * of the person driving, in a form, and validated by the operation's own argument types.
 */
const actSchema = z.strictObject({
  operation: name,
  args: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,30}$/), z.string().max(256)).default({}),
});

/** Re-check until the service is healthy or a KPI is back on its target, or the timeout passes. */
const watchSchema = z
  .strictObject({
    health: z.literal(true).optional(),
    metric: name.optional(),
    timeoutSeconds: z.number().positive().max(86_400).default(300),
    intervalSeconds: z.number().positive().max(3_600).default(10),
  })
  .refine((w) => (w.health === undefined) !== (w.metric === undefined), {
    message: 'name exactly one of health, metric',
  });

export const runbookStepSchema = z.union(
  [
    z.strictObject({ gather: gatherSchema }),
    z.strictObject({ act: actSchema }),
    z.strictObject({ watch: watchSchema }),
    z.strictObject({ note: z.string().min(1).max(2000) }),
  ],
  { error: 'a step is one of gather, act, watch, note' },
);

export const runbookSchema = z.strictObject({
  name,
  title: z.string().min(1).max(150),
  /** Alert labels this runbook answers; a value written `/…/` is a regular expression. */
  matches: z.record(z.string(), z.string()).optional(),
  /** The service it runs against unless `/bers runbook <name> <service>` names another. */
  service: z.string().optional(),
  steps: z.array(runbookStepSchema).min(1, 'a runbook has at least one step').max(40),
});

export const runbooksSettingsSchema = z
  .strictObject({
    /** Where the `<name>.yaml` files are, relative to the config file. */
    dir: z.string().default('runbooks'),
    /** Runbooks written in the config itself; the loader appends the directory's files. */
    definitions: z.array(runbookSchema).default([]),
  })
  .prefault({});

export type Runbook = z.infer<typeof runbookSchema>;
export type RunbookStep = z.infer<typeof runbookStepSchema>;
export type GatherStep = z.infer<typeof gatherSchema>;
export type WatchStep = z.infer<typeof watchSchema>;
export type ActStep = z.infer<typeof actSchema>;
export type LogsGather = z.infer<typeof logsGather>;
export type QueryGather = z.infer<typeof queryGather>;
