import type { Dispatcher } from 'undici';
import type { CheckConfig } from '../../config/schema.js';
import type { Checker } from '../model.js';
import type { HealthProbes } from '../probes.js';
import { bersChecker } from './bers-check.js';
import { httpChecker } from './http-check.js';
import { jsonStatusChecker } from './json-status-check.js';
import { postgresActivityChecker } from './postgres-activity-check.js';
import { postgresChecker } from './postgres-check.js';
import { prometheusChecker } from './prometheus-check.js';
import { redisChecker } from './redis-check.js';
import { redisInfoChecker } from './redis-info-check.js';
import { systemChecker } from './system-check.js';
import { tcpChecker } from './tcp-check.js';
import { tlsChecker } from './tls-check.js';

/**
 * The one place a check's config becomes its checker; the switch is exhaustive over the kinds.
 * HTTP checks go through `http`, the health service's own connection pool.
 */
export function createChecker(config: CheckConfig, probes: HealthProbes, http?: Dispatcher): Checker {
  switch (config.kind) {
    case 'http':
      return httpChecker(config, http);
    case 'json-status':
      return jsonStatusChecker(config, http);
    case 'bers':
      return bersChecker(config, http);
    case 'tcp':
      return tcpChecker(config);
    case 'postgres':
      return postgresChecker(config, probes.pingPostgres);
    case 'redis':
      return redisChecker(config, probes.pingRedis);
    case 'prometheus':
      return prometheusChecker(config, probes.queryPrometheus);
    case 'system':
      return systemChecker(config);
    case 'postgres-activity':
      return postgresActivityChecker(config, probes.readPostgresActivity);
    case 'redis-info':
      return redisInfoChecker(config, probes.readRedisInfo);
    case 'tls':
      return tlsChecker(config, probes.peerCertificate);
  }
}
