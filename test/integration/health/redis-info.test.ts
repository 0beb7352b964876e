import { afterEach, describe, expect, it } from 'vitest';
import { redisInfoChecker } from '../../../src/health/checks/redis-info-check.js';
import { healthProbes } from '../../../src/wiring/health-probes.js';
import { startRespServer } from '../../helpers/resp-server.js';
import { eventually } from '../../helpers/target-server.js';
import { checkConfig, patient } from '../../unit/health/checks/check-config.js';

const check = (url: string, extra: Record<string, unknown> = {}) =>
  redisInfoChecker(checkConfig({ kind: 'redis-info', url, ...extra }), healthProbes.readRedisInfo).check(
    patient(),
  );

const bulk = (text: string) => `$${Buffer.byteLength(text)}\r\n${text}\r\n`;

/** A Redis in cluster mode whose cluster is down, memory nearly full: what INFO / CLUSTER INFO say. */
function clusterServer(state: 'ok' | 'fail') {
  return startRespServer((command) => {
    const name = command.map((w) => w.toUpperCase()).join(' ');
    if (name === 'INFO')
      return bulk(
        '# Server\r\nredis_version:7.2.4\r\n# Clients\r\nconnected_clients:12\r\n# Memory\r\nused_memory:96\r\nused_memory_human:96B\r\nmaxmemory:100\r\n# Replication\r\nrole:master\r\n# Cluster\r\ncluster_enabled:1\r\n',
      );
    if (name === 'CLUSTER INFO')
      return bulk(
        `cluster_state:${state}\r\ncluster_slots_assigned:16384\r\ncluster_slots_ok:${state === 'ok' ? 16384 : 10923}\r\n`,
      );
    return `-ERR unknown command '${command[0]}'\r\n`;
  });
}

describe('redis-info check', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('reads CLUSTER INFO in cluster mode: a failed cluster and nearly full memory are unhealthy', async () => {
    const server = await clusterServer('fail');
    servers.push(server);
    const result = await check(server.url);
    expect(result.status).toBe('unhealthy');
    expect(result.reason).toBe(
      'master 7.2.4 · memory 96% of maxmemory ≥ 95 · 12 clients · cluster_state:fail, 10923/16384 slots ok',
    );
    expect(result.components).toEqual([
      { name: 'memory', status: 'unhealthy', reason: 'memory 96% of maxmemory ≥ 95' },
      { name: 'clients', status: 'healthy', reason: '12 clients' },
      { name: 'cluster', status: 'unhealthy', reason: 'cluster_state:fail, 10923/16384 slots ok' },
    ]);
    expect(server.received.map((c) => c.join(' ').toUpperCase())).toEqual(['INFO', 'CLUSTER INFO']);
    await eventually(() => server.open() === 0);
  });

  it('is healthy with cluster_state:ok and room in memory', async () => {
    const server = await clusterServer('ok');
    servers.push(server);
    const result = await check(server.url, { memory: { warning: 97, critical: 99 } });
    expect(result).toMatchObject({
      status: 'healthy',
      details: { clusterState: 'ok', connectedClients: 12 },
    });
  });

  const realRedis = process.env.TEST_REDIS_URL;
  describe.runIf(realRedis)('against the real Redis at TEST_REDIS_URL', () => {
    it('reports INFO of a standalone server, and grades its clients', async () => {
      const result = await check(realRedis!);
      expect(result.status).toBe('healthy');
      expect(result.reason).toMatch(/^master \d+\.\d+\.\d+ · memory .* · \d+ clients$/);
      expect(result.details).toMatchObject({ role: 'master' });
      const busy = await check(realRedis!, { connectedClients: { warning: 1 } });
      expect(busy.status).toBe('degraded');
      expect(busy.reason).toMatch(/\d+ clients ≥ 1$/);
    });

    it('is unhealthy when a cluster is required and the server is standalone', async () => {
      const result = await check(realRedis!, { cluster: 'required' });
      expect(result.status).toBe('unhealthy');
      expect(result.reason).toContain('not in cluster mode (cluster_enabled:0)');
    });
  });
});
