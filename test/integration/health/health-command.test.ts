import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { fixture, json, startTarget, type TargetServer } from '../../helpers/target-server.js';

describe("/bers health against the seed systems' health endpoints, over HTTP mode", () => {
  let target: TargetServer;
  let h: HttpBotHarness;
  beforeAll(async () => {
    target = await startTarget((req, res) => {
      if (req.url === '/health') return json(res, 200, fixture('seed-health/upload-bridge-health.json'));
      if (req.url === '/api/monitoring/health') {
        return json(res, 200, fixture('seed-health/bers-monitoring-health.json'));
      }
      json(res, 404, {});
    });
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: upload-bridge
    checks: [{ name: health, kind: json-status, url: "${target.url}/health" }]
  - name: bers-monitoring
    checks: [{ name: overall, kind: bers, url: "${target.url}/api/monitoring/health" }]
`),
    });
  });
  afterAll(async () => {
    await h.close();
    await target.close();
  });

  it('summarises each service with the reason its own endpoint gave', async () => {
    const { reply } = await h.command('health');
    const text = JSON.stringify(reply.blocks);
    expect(reply.text).toMatch(/Health: degraded \(2 degraded\)/);
    expect(text).toContain('*upload-bridge* degraded');
    expect(text).toContain('health: memory degraded: memory 78.4% used (3.5 of 16 GB free)');
    expect(text).toContain('overall: configuration-validity degraded: configuration resolution 131 ms');
  });

  it('lists the components a target reported when the service is named', async () => {
    const { reply } = await h.command('health bers-monitoring');
    const text = JSON.stringify(reply.blocks);
    for (const name of [
      'environment-resolver',
      'configuration-validity',
      'provider-health',
      'metrics-collector',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).not.toContain('upload-bridge');
  });

  it('answers an unknown service with the known ones', async () => {
    const { reply } = await h.command('health checkout');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe(
      ':no_entry: Unknown service: `checkout`. Known services: `upload-bridge`, `bers-monitoring`.',
    );
  });
});
