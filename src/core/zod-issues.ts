import type { z } from 'zod';
import { closestNames } from './did-you-mean.js';

/** Turns zod issues into one readable sentence per problem, naming the path when there is one. */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = formatPath(issue.path);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('\n');
}

/** `['services', 2, 'checks', 0, 'url']` → `services[2].checks[0].url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/**
 * An issue's message, with the value that was given and the closest allowed one when the schema
 * knows the choices: "`htp` is not one of `http`, `tcp`…; did you mean `http`?" rather than zod's
 * list alone, since a config typo is the commonest reason a kind or an option is refused.
 */
export function describeIssueAgainst(issue: z.core.$ZodIssue, input: unknown): string {
  const choices = choicesOf(issue);
  const given = valueAt(input, issue.path);
  if (!choices || typeof given !== 'string') return issue.message;
  const [closest] = closestNames(given, choices, 1);
  const list = choices.map((c) => `\`${c}\``).join(', ');
  return `\`${given}\` is not one of ${list}${closest ? `; did you mean \`${closest}\`?` : ''}`;
}

function choicesOf(issue: z.core.$ZodIssue): string[] | undefined {
  const options =
    issue.code === 'invalid_union' && 'options' in issue
      ? (issue as { options?: unknown[] }).options
      : issue.code === 'invalid_value'
        ? issue.values
        : undefined;
  const strings = options?.filter((o): o is string => typeof o === 'string');
  return strings && strings.length > 0 && strings.length === options?.length ? strings : undefined;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
