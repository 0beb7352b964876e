import { z } from 'zod';

const name = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes');

/** Show something now: the service's health, a KPI against its target, or a configured URL's answer. */
const gatherSchema = z
  .strictObject({
    health: z.literal(true).optional(),
    metric: name.optional(),
    http: z.url({ message: 'invalid URL' }).optional(),
  })
  .refine((g) => [g.health, g.metric, g.http].filter((v) => v !== undefined).length === 1, {
    message: 'name exactly one of health, metric, http',
  });

/** Run one of the service's operations, behind its own confirmation, roles and two-person rule. */
const actSchema = z.strictObject({ operation: name });

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
