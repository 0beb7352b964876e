import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';

/** Bolt's logger interface over pino, so Bolt's lines are JSON and redacted like ours. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  // An Error stringifies to `{}`; keep its stack, which is what someone debugging needs.
  const format = (args: unknown[]) =>
    args
      .map((a) =>
        typeof a === 'string' ? a : a instanceof Error ? (a.stack ?? a.message) : JSON.stringify(a),
      )
      .join(' ');
  return {
    debug: (...args) => child.debug(format(args)),
    info: (...args) => child.info(format(args)),
    warn: (...args) => child.warn(format(args)),
    error: (...args) => child.error(format(args)),
    setLevel: () => {},
    // Bolt and the Socket Mode client skip building debug strings unless the level says DEBUG.
    getLevel: () => (child.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.INFO),
    setName: () => {},
  };
}
