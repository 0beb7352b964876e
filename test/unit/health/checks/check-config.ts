import { type CheckConfig, checkSchema } from '../../../../src/config/health-schema.js';

/** A check's config with the schema's defaults, as the loader would produce it. */
export function checkConfig<K extends CheckConfig['kind']>(
  value: { kind: K } & Record<string, unknown>,
): Extract<CheckConfig, { kind: K }> {
  return checkSchema.parse(value) as Extract<CheckConfig, { kind: K }>;
}

export const patient = () => AbortSignal.timeout(10_000);
