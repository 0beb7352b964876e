import { describe, expect, it } from 'vitest';
import { runbookSchema } from '../../../src/config/runbook-schema.js';

const parse = (steps: unknown[]) => runbookSchema.safeParse({ name: 'r', title: 'R', steps });

describe('runbook gather and act steps', () => {
  it('takes alerts, logs (defaults for `logs: true`) and query gathers, one kind per step', () => {
    const ok = parse([
      { gather: { alerts: true } },
      { gather: { logs: true } },
      { gather: { logs: { since: '1h', tail: 50, grep: 'error' } } },
      { gather: { query: { metric: 'error-rate' } } },
    ]);
    expect(ok.success).toBe(true);
    expect(ok.data!.steps[1]).toEqual({ gather: { logs: { since: '15m', tail: 20 } } });
    expect(ok.data!.steps[3]).toEqual({ gather: { query: { metric: 'error-rate', period: '1h' } } });
    const two = parse([{ gather: { alerts: true, health: true } }]);
    expect(JSON.stringify(two.error?.issues)).toContain(
      'name exactly one of health, metric, query, alerts, logs, http',
    );
    expect(parse([{ gather: { logs: { tail: 51 } } }]).success).toBe(false);
    expect(parse([{ gather: { logs: { since: '1 hour' } } }]).success).toBe(false);
  });
});
