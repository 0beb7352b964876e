import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { commandOperation } from '../../../src/actions/executors/command-operation.js';
import { DockerExecutor } from '../../../src/integrations/docker/docker-executor.js';
import { DockerLogSource, demultiplex } from '../../../src/integrations/docker/docker-logs.js';
import { FakeDocker } from '../../helpers/fake-docker.js';

const signal = () => AbortSignal.timeout(10_000);
const backend = (socketPath: string) =>
  new DockerExecutor({
    socketPath,
    composeService: 'backend',
    composeProject: 'ai-chat',
    stopTimeoutSeconds: 5,
  });

/** `docker compose up --scale`, `docker logs` and a programs rollback, against the Engine API on a unix socket. */
describe('docker executor: scale, logs, rollback (fake Engine API on a unix socket)', () => {
  let docker: FakeDocker;

  beforeEach(async () => {
    await docker?.close();
    docker = await FakeDocker.start();
    docker.addComposeContainer('ai-chat', 'backend', 1, [
      { at: '2026-01-05T08:00:01.000000000Z', text: 'listening on 3001' },
      { at: '2026-01-05T08:00:03.000000000Z', text: 'ERROR queue: connection refused', stream: 2 },
    ]);
    docker.addComposeContainer('ai-chat', 'frontend', 1);
  });
  afterAll(() => docker.close());

  const backends = () =>
    docker.containers.filter((c) => c.Labels['com.docker.compose.service'] === 'backend');

  it('scales a compose service up like compose: copies of the first, numbered on, started, on its networks', async () => {
    const result = await backend(docker.socketPath).scale!(3, signal());
    expect(result).toMatchObject({
      ok: true,
      summary: 'scaled compose service backend from 1 to 3 containers',
    });
    expect(result.outputTail).toBe(
      'created and started ai-chat-backend-2\ncreated and started ai-chat-backend-3',
    );
    expect(
      backends().map((c) => [c.Names[0], c.State, c.Labels['com.docker.compose.container-number']]),
    ).toEqual([
      ['/ai-chat-backend-1', 'running', '1'],
      ['/ai-chat-backend-2', 'running', '2'],
      ['/ai-chat-backend-3', 'running', '3'],
    ]);
    const create = docker.calls.find((c) => c.path === '/containers/create')!;
    expect(create.query.get('name')).toBe('ai-chat-backend-2');
    expect(create.body).toMatchObject({
      Image: 'ai-chat-backend:latest',
      Env: ['NODE_ENV=production'],
      HostConfig: { RestartPolicy: { Name: 'unless-stopped' } },
      NetworkingConfig: { EndpointsConfig: { 'ai-chat_default': { Aliases: ['backend'] } } },
    });
    expect(create.body).not.toHaveProperty('Hostname');
  });

  it('scales down from the highest number, stopping then removing', async () => {
    const executor = backend(docker.socketPath);
    await executor.scale!(3, signal());
    docker.calls.length = 0;
    const result = await executor.scale!(1, signal());
    expect(result).toMatchObject({
      ok: true,
      summary: 'scaled compose service backend from 3 to 1 containers',
    });
    expect(docker.calls.map((c) => `${c.method} ${c.path}`).slice(1)).toEqual([
      'POST /containers/ai-chat-backend-3/stop',
      'DELETE /containers/ai-chat-backend-3',
      'POST /containers/ai-chat-backend-2/stop',
      'DELETE /containers/ai-chat-backend-2',
    ]);
    expect(backends().map((c) => c.Names[0])).toEqual(['/ai-chat-backend-1']);
  });

  it("reports the daemon's refusal (a host port already taken) and cannot scale a single container", async () => {
    docker.createError = { status: 500, message: 'Bind for 0.0.0.0:3001 failed: port is already allocated' };
    const result = await backend(docker.socketPath).scale!(2, signal());
    expect(result).toMatchObject({
      ok: false,
      summary:
        'scaling compose service backend from 1 to 2 containers failed: creating ai-chat-backend-2: HTTP 500 Bind for 0.0.0.0:3001 failed: port is already allocated',
    });
    const single = new DockerExecutor({
      socketPath: docker.socketPath,
      container: 'x',
      stopTimeoutSeconds: 5,
    });
    expect(single.scale).toBeUndefined();
  });

  it('reads logs with since, tail and timestamps, stdout and stderr demultiplexed, across containers', async () => {
    docker.addComposeContainer('ai-chat', 'backend', 2, [
      { at: '2026-01-05T08:00:02.000000000Z', text: 'worker ready' },
    ]);
    const source = new DockerLogSource({
      socketPath: docker.socketPath,
      composeService: 'backend',
      composeProject: 'ai-chat',
    });
    const before = Math.floor(Date.now() / 1000);
    const lines = await source.read({ sinceSeconds: 3600, tail: 50 }, signal());
    expect(lines).toEqual([
      '2026-01-05T08:00:01.000000000Z [ai-chat-backend-1] listening on 3001',
      '2026-01-05T08:00:02.000000000Z [ai-chat-backend-2] worker ready',
      '2026-01-05T08:00:03.000000000Z [ai-chat-backend-1] ERROR queue: connection refused',
    ]);
    const call = docker.calls.find((c) => c.path === '/containers/ai-chat-backend-1/logs')!;
    expect(Object.fromEntries(call.query)).toMatchObject({
      stdout: 'true',
      stderr: 'true',
      timestamps: 'true',
      tail: '50',
    });
    expect(Number(call.query.get('since'))).toBeGreaterThanOrEqual(before - 3600);
    expect(Number(call.query.get('since'))).toBeLessThanOrEqual(before - 3600 + 5);
  });

  it('reads a TTY container’s raw stream as it is', () => {
    expect(demultiplex(Buffer.from('plain text\nsecond line\n'))).toBe('plain text\nsecond line\n');
  });

  it('rolls back with the configured programs (the Engine API cannot)', async () => {
    const executor = new DockerExecutor({
      socketPath: docker.socketPath,
      composeService: 'backend',
      stopTimeoutSeconds: 5,
      rollback: commandOperation(
        {
          steps: [
            ['node', '-e', 'console.log("checkout HEAD~1")'],
            ['node', '-e', 'console.log("up -d")'],
          ],
          env: {},
          timeoutSeconds: 30,
        },
        { PATH: process.env.PATH },
      ),
    });
    expect(executor.supports('rollback')).toBe(true);
    expect(executor.supports('rollback', '41')).toBe(false);
    expect(executor.describe('rollback')).toBe(
      'command ["node","-e","console.log(\\"checkout HEAD~1\\")"] then ["node","-e","console.log(\\"up -d\\")"]',
    );
    const result = await executor.rollback(undefined, signal());
    expect(result).toMatchObject({ ok: true, summary: expect.stringMatching(/^2 steps succeeded/) });
    expect(result.outputTail).toBe('checkout HEAD~1\nup -d');
  });
});
