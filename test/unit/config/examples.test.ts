import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { ManualClock } from '../../../src/core/clock.js';
import { buildHealthService } from '../../../src/health/build-health-service.js';
import { healthProbes } from '../../../src/wiring/health-probes.js';

const examples = (await readdir('examples')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`);

describe('shipped configs', () => {
  it('has one example per seed system', () => {
    expect(examples.sort()).toEqual([
      'examples/ai-chat.yaml',
      'examples/bers-monitoring.yaml',
      'examples/bers-operations.yaml',
      'examples/unjucks.yaml',
      'examples/upload-bridge.yaml',
    ]);
  });

  it.each([...examples, 'bers.config.yaml'])(
    '%s loads with the real loader and builds its checkers',
    async (file) => {
      // No environment at all: every ${VAR} in a shipped file has a default.
      const config = await loadConfig(file, {});
      expect(config.services.length).toBeGreaterThan(0);
      const health = buildHealthService(config, new ManualClock(), healthProbes);
      expect(health.serviceNames()).toEqual(config.services.map((s) => s.name));
    },
  );

  it('takes hosts and secrets from the environment', async () => {
    const config = await loadConfig('examples/unjucks.yaml', {
      UNJUCKS_DB_PASSWORD: 's3cret',
      UNJUCKS_DB_HOST: 'db.internal',
    });
    const db = config.services.find((s) => s.name === 'unjucks-db')!;
    expect(db.checks[0]).toMatchObject({
      kind: 'postgres',
      url: 'postgres://monitor:s3cret@db.internal:5432/unjucks',
    });
  });

  it('keeps secrets out of the files', async () => {
    for (const file of examples) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toMatch(/^\s*[\w-]*(password|token|secret)[\w-]*\s*:\s*[^$\s]/im);
      expect(text, file).not.toMatch(/:\/\/[^/\s$:]+:[^@\s$]+@/);
    }
  });
});
