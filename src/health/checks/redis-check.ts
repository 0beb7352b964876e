import type { CheckConfig } from '../../config/schema.js';
import type { Checker } from '../model.js';
import type { HealthProbes } from '../probes.js';

type RedisCheckConfig = Extract<CheckConfig, { kind: 'redis' }>;

/** Redis answers PING with PONG. */
export function redisChecker(config: RedisCheckConfig, pingRedis: HealthProbes['pingRedis']): Checker {
  return {
    kind: 'redis',
    async check(signal) {
      const reply = await pingRedis(config.url, signal);
      return reply === 'PONG'
        ? { status: 'healthy', reason: 'PING → PONG' }
        : { status: 'unhealthy', reason: `PING answered ${JSON.stringify(reply).slice(0, 60)}` };
    },
  };
}
