import type { CheckConfig } from '../../config/schema.js';
import { type Checker, type CheckOutcome, type HealthStatus, worstOf } from '../model.js';
import type { HealthProbes } from '../probes.js';
import { gradeLevel, pastLevel } from './levels.js';

type RedisInfoConfig = Extract<CheckConfig, { kind: 'redis-info' }>;

interface Part {
  name: string;
  status: HealthStatus;
  text: string;
}

/** Redis memory against maxmemory, connected clients and (in cluster mode) `cluster_state:ok`. */
export function redisInfoChecker(
  config: RedisInfoConfig,
  readRedisInfo: HealthProbes['readRedisInfo'],
): Checker {
  return {
    kind: 'redis-info',
    async check(signal): Promise<CheckOutcome> {
      const { info, cluster } = await readRedisInfo(config.url, signal);
      const parts: Part[] = [];
      const used = Number(info.used_memory ?? 0);
      const max = Number(info.maxmemory ?? 0);
      if (max > 0) {
        const percent = (used / max) * 100;
        const status = gradeLevel(percent, config.memory);
        parts.push({
          name: 'memory',
          status,
          text: `memory ${percent.toFixed(0)}% of maxmemory${pastLevel(config.memory, status)}`,
        });
      } else {
        parts.push({
          name: 'memory',
          status: 'healthy',
          text: `memory ${info.used_memory_human ?? `${used} B`} (no maxmemory)`,
        });
      }
      const clients = Number(info.connected_clients ?? 0);
      const clientStatus = gradeLevel(clients, config.connectedClients);
      parts.push({
        name: 'clients',
        status: clientStatus,
        text: `${clients} clients${pastLevel(config.connectedClients ?? {}, clientStatus)}`,
      });
      if (cluster) {
        const ok = cluster.cluster_state === 'ok';
        const slots = `${cluster.cluster_slots_ok ?? '?'}/${cluster.cluster_slots_assigned ?? '?'} slots ok`;
        parts.push({
          name: 'cluster',
          status: ok ? 'healthy' : 'unhealthy',
          text: `cluster_state:${cluster.cluster_state ?? '?'}, ${slots}`,
        });
      } else if (config.cluster === 'required') {
        parts.push({ name: 'cluster', status: 'unhealthy', text: 'not in cluster mode (cluster_enabled:0)' });
      }
      const status = worstOf(parts.map((p) => p.status));
      const hits = Number(info.keyspace_hits ?? 0);
      const misses = Number(info.keyspace_misses ?? 0);
      return {
        status,
        reason: [
          `${info.role ?? 'redis'} ${info.redis_version ?? ''}`.trim(),
          ...parts.map((p) => p.text),
        ].join(' · '),
        details: {
          version: info.redis_version,
          role: info.role,
          connectedClients: clients,
          usedMemory: used,
          maxMemory: max,
          hitRate: hits + misses > 0 ? hits / (hits + misses) : undefined,
          clusterState: cluster?.cluster_state,
        },
        components: parts.map((p) => ({ name: p.name, status: p.status, reason: p.text })),
      };
    },
  };
}
