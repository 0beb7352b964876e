import pino, { type Logger } from 'pino';

/**
 * A logger for a worker thread whose JSON lines are handed to `send` (to be posted to the main
 * thread), so they reach the process's one logger with its redaction and destination.
 */
export function relayingLogger(level: string, send: (line: string) => void): Logger {
  return pino({ level, base: undefined, timestamp: false }, { write: send });
}

/** Logs a line made by `relayingLogger` through `log`, at its level, with its fields. */
export function relayLogLine(log: Logger, line: string): void {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(line) as Record<string, unknown>;
  } catch {
    log.warn({ line }, 'unparsable log line from a worker thread');
    return;
  }
  const { level, msg, ...fields } = parsed;
  const label = pino.levels.labels[Number(level)] ?? 'info';
  (log[label as pino.Level] ?? log.info).call(log, fields, typeof msg === 'string' ? msg : '');
}
