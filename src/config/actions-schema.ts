import { z } from 'zod';

const seconds = (max: number) => z.number().int().positive().max(max);
const argv = z
  .array(z.string().min(1).max(4096))
  .min(1, 'give the program and its arguments as a list, e.g. [systemctl, restart, unjucks-api]');

/** One program run without a shell; an element exactly `{revision}` is replaced by the revision. */
const commandStep = z.strictObject({
  argv,
  cwd: z.string().min(1).optional(),
  env: z.record(z.string(), z.string()).default({}),
  timeoutSeconds: seconds(3600).default(300),
});

/** One webhook call (a CI/CD job); `{service}`, `{environment}` and `{revision}` are replaced in url and body. */
const httpStep = z.strictObject({
  method: z.enum(['POST', 'PUT', 'PATCH', 'GET', 'DELETE']).default('POST'),
  url: z.url({ message: 'invalid URL' }),
  /** Secrets come in through `${VAR}`, e.g. `Authorization: Bearer ${DEPLOY_TOKEN}`. */
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().max(100_000).optional(),
  expectStatus: z.array(z.number().int().min(100).max(599)).default([200, 201, 202, 204]),
  timeoutSeconds: seconds(600).default(30),
});

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

const environmentSchema = z.strictObject({
  executor: executorSchema,
  /** Roles allowed to restart / roll back. Default: the `operate` grant, or `admin` in production. */
  restart: z.array(z.string()).optional(),
  rollback: z.array(z.string()).optional(),
  /** A second authorized person (not the requester) must confirm a rollback. */
  twoPersonRollback: z.boolean().default(false),
  /** Treated as production (stricter defaults); default: the environment is named prod or production. */
  production: z.boolean().optional(),
  /** Revisions typed after `to` must match this regex. */
  revisionFormat: z.string().default('^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$'),
  verifyTimeoutSeconds: seconds(3600).optional(),
});

const serviceActionsSchema = z.strictObject({
  /** Used when the command names no environment; default: the only one, or `production`. */
  defaultEnvironment: z.string().optional(),
  environments: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/, 'lower-case name'), environmentSchema),
});

export const actionsSchema = z
  .strictObject({
    confirmSeconds: seconds(3600).default(300),
    verifyTimeoutSeconds: seconds(3600).default(120),
    verifyIntervalSeconds: z.number().positive().max(300).default(5),
    /** Slack user-group memberships are cached this long. */
    groupCacheSeconds: seconds(3600).default(60),
    services: z.record(z.string(), serviceActionsSchema).default({}),
  })
  .prefault({});

export type ActionsConfig = z.infer<typeof actionsSchema>;
export type ServiceActionsConfig = z.infer<typeof serviceActionsSchema>;
export type EnvironmentActionsConfig = z.infer<typeof environmentSchema>;
export type ExecutorConfig = z.infer<typeof executorSchema>;
export type CommandStep = z.infer<typeof commandStep>;
export type HttpStep = z.infer<typeof httpStep>;

interface Issue {
  path: (string | number)[];
  message: string;
}

/** Cross-section rules: actions name configured services and roles, defaults and regexes are valid. */
export function actionsIssues(
  actions: ActionsConfig,
  serviceNames: readonly string[],
  roles: readonly string[],
): Issue[] {
  const issues: Issue[] = [];
  for (const [service, settings] of Object.entries(actions.services)) {
    const at = ['actions', 'services', service];
    if (!serviceNames.includes(service)) {
      issues.push({ path: at, message: `unknown service (known: ${serviceNames.join(', ')})` });
    }
    const envs = Object.keys(settings.environments);
    if (envs.length === 0) issues.push({ path: [...at, 'environments'], message: 'name at least one' });
    if (settings.defaultEnvironment && !envs.includes(settings.defaultEnvironment)) {
      issues.push({ path: [...at, 'defaultEnvironment'], message: `not one of ${envs.join(', ')}` });
    }
    for (const [env, e] of Object.entries(settings.environments)) {
      const envAt = [...at, 'environments', env];
      for (const kind of ['restart', 'rollback'] as const) {
        (e[kind] ?? []).forEach((role, i) => {
          if (role !== '*' && !roles.includes(role)) {
            issues.push({ path: [...envAt, kind, i], message: `unknown role "${role}"` });
          }
        });
      }
      try {
        new RegExp(e.revisionFormat);
      } catch {
        issues.push({ path: [...envAt, 'revisionFormat'], message: 'not a valid regular expression' });
      }
    }
  }
  return issues;
}
