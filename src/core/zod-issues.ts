import type { z } from 'zod';

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
