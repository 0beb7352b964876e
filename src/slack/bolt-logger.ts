import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';

/** Bolt's logger interface over pino, so Bolt's lines are JSON and redacted like ours. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  const format = (args: unknown[]) =>
    args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  return {
    debug: (...args) => child.debug(format(args)),
    info: (...args) => child.info(format(args)),
    warn: (...args) => child.warn(format(args)),
    error: (...args) => child.error(format(args)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
