import type { Dispatcher } from 'undici';
import type { CheckConfig } from '../../config/schema.js';
import type { Checker } from '../model.js';
import { parseUploadBridgeHealth } from '../parsers/upload-bridge-health.js';
import { checkJsonEndpoint } from './fetch-json.js';

type JsonStatusCheckConfig = Extract<CheckConfig, { kind: 'json-status' }>;

/** A JSON health endpoint in the Upload Bridge shape (seed 002): status plus a `checks` map. */
export function jsonStatusChecker(config: JsonStatusCheckConfig, dispatcher?: Dispatcher): Checker {
  return {
    kind: 'json-status',
    check: (signal) =>
      checkJsonEndpoint(config.url, config.headers, signal, parseUploadBridgeHealth, dispatcher),
  };
}
