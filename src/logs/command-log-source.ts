import { runArgv } from '../actions/executors/command-executor.js';
import { fillArgv } from '../actions/executors/command-operation.js';
import type { LogsConfig } from '../config/logs-schema.js';
import { durationText } from '../core/duration.js';
import type { LogQuery, LogSource } from './log-source.js';

type CommandLogsConfig = Extract<LogsConfig, { kind: 'command' }>;

/** Output kept from a log program: plenty for a file, bounded so a runaway program cannot fill memory. */
const MAX_CHARS = 4 * 1024 * 1024;

/** A program that prints the logs (`journalctl -u unjucks-api --since -1h`, `tail -n 100 errors.log`). */
export class CommandLogSource implements LogSource {
  constructor(
    private readonly config: CommandLogsConfig,
    private readonly baseEnv?: Readonly<Record<string, string | undefined>>,
  ) {}

  describe(): string {
    return `command ${JSON.stringify(this.config.argv)}`;
  }

  async read(query: LogQuery, signal: AbortSignal): Promise<string[]> {
    const vars = {
      since: durationText(query.sinceSeconds * 1000),
      since_seconds: String(query.sinceSeconds),
      tail: String(query.tail),
    };
    const result = await runArgv(fillArgv(this.config.argv, vars), this.config, this.baseEnv, signal, {
      keepChars: MAX_CHARS,
      tailChars: MAX_CHARS,
    });
    if (!result.ok)
      throw new Error(`${result.summary}: ${result.outputTail.trim().split('\n').slice(-3).join(' / ')}`);
    return result.outputTail.split('\n').filter((l) => l !== '');
  }
}
