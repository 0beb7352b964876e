import type { CheckConfig } from '../../config/schema.js';
import { pingRedis } from '../../integrations/redis/redis-ping.js';
import type { Checker } from '../model.js';

type RedisCheckConfig = Extract<CheckConfig, { kind: 'redis' }>;

/** Redis answers PING with PONG. */
export function redisChecker(config: RedisCheckConfig): Checker {
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
