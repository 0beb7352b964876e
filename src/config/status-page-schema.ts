import { z } from 'zod';

/** The public status page (`GET /status`, `/status.json`, `/status.atom`). */
export const statusPageSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    title: z.string().min(1).max(80).default('System status'),
    /** What the public sees, each made of configured services; by default one per service. */
    components: z
      .array(z.strictObject({ name: z.string().min(1).max(60), services: z.array(z.string()).min(1) }))
      .default([]),
    /** How many days of resolved incidents the history shows. */
    historyDays: z.number().int().positive().max(90).default(14),
  })
  .prefault({});

export type StatusPageSettings = z.infer<typeof statusPageSchema>;
