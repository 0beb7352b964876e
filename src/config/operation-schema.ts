import { z } from 'zod';
import { argvOrSteps, httpStep, programsShape } from './executor-schema.js';
import { operationArgSchema } from './operation-args-schema.js';
import { verifySchema } from './verify-schema.js';

/** A placeholder naming an argument, e.g. `{replicas}`. */
const placeholder = z
  .string()
  .regex(/^\{[a-z][a-z0-9_]*\}$/, 'a number or an argument placeholder such as {replicas}');
const replicas = z.union([z.number().int().min(0).max(1000), placeholder]);

/**
 * How a named operation runs. `command` and `http` fill `{service}`, `{environment}` and
 * `{<argument>}` into argv elements (no shell), the URL (URL-encoded) and the body (JSON-escaped).
 * `kubernetes` and `docker` act on the deployment / containers of the environment's own executor.
 */
export const operationExecutorSchema = z.discriminatedUnion('kind', [
  programsShape
    .extend({ kind: z.literal('command') })
    .refine(argvOrSteps, { message: 'give either argv or steps' }),
  httpStep.extend({ kind: z.literal('http') }),
  z.strictObject({
    kind: z.literal('kubernetes'),
    action: z.enum(['restart', 'rollback', 'scale']),
    replicas: replicas.optional(),
  }),
  z.strictObject({
    kind: z.literal('docker'),
    action: z.enum(['restart', 'scale']),
    replicas: replicas.optional(),
  }),
]);

export const operationSchema = z.strictObject({
  /** One line shown by `/bers ops` and in the confirmation. */
  description: z.string().max(200).optional(),
  executor: operationExecutorSchema,
  /** Positional arguments, in the order they are typed: `/bers run <service> <operation> <arg1> <arg2>`. */
  args: z.array(operationArgSchema).max(8).default([]),
  /** Roles allowed to run it; default: the `permission` grant's roles. */
  roles: z.array(z.string()).optional(),
  /** Which grant's roles may run it when `roles` is unset; default: operate, or admin in production. */
  permission: z.enum(['read', 'operate', 'admin']).optional(),
  /** Ask for a Confirm click first (default). Without it the operation runs when requested. */
  confirm: z.boolean().default(true),
  /** A second authorized person (not the requester) must confirm. */
  twoPerson: z.boolean().default(false),
  verify: verifySchema.default({ kind: 'health' }),
  /** The environments it is offered in; default: all of the service's. */
  environments: z.array(z.string()).min(1).optional(),
});

export type OperationConfig = z.infer<typeof operationSchema>;
export type OperationExecutorConfig = z.infer<typeof operationExecutorSchema>;
