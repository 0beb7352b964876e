import { describe, expect, it } from 'vitest';
import { runbookIssues } from '../../../src/config/runbook-issues.js';
import { runbookSchema } from '../../../src/config/runbook-schema.js';
import { cacheArg, ttlArg } from '../../helpers/operation-args.js';

const cache = cacheArg();
const ttl = ttlArg;

describe('runbook gather and act steps', () => {
  it("names a query's unknown KPI and an act's fixed argument the operation does not take", () => {
    const runbook = runbookSchema.parse({
      name: 'r',
      title: 'R',
      service: 'web',
      steps: [
        { gather: { query: { metric: 'nope' } } },
        { act: { operation: 'cache-ttl', args: { cache: 'configuration', colour: 'red' } } },
      ],
    });
    const issues = runbookIssues(runbook, {
      services: [{ name: 'web', aliases: [] }],
      metrics: { definitions: [] },
      actions: { services: { web: { operations: { 'cache-ttl': { args: [cache, ttl] } } } } },
    });
    expect(issues).toEqual([
      {
        path: ['steps', 0, 'gather', 'query', 'metric'],
        message: 'unknown metric "nope" (metrics.definitions)',
      },
      { path: ['steps', 1, 'act', 'args', 'colour'], message: 'cache-ttl has no argument "colour"' },
    ]);
  });
});
