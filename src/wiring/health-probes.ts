import type { HealthProbes } from '../health/probes.js';
import { readPostgresActivity } from '../integrations/postgres/postgres-activity.js';
import { pingPostgres } from '../integrations/postgres/postgres-ping.js';
import { queryPrometheus } from '../integrations/prometheus/prometheus-query.js';
import { readRedisInfo } from '../integrations/redis/redis-info.js';
import { pingRedis } from '../integrations/redis/redis-ping.js';
import { peerCertificate } from '../integrations/tls/peer-certificate.js';

/** The real clients behind the checks' probes port. */
export const healthProbes: HealthProbes = {
  pingPostgres,
  readPostgresActivity,
  pingRedis,
  readRedisInfo,
  peerCertificate,
  queryPrometheus,
};
