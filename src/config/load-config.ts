import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { BersError, ErrorCode } from '../core/errors.js';
import { describeIssueAgainst, formatPath } from '../core/zod-issues.js';
import { secretMasker, secretsIn } from '../observability/logger.js';
import { loadRunbookFiles } from './runbook-files.js';
import { type BotConfig, botConfigSchema } from './schema.js';
import { type ConfigProblem, substituteEnv } from './substitute-env.js';

/** A config that must not start the bot; `problems` name each path that is wrong. */
export class ConfigError extends BersError {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      ErrorCode.Config,
      `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems
        .map((p) => `  ${p.path || '(top level)'}: ${p.message}`)
        .join('\n')}`,
    );
  }
}

/**
 * Messages can quote a value (`unknown time zone "…"`), and a value may be a `${VAR}` secret put
 * in the wrong place: they are masked as log lines are, since they end up on stderr and in logs.
 */
function masked(
  problems: ConfigProblem[],
  env: Readonly<Record<string, string | undefined>>,
): ConfigProblem[] {
  const mask = secretMasker(secretsIn(env));
  return problems.map((p) => ({ path: mask(p.path), message: mask(p.message) }));
}

/** Parses and validates config text; every problem is collected, not just the first. */
export function parseConfig(
  text: string,
  file: string,
  env: Readonly<Record<string, string | undefined>>,
): BotConfig {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((e) => ({
      path: `line ${e.linePos?.[0]?.line ?? '?'}`,
      message: e.message.split('\n')[0]!,
    }));
    throw new ConfigError(file, masked(problems, env));
  }
  const problems: ConfigProblem[] = [];
  const raw = substituteEnv(document.toJS() ?? {}, env, problems);
  const parsed = botConfigSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: describeIssueAgainst(issue, raw),
      })),
    );
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(file, masked(problems, env));
  return parsed.data;
}

export async function loadConfig(
  file: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<BotConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [
      { path: '', message: `cannot read the file (${(error as Error).message})` },
    ]);
  }
  const config = parseConfig(text, file, env);
  const { runbooks, failures } = await loadRunbookFiles(file, config);
  const failure = failures[0];
  // The first bad runbook is reported under its own file, so the path people fix is the one named.
  if (failure) throw new ConfigError(failure.file, masked(failure.problems, env));
  config.runbooks.definitions.push(...runbooks);
  return config;
}
