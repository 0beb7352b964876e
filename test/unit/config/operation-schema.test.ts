import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { problemsOf } from '../../helpers/config.js';

const base = `
services:
  - name: bers-api
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
permissions:
  roles: { ops: { users: [U1] } }
metrics:
  definitions:
    - { name: configuration-resolution-time, unit: ms, target: 100, comparison: below, source: { kind: service-api, url: "http://127.0.0.1:3002", metric: configuration_resolution_time } }
actions:
  services:
    bers-api:
      environments:
        production:
          executor: { kind: command, restart: { argv: [npm, run, restart:system] } }
        staging:
          executor: { kind: kubernetes, namespace: bers, deployment: bers-api }
      operations:
`;

const indent = (yaml: string) =>
  yaml
    .trim()
    .split('\n')
    .map((l) => `        ${l}`)
    .join('\n');

describe('named operations in the config', () => {
  it('accepts each executor kind and argument type, with defaults', () => {
    const config = parseConfig(
      base +
        indent(`
cache-ttl:
  description: Adjust a cache's TTL
  executor:
    kind: http
    url: http://127.0.0.1:3003/api/config/cache/{cache}/ttl
    body: '{"ttl": {ttl}}'
  args:
    - { name: cache, type: enum, values: [environment-detection, configuration] }
    - { name: ttl, type: duration, min: 1m, max: 1h, unit: ms }
  verify: { kind: metric, metric: configuration-resolution-time }
scale-monitoring:
  executor: { kind: command, argv: [npm, run, scale:monitoring, "--instances={instances}"] }
  args: [{ name: instances, type: int, min: 1, max: 5 }]
  roles: [ops]
  twoPerson: true
rebuild:
  executor: { kind: command, steps: [[docker, compose, build], [docker, compose, up, -d]] }
  verify: { kind: wait, seconds: 30 }
  environments: [production]
lookup:
  executor: { kind: command, argv: [node, scripts/validate-tenant.js, "--tenant={tenant}"] }
  args: [{ name: tenant, type: string, pattern: "[a-f0-9]{8,64}", optional: true }]
  confirm: false
  permission: read
scale-up:
  executor: { kind: kubernetes, action: scale, replicas: 6 }
  environments: [staging]
`),
      'x.yaml',
      {},
    );
    const ops = config.actions.services['bers-api']!.operations;
    expect(Object.keys(ops)).toEqual(['cache-ttl', 'scale-monitoring', 'rebuild', 'lookup', 'scale-up']);
    expect(ops['cache-ttl']).toMatchObject({
      confirm: true,
      twoPerson: false,
      args: [{ optional: false }, { unit: 'ms' }],
    });
    expect(ops['scale-monitoring']!.verify).toEqual({ kind: 'health' });
    expect(ops.lookup!.args[0]).toMatchObject({ maxLength: 64 });
    expect(config.actions.services['bers-api']!.operations['cache-ttl']!.verify).toMatchObject({
      timeoutSeconds: 300,
      intervalSeconds: 15,
    });
  });

  it('names the path of every problem in an operation', () => {
    expect(
      problemsOf(
        base +
          indent(`
cache-clear:
  executor: { kind: command, argv: [curl, http://127.0.0.1/clear], steps: [[x]] }
flush:
  executor: { kind: command, argv: ["--scope={scope}", "{service}"] }
  args:
    - { name: scope, type: enum, values: ["; rm -rf /"] }
    - { name: n, type: int, min: 5, max: 1 }
    - { name: d, type: duration, max: forever }
    - { name: s, type: string, pattern: "([" }
`),
      ),
    ).toEqual([
      'actions.services.bers-api.operations.cache-clear.executor: give either argv or steps',
      'actions.services.bers-api.operations.flush.args[0].values[0]: letters, digits and ._:/@+=- only, not starting with -',
      'actions.services.bers-api.operations.flush.args[1].min: min must not be above max',
      'actions.services.bers-api.operations.flush.args[2].max: a duration such as 30s, 5m, 1h, 7d',
      'actions.services.bers-api.operations.flush.args[3].pattern: not a valid regular expression',
    ]);
  });

  it('checks names, roles, placeholders, environments and metrics once the shapes are valid', () => {
    expect(
      problemsOf(
        base +
          indent(`
restart:
  executor: { kind: command, argv: [npm, run, restart:monitoring] }
Cache_Clear:
  executor: { kind: command, argv: [x] }
clear:
  executor: { kind: http, url: "http://127.0.0.1/{cache}/{servce}" }
  args:
    - { name: cache, type: enum, values: [a], optional: true }
    - { name: service, type: enum, values: [b] }
  roles: [nobody]
  confirm: false
  twoPerson: true
  environments: [prod]
  verify: { kind: metric, metric: cache-hit-rate }
grow:
  executor: { kind: kubernetes, action: scale }
`),
      ),
    ).toEqual([
      'actions.services.bers-api.operations.restart: "restart" is built in; configure it with the environment\'s executor',
      'actions.services.bers-api.operations.Cache_Clear: lower-case letters, digits and dashes (e.g. cache-clear)',
      'actions.services.bers-api.operations.clear.roles[0]: unknown role "nobody"',
      'actions.services.bers-api.operations.clear.twoPerson: a two-person operation needs confirm: true',
      'actions.services.bers-api.operations.clear.environments[0]: not one of production, staging',
      "actions.services.bers-api.operations.clear.args[1].name: {service} is the target's own; name the argument otherwise",
      'actions.services.bers-api.operations.clear.args[1]: required arguments come before optional ones',
      'actions.services.bers-api.operations.clear.executor: {servce} is not an argument of this operation',
      'actions.services.bers-api.operations.clear.verify.metric: unknown metric (known: configuration-resolution-time)',
      'actions.services.bers-api.operations.grow.executor: environment production has a command executor, not kubernetes',
      'actions.services.bers-api.operations.grow.executor.replicas: scale needs replicas (a number or {argument})',
    ]);
  });
});
