import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { problemsOf } from '../../helpers/config.js';

const services = `
services:
  - name: unjucks-api
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
permissions:
  roles: { sre: { users: [U1] } }
`;

describe('actions config', () => {
  it('accepts each executor kind and fills in defaults', () => {
    const config = parseConfig(
      `${services}
actions:
  services:
    unjucks-api:
      environments:
        production:
          executor: { kind: kubernetes, namespace: unjucks-prod, deployment: unjucks-api }
          rollback: [sre]
          twoPersonRollback: true
        staging:
          executor: { kind: docker, composeService: backend }
        ci:
          executor: { kind: http, rollback: { url: "https://ci.example.com/hooks/rollback" } }
        vm:
          executor: { kind: command, restart: { argv: [systemctl, restart, unjucks-api] } }
`,
      'x.yaml',
      {},
    );
    const envs = config.actions.services['unjucks-api']!.environments;
    expect(envs.production!.executor).toMatchObject({ rolloutTimeoutSeconds: 300 });
    expect(envs.staging!.executor).toMatchObject({ socketPath: '/var/run/docker.sock' });
    expect(config.actions.confirmSeconds).toBe(300);
  });

  it('names the path of every problem', () => {
    expect(
      problemsOf(`${services}
actions:
  services:
    unjucks:
      environments:
        production:
          executor: { kind: command, restart: { argv: "npm run restart" } }
    unjucks-api:
      defaultEnvironment: prod
      environments:
        production:
          executor: { kind: docker, container: a, composeService: b }
          restart: [admins]
          revisionFormat: "(["
`),
    ).toEqual([
      'actions.services.unjucks.environments.production.executor.restart.argv: Invalid input: expected array, received string',
      'actions.services.unjucks-api.environments.production.executor: name exactly one of container or composeService',
    ]);
  });

  it('checks service names, roles, defaults and regexes once the shapes are valid', () => {
    expect(
      problemsOf(`${services}
actions:
  services:
    unjucks:
      environments:
        production: { executor: { kind: command } }
    unjucks-api:
      defaultEnvironment: prod
      environments:
        production:
          executor: { kind: docker, container: a }
          restart: [admins]
          revisionFormat: "(["
`),
    ).toEqual([
      'actions.services.unjucks: unknown service (known: unjucks-api)',
      'actions.services.unjucks-api.defaultEnvironment: not one of production',
      'actions.services.unjucks-api.environments.production.restart[0]: unknown role "admins"',
      'actions.services.unjucks-api.environments.production.revisionFormat: not a valid regular expression',
    ]);
  });
});
