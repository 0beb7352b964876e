import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { configuredOperations } from '../../../src/actions/configured-operations.js';
import type { Executor } from '../../../src/actions/executor.js';
import { loadConfig } from '../../../src/config/load-config.js';

const examples = (await readdir('examples')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`);

/** Stands in for the environment's executor: only its description is asked for here. */
const executor: Executor = {
  describe: (kind) => `fake ${kind}`,
  supports: () => true,
  restart: async () => ({ ok: true, summary: '', outputTail: '' }),
  rollback: async () => ({ ok: true, summary: '', outputTail: '' }),
};

describe('the operations the shipped configs offer', () => {
  it.each(examples)(
    '%s: every operation describes its exact action with no placeholder left',
    async (file) => {
      const config = await loadConfig(file, {});
      for (const [service, settings] of Object.entries(config.actions.services)) {
        for (const environment of Object.keys(settings.environments)) {
          const ops = configuredOperations(
            settings.operations,
            { service, environment },
            { executor: () => executor },
          );
          for (const op of ops) {
            const values = Object.fromEntries(op.args.map((a) => [a.name, 'X']));
            const text = op.describe(values);
            expect(text, `${file} ${service} ${op.name}`).not.toMatch(/\{[a-z][a-z0-9_]*\}/);
          }
        }
      }
    },
  );

  it('covers the runbook procedures the issue names', async () => {
    const names = async (file: string) => {
      const config = await loadConfig(`examples/${file}`, {});
      return Object.values(config.actions.services).flatMap((s) => Object.keys(s.operations));
    };
    expect(await names('bers-operations.yaml')).toEqual(
      expect.arrayContaining([
        'restart-monitoring',
        'deployment-stop',
        'emergency-rollback',
        'verify-rollback',
        'cache-clear',
        'cache-ttl',
      ]),
    );
    expect(await names('bers-monitoring.yaml')).toEqual(
      expect.arrayContaining(['clear-environment-cache', 'circuit-breakers-reset']),
    );
    expect(await names('ai-chat.yaml')).toEqual(
      expect.arrayContaining(['vacuum', 'dlq-reprocess', 'rebuild', 'backup']),
    );
    expect(await names('upload-bridge.yaml')).toEqual(
      expect.arrayContaining(['config-reload', 'backup-config']),
    );
    const aiChat = await loadConfig('examples/ai-chat.yaml', {});
    expect(aiChat.actions.services['ai-chat-backend']!.environments.production!.executor).toMatchObject({
      kind: 'docker',
      rollback: { steps: [['git', 'checkout', 'HEAD~1'], expect.any(Array), expect.any(Array)] },
    });
    const monitoring = await loadConfig('examples/bers-monitoring.yaml', {});
    expect(monitoring.actions.services['bers-monitoring']!.environments.production!.executor).toMatchObject({
      kind: 'command',
      restart: { argv: ['npm', 'run', 'monitoring:restart'] },
    });
  });
});
