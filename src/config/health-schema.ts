import { z } from 'zod';
import { postgresActivityCheck, redisInfoCheck, tlsCheck } from './deep-checks-schema.js';
import { bodyMatchValue } from './validators.js';

const url = z.url({ message: 'invalid URL' });
const timeoutMs = z.number().int().positive().max(120_000).optional();
/** Extra request headers, e.g. `Authorization: Bearer ${TOKEN}`. */
const headers = z.record(z.string(), z.string()).default({});

const base = {
  /** Shown in `/bers health <service>`; defaults to the check's kind. */
  name: z.string().min(1).max(60).optional(),
  /** Per-check timeout; defaults to `health.timeoutMs`. */
  timeoutMs,
  /** A failing non-critical check makes its service degraded rather than unhealthy. */
  critical: z.boolean().default(true),
};

const threshold = z.strictObject({
  warning: z.number().min(0).max(100).optional(),
  critical: z.number().min(0).max(100).optional(),
});

const bounds = z.strictObject({ below: z.number().optional(), above: z.number().optional() });

export const checkSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('http'),
    ...base,
    url,
    method: z.enum(['GET', 'HEAD', 'POST', 'PUT']).default('GET'),
    headers,
    /** A request body (a smoke test: generate a template); JSON bodies get a JSON content-type. */
    body: z.string().max(100_000).optional(),
    /** Accepted status codes; default any 2xx. */
    expectStatus: z.array(z.number().int().min(100).max(599)).optional(),
    /** The body must contain this text (or match it, written as /regex/). */
    bodyMatch: bodyMatchValue.optional(),
  }),
  /** A JSON health endpoint in the Upload Bridge shape (seed 002). */
  z.strictObject({ kind: z.literal('json-status'), ...base, url, headers }),
  /** A BERS monitoring health endpoint (seeds 000/001), overall or per component. */
  z.strictObject({ kind: z.literal('bers'), ...base, url, headers }),
  z.strictObject({
    kind: z.literal('tcp'),
    ...base,
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
  }),
  z.strictObject({
    kind: z.literal('postgres'),
    ...base,
    url: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
    query: z.string().default('SELECT 1'),
  }),
  z.strictObject({
    kind: z.literal('redis'),
    ...base,
    url: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL'),
  }),
  z.strictObject({
    kind: z.literal('prometheus'),
    ...base,
    /** Prometheus base URL, e.g. http://127.0.0.1:9090 */
    url,
    /** PromQL instant query; every returned sample is compared with the bounds. */
    query: z.string().min(1),
    /** Unhealthy when a sample is below/above these; default: below 1 (so `up` works as is). */
    unhealthy: bounds.default({ below: 1 }),
    degraded: bounds.optional(),
  }),
  z.strictObject({
    kind: z.literal('system'),
    ...base,
    /** Percent thresholds; defaults from the Upload Bridge runbook (seed 002). */
    memory: threshold.default({ warning: 75, critical: 90 }),
    disk: threshold
      .extend({ path: z.string().default('/') })
      .default({ warning: 80, critical: 90, path: '/' }),
    cpu: threshold.default({ warning: 90 }),
  }),
  postgresActivityCheck,
  redisInfoCheck,
  tlsCheck,
]);

/** A service's checks; names (default: the kind) must be unique, since `/bers health <service>` lists them by name. */
export const checkListSchema = z
  .array(checkSchema)
  .min(1, 'a service needs at least one check')
  .superRefine((checks, ctx) => {
    const seen = new Map<string, number>();
    checks.forEach((check, i) => {
      const name = check.name ?? check.kind;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, i);
        return;
      }
      ctx.addIssue({
        code: 'custom',
        path: [i, 'name'],
        message: `duplicate check name "${name}" (also checks[${first}]); give each check its own name`,
      });
    });
  });

export type CheckConfig = z.infer<typeof checkSchema>;

export const healthSettingsSchema = z
  .strictObject({
    /** Default per-check timeout. */
    timeoutMs: z.number().int().positive().max(120_000).default(3000),
    /** The whole `/bers health` answer is due by then, whatever hangs. */
    deadlineMs: z.number().int().positive().max(300_000).default(8000),
    /**
     * Runs that ask within this long of a check's answer share it, and runs that ask while a call
     * is in flight join it, so a target is called at most about once a second however many ask;
     * a re-check after an operation always calls. 0: every run calls every target.
     */
    reuseResultsMs: z.number().int().min(0).max(60_000).default(1000),
    circuitBreaker: z
      .strictObject({
        /** Consecutive failures that open the breaker. */
        failureThreshold: z.number().int().positive().default(3),
        /** How long an open breaker reports `unknown` before one trial call. */
        cooldownMs: z.number().int().positive().default(60_000),
      })
      .prefault({}),
  })
  .prefault({});
