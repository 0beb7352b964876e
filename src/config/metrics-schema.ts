import { z } from 'zod';

const url = z.url({ message: 'invalid URL' });

const sourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('prometheus'),
    /** Defaults to `metrics.prometheusUrl`. */
    url: url.optional(),
    /** PromQL giving one series (the first is used when several come back). */
    query: z.string().min(1),
  }),
  z.strictObject({
    kind: z.literal('service-api'),
    /** The service's base URL; `/api/monitoring/metrics/<metric>` is read (seed 001). */
    url,
    metric: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
  }),
]);

export const metricDefinitionSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes'),
  /** Shown in the KPI table; defaults to the name. */
  title: z.string().min(1).max(80).optional(),
  /** Printed after values: ms, %, s, req/s … */
  unit: z.string().max(12).default(''),
  target: z.number(),
  /** `below`: good while under the target (latency); `above`: good while over it (hit rate). */
  comparison: z.enum(['below', 'above']),
  /** Multiplies raw values, e.g. 100 for a 0–1 ratio shown in %, 1000 for seconds shown in ms. */
  scale: z.number().positive().default(1),
  source: sourceSchema,
});

/**
 * The chart renderers `/bers metrics` can draw with; the first is the one used (a second kind would
 * get a `metrics` setting to choose it). Each has one case in src/wiring/chart-renderer-kinds.ts.
 */
export const chartRendererKinds = ['chartjs'] as const;
export type ChartRendererKind = (typeof chartRendererKinds)[number];

export const metricsSettingsSchema = z
  .strictObject({
    prometheusUrl: url.optional(),
    timeoutMs: z.number().int().positive().max(60_000).default(5000),
    definitions: z.array(metricDefinitionSchema).default([]),
  })
  .prefault({})
  .superRefine((metrics, ctx) => {
    const seen = new Set<string>();
    metrics.definitions.forEach((definition, i) => {
      if (seen.has(definition.name))
        ctx.addIssue({ code: 'custom', path: ['definitions', i, 'name'], message: 'duplicate metric name' });
      seen.add(definition.name);
      if (definition.source.kind === 'prometheus' && !definition.source.url && !metrics.prometheusUrl) {
        ctx.addIssue({
          code: 'custom',
          path: ['definitions', i, 'source', 'url'],
          message: 'set source.url or metrics.prometheusUrl',
        });
      }
    });
  });

export type MetricsSettings = z.infer<typeof metricsSettingsSchema>;
export type MetricDefinition = z.infer<typeof metricDefinitionSchema>;
