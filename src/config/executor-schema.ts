import { z } from 'zod';

export const seconds = (max: number) => z.number().int().positive().max(max);

export const argv = z
  .array(z.string().min(1).max(4096))
  .min(1, 'give the program and its arguments as a list, e.g. [systemctl, restart, unjucks-api]');

/** One program run without a shell; an element exactly `{revision}` is replaced by the revision. */
export const commandStep = z.strictObject({
  argv,
  cwd: z.string().min(1).optional(),
  env: z.record(z.string(), z.string()).default({}),
  timeoutSeconds: seconds(3600).default(300),
});

/** One program, or several run in order (the first that fails stops the rest); no shell. */
export const programsShape = commandStep.omit({ argv: true }).extend({
  argv: argv.optional(),
  steps: z.array(argv).min(1).max(10).optional(),
});

export const argvOrSteps = <T extends { argv?: unknown; steps?: unknown }>(c: T) =>
  (c.argv === undefined) !== (c.steps === undefined);

/** One webhook call (a CI/CD job); `{service}`, `{environment}` and `{revision}` are replaced in url and body. */
export const httpStep = z.strictObject({
  method: z.enum(['POST', 'PUT', 'PATCH', 'GET', 'DELETE']).default('POST'),
  url: z.url({ message: 'invalid URL' }),
  /** Secrets come in through `${VAR}`, e.g. `Authorization: Bearer ${DEPLOY_TOKEN}`. */
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().max(100_000).optional(),
  expectStatus: z.array(z.number().int().min(100).max(599)).default([200, 201, 202, 204]),
  timeoutSeconds: seconds(600).default(30),
});

/** How a service/environment is restarted, rolled back and scaled: its built-in operations. */
export const executorSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('kubernetes'),
    namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'not a Kubernetes namespace name'),
    deployment: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'not a Kubernetes deployment name'),
    /** A kubeconfig file; without it the bot uses its in-cluster service account. */
    kubeconfig: z.string().min(1).optional(),
    context: z.string().min(1).optional(),
    rolloutTimeoutSeconds: seconds(3600).default(300),
    pollSeconds: z.number().positive().max(60).default(2),
  }),
  z
    .strictObject({
      kind: z.literal('docker'),
      socketPath: z.string().min(1).default('/var/run/docker.sock'),
      container: z.string().min(1).optional(),
      /** A docker-compose service: every container labelled com.docker.compose.service=<this>. */
      composeService: z.string().min(1).optional(),
      composeProject: z.string().min(1).optional(),
      stopTimeoutSeconds: seconds(600).default(10),
      /**
       * The Engine API cannot roll back; the programs that do (seed 004: check out the previous
       * version, build, up -d) make `/bers rollback` work for this service.
       */
      rollback: programsShape.refine(argvOrSteps, { message: 'give either argv or steps' }).optional(),
    })
    .refine((d) => (d.container === undefined) !== (d.composeService === undefined), {
      message: 'name exactly one of container or composeService',
    }),
  z.strictObject({
    kind: z.literal('command'),
    restart: commandStep.optional(),
    rollback: commandStep.optional(),
  }),
  z.strictObject({ kind: z.literal('http'), restart: httpStep.optional(), rollback: httpStep.optional() }),
]);

export type ExecutorConfig = z.infer<typeof executorSchema>;
export type CommandStep = z.infer<typeof commandStep>;
export type HttpStep = z.infer<typeof httpStep>;
export type ProgramsConfig = z.infer<typeof programsShape>;
