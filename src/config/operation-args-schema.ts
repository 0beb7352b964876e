import { z } from 'zod';
import { durationMs } from '../core/duration.js';

/** Argument names become `{name}` placeholders in the executor. */
export const argName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,30}$/, 'lower-case letters, digits and _, starting with a letter');

const duration = z.string().refine((t) => durationMs(t) !== undefined, 'a duration such as 30s, 5m, 1h, 7d');

/** Enum values are written by the config's author, but must still be plain words (no shell syntax, no flags). */
const enumValue = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/@+=-]{0,63}$/, 'letters, digits and ._:/@+=- only, not starting with -');

const base = {
  name: argName,
  /** Shown in `/bers ops` and usage messages. */
  description: z.string().max(120).optional(),
  /** Optional arguments may be left out; an argv element using one is then dropped. */
  optional: z.boolean().default(false),
};

/**
 * A typed argument of a named operation. Every value is validated against its type before it is
 * stored or reaches an executor, and executors never hand values to a shell.
 */
export const operationArgSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('enum'), ...base, values: z.array(enumValue).min(1).max(50) }),
  z
    .strictObject({
      type: z.literal('int'),
      ...base,
      min: z.number().int().min(-1_000_000).default(0),
      max: z.number().int().max(1_000_000),
    })
    .refine((a) => a.min <= a.max, { message: 'min must not be above max', path: ['min'] }),
  z
    .strictObject({
      type: z.literal('duration'),
      ...base,
      min: duration.default('1s'),
      max: duration,
      /** The unit the executor receives the value in (the BERS cache TTL API takes milliseconds). */
      unit: z.enum(['ms', 's', 'm', 'h']).default('s'),
    })
    .refine((a) => (durationMs(a.min) ?? 0) <= (durationMs(a.max) ?? Number.POSITIVE_INFINITY), {
      message: 'min must not be above max',
      path: ['min'],
    }),
  z.strictObject({
    type: z.literal('string'),
    ...base,
    /** A regular expression the whole value must match (it is anchored for you). */
    pattern: z
      .string()
      .refine(isRegex, 'not a valid regular expression')
      .default('[A-Za-z0-9][A-Za-z0-9._:@/+-]*'),
    maxLength: z.number().int().positive().max(256).default(64),
  }),
]);

function isRegex(text: string): boolean {
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
}

export type OperationArgConfig = z.infer<typeof operationArgSchema>;
