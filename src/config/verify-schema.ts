import { z } from 'zod';

const seconds = (max: number) => z.number().positive().max(max);

/**
 * What is checked after an operation ran. `health`: the service's checks must be healthy for a
 * stable window (`stableProbes` consecutive healthy checks spanning `stableSeconds`), not once;
 * `metric`: a configured KPI must be back on its target; `wait`: a pause, then done; `none`.
 * Unset fields take the environment's and then the `actions` defaults.
 */
export const verifySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('health'),
    timeoutSeconds: seconds(3600).optional(),
    intervalSeconds: seconds(300).optional(),
    stableSeconds: seconds(3600).optional(),
    stableProbes: z.number().int().min(1).max(100).optional(),
  }),
  z.strictObject({
    kind: z.literal('metric'),
    /** A name from `metrics.definitions`. */
    metric: z.string().min(1),
    timeoutSeconds: seconds(3600).default(300),
    intervalSeconds: seconds(300).default(15),
  }),
  z.strictObject({ kind: z.literal('wait'), seconds: seconds(3600) }),
  z.strictObject({ kind: z.literal('none') }),
]);

export type VerifyConfig = z.infer<typeof verifySchema>;
