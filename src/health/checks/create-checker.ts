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

/** The one place a check's config becomes its checker; the switch is exhaustive over the kinds. */
export function createChecker(config: CheckConfig, probes: HealthProbes): Checker {
  switch (config.kind) {
    case 'http':
      return httpChecker(config);
    case 'json-status':
      return jsonStatusChecker(config);
    case 'bers':
      return bersChecker(config);
    case 'tcp':
      return tcpChecker(config);
    case 'postgres':
      return postgresChecker(config, probes.pingPostgres);
    case 'redis':
      return redisChecker(config, probes.pingRedis);
    case 'prometheus':
      return prometheusChecker(config);
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
