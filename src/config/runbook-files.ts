import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { describeIssueAgainst, formatPath } from '../core/zod-issues.js';
import { runbookIssues } from './runbook-issues.js';
import { type Runbook, runbookSchema } from './runbook-schema.js';
import type { BotConfig } from './schema.js';
import type { ConfigProblem } from './substitute-env.js';

/** One runbook file's problems, named by the file (the error people see from `bers-bot check`). */
export interface RunbookFileProblems {
  file: string;
  problems: ConfigProblem[];
}

/**
 * Every `<name>.yaml` in the runbooks directory (next to the config unless `runbooks.dir` moves
 * it), validated like the config; a missing directory simply means no runbook files.
 */
export async function loadRunbookFiles(
  configFile: string,
  config: BotConfig,
): Promise<{ runbooks: Runbook[]; failures: RunbookFileProblems[] }> {
  const dir = resolve(dirname(configFile), config.runbooks.dir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const runbooks: Runbook[] = [];
  const failures: RunbookFileProblems[] = [];
  const seen = new Set(config.runbooks.definitions.map((r) => r.name));
  for (const entry of names.filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const file = join(dir, entry);
    const document = parseDocument(await readFile(file, 'utf8'), { prettyErrors: true });
    if (document.errors.length > 0) {
      failures.push({
        file,
        problems: document.errors.map((e) => ({
          path: `line ${e.linePos?.[0]?.line ?? '?'}`,
          message: e.message.split('\n')[0]!,
        })),
      });
      continue;
    }
    const raw = document.toJS() ?? {};
    const parsed = runbookSchema.safeParse(raw);
    if (!parsed.success) {
      failures.push({
        file,
        problems: parsed.error.issues.map((i) => ({
          path: formatPath(i.path),
          message: describeIssueAgainst(i, raw),
        })),
      });
      continue;
    }
    const problems = runbookIssues(parsed.data, config).map((i) => ({
      path: formatPath(i.path),
      message: i.message,
    }));
    if (seen.has(parsed.data.name))
      problems.push({ path: 'name', message: `duplicate runbook "${parsed.data.name}"` });
    seen.add(parsed.data.name);
    if (problems.length > 0) failures.push({ file, problems });
    else runbooks.push(parsed.data);
  }
  return { runbooks, failures };
}
