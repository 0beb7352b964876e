import type { OperationArg } from '../../src/actions/operation.js';

/** Arguments as the runbooks' and operations' tests declare them (Unjucks' cache flush). */
export const cacheArg = (values = ['configuration']): OperationArg => ({
  type: 'enum',
  name: 'cache',
  optional: false,
  values,
});

export const ttlArg: OperationArg = {
  type: 'duration',
  name: 'ttl',
  optional: false,
  min: '1m',
  max: '1h',
  unit: 'ms',
};
