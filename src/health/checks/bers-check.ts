import type { Dispatcher } from 'undici';
import type { CheckConfig } from '../../config/schema.js';
import type { Checker } from '../model.js';
import { parseBersHealth } from '../parsers/bers-health.js';
import { checkJsonEndpoint } from './fetch-json.js';

type BersCheckConfig = Extract<CheckConfig, { kind: 'bers' }>;

/** A BERS monitoring health endpoint (seeds 000/001): `success` and `data.overallStatus`/`checks`. */
export function bersChecker(config: BersCheckConfig, dispatcher?: Dispatcher): Checker {
  return {
    kind: 'bers',
    check: (signal) => checkJsonEndpoint(config.url, config.headers, signal, parseBersHealth, dispatcher),
  };
}
