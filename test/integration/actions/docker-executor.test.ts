import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerExecutor } from '../../../src/integrations/docker/docker-executor.js';

const CONTAINERS = [
  {
    Id: 'a1',
    Names: ['/ai-chat-backend-1'],
    State: 'running',
    Labels: { 'com.docker.compose.service': 'backend', 'com.docker.compose.project': 'ai-chat' },
  },
  {
    Id: 'a2',
    Names: ['/ai-chat-backend-2'],
    State: 'running',
    Labels: { 'com.docker.compose.service': 'backend', 'com.docker.compose.project': 'ai-chat' },
  },
  {
    Id: 'b1',
    Names: ['/ai-chat-frontend-1'],
    State: 'running',
    Labels: { 'com.docker.compose.service': 'frontend', 'com.docker.compose.project': 'ai-chat' },
  },
];

/** The Docker Engine API's few calls used, on a unix socket like /var/run/docker.sock. */
describe('docker executor (fake Engine API on a unix socket)', () => {
  let server: Server;
  let socketPath: string;
  const calls: string[] = [];

  beforeAll(async () => {
    socketPath = join(await mkdtemp(join(tmpdir(), 'bers-docker-')), 'docker.sock');
    server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://docker');
      calls.push(`${req.method} ${url.pathname}${url.search}`);
      const json = (status: number, body?: unknown) => {
        res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      if (req.method === 'GET' && url.pathname === '/containers/json') {
        const labels: string[] = JSON.parse(url.searchParams.get('filters') ?? '{}').label ?? [];
        return json(
          200,
          CONTAINERS.filter((c) =>
            labels.every((l) => {
              const [k, v] = l.split('=');
              return (c.Labels as Record<string, string>)[k!] === v;
            }),
          ),
        );
      }
      const restart = /^\/containers\/([^/]+)\/restart$/.exec(url.pathname);
      if (req.method === 'POST' && restart) {
        const name = decodeURIComponent(restart[1]!);
        if (!CONTAINERS.some((c) => c.Names[0] === `/${name}` || c.Id === name))
          return json(404, { message: `No such container: ${name}` });
        return json(204);
      }
      json(404, { message: 'page not found' });
    });
    await new Promise<void>((r) => server.listen(socketPath, r));
  });
  afterAll(() => server.close());

  const signal = () => new AbortController().signal;

  it('restarts one container by name', async () => {
    const executor = new DockerExecutor({
      socketPath,
      container: 'ai-chat-frontend-1',
      stopTimeoutSeconds: 10,
    });
    const result = await executor.restart(signal());
    expect(result).toMatchObject({ ok: true, summary: 'restarted 1 container(s)' });
    expect(calls.at(-1)).toBe('POST /containers/ai-chat-frontend-1/restart?t=10');
  });

  it("restarts a compose service's containers, found by label", async () => {
    calls.length = 0;
    const executor = new DockerExecutor({
      socketPath,
      composeService: 'backend',
      composeProject: 'ai-chat',
      stopTimeoutSeconds: 5,
    });
    const result = await executor.restart(signal());
    expect(result).toMatchObject({ ok: true, summary: 'restarted 2 container(s)' });
    expect(result.outputTail).toBe('restarted ai-chat-backend-1\nrestarted ai-chat-backend-2');
    expect(calls[0]).toMatch(/^GET \/containers\/json\?all=true&filters=/);
    expect(calls.slice(1)).toEqual([
      'POST /containers/ai-chat-backend-1/restart?t=5',
      'POST /containers/ai-chat-backend-2/restart?t=5',
    ]);
  });

  it("reports Docker's error for an unknown container, and no containers for an unknown service", async () => {
    const missing = await new DockerExecutor({
      socketPath,
      container: 'nope',
      stopTimeoutSeconds: 10,
    }).restart(signal());
    expect(missing).toMatchObject({ ok: false, summary: '1 of 1 restarts failed' });
    expect(missing.outputTail).toBe('nope: HTTP 404 No such container: nope');
    const none = await new DockerExecutor({
      socketPath,
      composeService: 'worker',
      stopTimeoutSeconds: 10,
    }).restart(signal());
    expect(none).toMatchObject({
      ok: false,
      summary: 'no containers found for docker compose service worker',
    });
  });

  it('cannot roll back', async () => {
    const executor = new DockerExecutor({ socketPath, container: 'x', stopTimeoutSeconds: 10 });
    expect(executor.supports('rollback')).toBe(false);
  });
});
