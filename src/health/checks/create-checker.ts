import type { CheckConfig } from '../../config/schema.js';
import type { Checker } from '../model.js';
import { httpChecker } from './http-check.js';
import { systemChecker } from './system-check.js';
import { tcpChecker } from './tcp-check.js';

/** The one place a check's config becomes its checker. */
export function createChecker(config: CheckConfig): Checker {
  switch (config.kind) {
    case 'http':
      return httpChecker(config);
    case 'tcp':
      return tcpChecker(config);
    case 'system':
      return systemChecker(config);
    default:
      throw new Error(`check kind ${config.kind} is not implemented yet`);
  }
}
