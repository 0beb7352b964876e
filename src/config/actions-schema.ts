import { z } from 'zod';
import { executorSchema, seconds } from './executor-schema.js';
import { logsSchema } from './logs-schema.js';
import { operationSchema } from './operation-schema.js';

export type { CommandStep, ExecutorConfig, HttpStep } from './executor-schema.js';

const stable = {
  /** Verification passes after this many consecutive healthy checks … */
  verifyStableProbes: z.number().int().min(1).max(100).optional(),
  /** … spanning at least this long (default: the probes at verifyIntervalSeconds). */
  verifyStableSeconds: z.number().positive().max(3600).optional(),
};

const environmentSchema = z.strictObject({
  executor: executorSchema,
  /** Roles allowed to restart / roll back. Default: the `operate` grant, or `admin` in production. */
  restart: z.array(z.string()).optional(),
  rollback: z.array(z.string()).optional(),
  /** Roles allowed to scale (`/bers scale`); same default as restart. */
  scale: z.array(z.string()).optional(),
  /** `/bers scale` refuses more replicas than this. */
  maxReplicas: z.number().int().min(1).max(1000).default(20),
  /** Where `/bers logs` reads; default: the pods / containers of a kubernetes or docker executor. */
  logs: logsSchema.optional(),
  /** A second authorized person (not the requester) must confirm a rollback. */
  twoPersonRollback: z.boolean().default(false),
  /** Treated as production (stricter defaults); default: the environment is named prod or production. */
  production: z.boolean().optional(),
  /** Revisions typed after `to` must match this regex. */
  revisionFormat: z.string().default('^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$'),
  verifyTimeoutSeconds: seconds(3600).optional(),
  ...stable,
});

const serviceActionsSchema = z.strictObject({
  /** Used when the command names no environment; default: the only one, or `production`. */
  defaultEnvironment: z.string().optional(),
  environments: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/, 'lower-case name'), environmentSchema),
  /** Named operations (`/bers run <service> <name>`), besides the built-in restart and rollback. */
  operations: z.record(z.string(), operationSchema).default({}),
});

export const actionsSchema = z
  .strictObject({
    confirmSeconds: seconds(3600).default(300),
    verifyTimeoutSeconds: seconds(3600).default(120),
    verifyIntervalSeconds: z.number().positive().max(300).default(5),
    ...stable,
    /** Slack user-group memberships are cached this long. */
    groupCacheSeconds: seconds(3600).default(60),
    services: z.record(z.string(), serviceActionsSchema).default({}),
  })
  .prefault({});

export type ActionsConfig = z.infer<typeof actionsSchema>;
export type ServiceActionsConfig = z.infer<typeof serviceActionsSchema>;
export type EnvironmentActionsConfig = z.infer<typeof environmentSchema>;
