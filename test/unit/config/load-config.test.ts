import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config/load-config.js';
import { MINIMAL_CONFIG, problemsOf } from '../../helpers/config.js';

const ROUTING_KEY = 'R0UT1NGKEY0123456789abcdef012345';

describe('config', () => {
  it('accepts the shipped config with defaults filled in', async () => {
    const text = await readFile('bers.config.yaml', 'utf8');
    const config = parseConfig(text, 'bers.config.yaml', {});
    expect(config.services.map((s) => s.name)).toEqual(['bers-bot', 'host']);
    expect(config.services[0]!.checks[0]).toMatchObject({
      kind: 'http',
      url: 'http://127.0.0.1:3000/healthz',
    });
    expect(config.health.circuitBreaker.failureThreshold).toBe(3);
  });

  it('names the path of every problem', () => {
    const problems = problemsOf(`
services:
  - name: ok
    checks: [{ kind: tcp, host: a, port: 1 }]
  - name: Bad Name
    checks: [{ kind: http, url: not-a-url }]
  - name: third
    checks: [{ kind: nope }]
`);
    expect(problems).toContain(
      'services[1].name: must be lower-case letters, digits and dashes (e.g. upload-bridge)',
    );
    expect(problems).toContain('services[1].checks[0].url: invalid URL');
    expect(problems.some((p) => p.startsWith('services[2].checks[0].kind:'))).toBe(true);
  });

  it('substitutes ${VAR} from the environment and reports unset ones by path', () => {
    const yaml = `
services:
  - name: db
    checks: [{ kind: postgres, url: "\${DB_URL}" }, { kind: redis, url: "\${REDIS_URL:-redis://127.0.0.1:6379}" }]
`;
    const config = parseConfig(yaml, 'x.yaml', { DB_URL: 'postgres://u:p@h/db' });
    expect(config.services[0]!.checks).toMatchObject([
      { url: 'postgres://u:p@h/db' },
      { url: 'redis://127.0.0.1:6379' },
    ]);
    expect(problemsOf(yaml)).toContain('services[0].checks[0].url: environment variable DB_URL is not set');
  });

  it('never lets an environment value change the YAML structure', () => {
    const config = parseConfig(
      'services:\n  - name: a\n    description: "${D}"\n    checks: [{ kind: tcp, host: h, port: 1 }]\n',
      'x.yaml',
      { D: 'x"\nservices: []' },
    );
    expect(config.services[0]!.description).toBe('x"\nservices: []');
  });

  it('reports YAML syntax errors and duplicate services', () => {
    expect(problemsOf('services: [')[0]).toMatch(/^line \d+:/);
    const dup = problemsOf(
      'services:\n  - { name: a, checks: [{ kind: tcp, host: h, port: 1 }] }\n  - { name: a, checks: [{ kind: tcp, host: h, port: 1 }] }\n',
    );
    expect(dup).toContain('services[1].name: duplicate service name (also services[0])');
  });
});

describe('config error messages', () => {
  const env = { PAGERDUTY_ROUTING_KEY: ROUTING_KEY, BOT_PASSWORD: 'hunter2-but-longer' };
  const messageOf = (yaml: string) => {
    try {
      parseConfig(yaml, 'x.yaml', env);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error('the config was accepted');
  };

  it('mask a secret that was put where a value is quoted back (a time zone)', () => {
    const message = messageOf(`${MINIMAL_CONFIG}
reports:
  schedules: [{ id: daily, kind: daily-health, cron: "0 9 * * *", timezone: "\${PAGERDUTY_ROUTING_KEY}" }]
incidents:
  businessHours: { timezone: "\${BOT_PASSWORD}" }
`);
    expect(message).toContain('reports.schedules[0].timezone: unknown time zone "[redacted]"');
    expect(message).toContain('incidents.businessHours.timezone: unknown time zone "[redacted]"');
    expect(message).not.toContain(ROUTING_KEY);
    expect(message).not.toContain('hunter2');
  });

  it('mask credential-looking text even when it is not from the environment', () => {
    const message = messageOf(
      `${MINIMAL_CONFIG}\nincidents:\n  businessHours: { timezone: "xoxb-123-456-abc" }\n`,
    );
    expect(message).toContain('unknown time zone "xox?-[redacted]"');
  });
});
