import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/load-config.js';

const CONFIG = `
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
`;

async function configWith(runbooks: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bers-runbooks-'));
  await mkdir(join(dir, 'runbooks'));
  for (const [name, text] of Object.entries(runbooks)) await writeFile(join(dir, 'runbooks', name), text);
  await writeFile(join(dir, 'bers.yaml'), CONFIG);
  return join(dir, 'bers.yaml');
}

describe('runbook files next to the config', () => {
  it('loads every runbooks/<name>.yaml with the config', async () => {
    const file = await configWith({
      'web-down.yaml':
        'name: web-down\ntitle: Web down\nservice: web\nsteps: [{ gather: { health: true } }, { note: hi }]\n',
    });
    const config = await loadConfig(file, {});
    expect(config.runbooks.definitions.map((r) => r.name)).toEqual(['web-down']);
  });

  it('rejects a bad runbook naming its file and the field', async () => {
    const file = await configWith({
      'bad.yaml':
        'name: bad\ntitle: Bad\nservice: nope\nsteps:\n  - gather: { health: true }\n  - watch: { metric: latency }\n  - wander: {}\n',
    });
    const error = await loadConfig(file, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect((error as ConfigError).file).toBe(join(file, '..', 'runbooks', 'bad.yaml'));
    expect(message).toContain('steps[2]: a step is one of gather, act, watch, note');

    const unknownNames = await configWith({
      'names.yaml': 'name: names\ntitle: Names\nservice: nope\nsteps: [{ watch: { metric: latency } }]\n',
    });
    const second = (await loadConfig(unknownNames, {}).catch((e: unknown) => e)) as ConfigError;
    expect(second.message).toContain('names.yaml');
    expect(second.message).toContain('service: unknown service "nope"');
    expect(second.message).toContain('steps[0].watch.metric: unknown metric "latency"');
  });

  it("loads the seeds' runbooks shipped with the examples", async () => {
    const root = join(import.meta.dirname, '..', '..', '..', 'examples');
    const names = async (file: string) =>
      (await loadConfig(join(root, file), {})).runbooks.definitions.map((r) => r.name);
    expect(await names('bers-monitoring.yaml')).toEqual([
      'build-performance-degraded',
      'configuration-resolution-slow',
      'environment-detection-failed',
    ]);
    expect(await names('ai-chat.yaml')).toEqual([
      'database-issues',
      'message-queue-overflow',
      'service-down-recovery',
    ]);
  });
});
