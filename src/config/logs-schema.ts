import { z } from 'zod';
import { argv, seconds } from './executor-schema.js';

const roles = {
  /** Roles allowed to read these logs; default: the `read` grant. */
  roles: z.array(z.string()).optional(),
};

/**
 * Where `/bers logs` reads a service's logs. Without this, an environment whose executor is
 * `kubernetes` or `docker` reads the logs of the same pods / containers.
 */
export const logsSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('kubernetes'),
    ...roles,
    /** The container to read in multi-container pods; default: the pod's only (or first) one. */
    container: z.string().min(1).optional(),
    maxPods: z.number().int().min(1).max(50).default(10),
  }),
  z.strictObject({ kind: z.literal('docker'), ...roles }),
  /**
   * A program that prints the logs (journalctl, tail), run without a shell. `{since}` (e.g. `1h`),
   * `{since_seconds}` and `{tail}` are filled in; `--grep` is applied to its output.
   */
  /** A LogQL query against Loki's `query_range` (e.g. `{app="unjucks-api"}`), newest lines first. */
  z.strictObject({
    kind: z.literal('loki'),
    ...roles,
    url: z.url({ message: 'invalid URL' }),
    query: z.string().min(1),
    /** E.g. `X-Scope-OrgID` for a multi-tenant Loki, or `Authorization: Bearer ${LOKI_TOKEN}`. */
    headers: z.record(z.string(), z.string()).default({}),
  }),
  z.strictObject({
    kind: z.literal('command'),
    ...roles,
    argv,
    cwd: z.string().min(1).optional(),
    env: z.record(z.string(), z.string()).default({}),
    timeoutSeconds: seconds(300).default(30),
  }),
]);

export type LogsConfig = z.infer<typeof logsSchema>;
