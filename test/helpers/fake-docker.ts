import { mkdtemp } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeContainer {
  Id: string;
  Names: string[];
  State: 'running' | 'exited' | 'created';
  Labels: Record<string, string>;
  Image: string;
  /** Log lines as the daemon stores them, each `<RFC3339Nano> <text>`; `stream` 2 is stderr. */
  logs: { at: string; text: string; stream?: 1 | 2 }[];
}

/** One multiplexed frame: [stream, 0, 0, 0, big-endian size] then the payload. */
function frame(stream: number, payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  const head = Buffer.alloc(8);
  head[0] = stream;
  head.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, body]);
}

/**
 * The Docker Engine API on a unix socket, as /var/run/docker.sock speaks it, for the calls the bot
 * makes: list (label filters), inspect, restart, create, start, stop, remove, and logs as a
 * multiplexed stream (non-TTY containers). Every request is recorded.
 */
export class FakeDocker {
  readonly calls: { method: string; path: string; query: URLSearchParams; body?: unknown }[] = [];
  readonly containers: FakeContainer[] = [];
  /** Answer container creation with this error (e.g. a host port already allocated). */
  createError?: { status: number; message: string };
  private seq = 0;

  private constructor(
    private readonly server: Server,
    readonly socketPath: string,
  ) {}

  static async start(): Promise<FakeDocker> {
    const socketPath = join(await mkdtemp(join(tmpdir(), 'bers-docker-')), 'docker.sock');
    const server = createServer();
    const fake = new FakeDocker(server, socketPath);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((r) => server.listen(socketPath, r));
    return fake;
  }

  /** A compose service's container, numbered like `docker compose up` does. */
  addComposeContainer(
    project: string,
    service: string,
    n: number,
    logs: FakeContainer['logs'] = [],
  ): FakeContainer {
    const container: FakeContainer = {
      Id: `id-${service}-${n}-${++this.seq}`,
      Names: [`/${project}-${service}-${n}`],
      State: 'running',
      Image: `${project}-${service}:latest`,
      Labels: {
        'com.docker.compose.project': project,
        'com.docker.compose.service': service,
        'com.docker.compose.container-number': String(n),
      },
      logs,
    };
    this.containers.push(container);
    return container;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private find(idOrName: string): FakeContainer | undefined {
    return this.containers.find((c) => c.Id === idOrName || c.Names[0] === `/${idOrName}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of req) text += chunk;
    const url = new URL(req.url!, 'http://docker');
    const body = text ? JSON.parse(text) : undefined;
    this.calls.push({ method: req.method!, path: url.pathname, query: url.searchParams, body });
    const json = (status: number, value?: unknown) => {
      res.writeHead(status, value === undefined ? {} : { 'content-type': 'application/json' });
      res.end(value === undefined ? undefined : JSON.stringify(value));
    };
    if (req.method === 'GET' && url.pathname === '/containers/json') {
      const labels: string[] = JSON.parse(url.searchParams.get('filters') ?? '{}').label ?? [];
      const all = url.searchParams.get('all') === 'true';
      return json(
        200,
        this.containers
          .filter((c) => all || c.State === 'running')
          .filter((c) => labels.every((l) => c.Labels[l.split('=')[0]!] === l.split('=')[1]))
          .map(({ logs: _logs, ...summary }) => summary),
      );
    }
    if (req.method === 'POST' && url.pathname === '/containers/create') {
      if (this.createError) return json(this.createError.status, { message: this.createError.message });
      const name = url.searchParams.get('name')!;
      const created: FakeContainer = {
        Id: `id-new-${++this.seq}`,
        Names: [`/${name}`],
        State: 'created',
        Image: body.Image,
        Labels: body.Labels,
        logs: [],
      };
      this.containers.push(created);
      return json(201, { Id: created.Id, Warnings: [] });
    }
    const match = /^\/containers\/([^/]+)(?:\/([a-z]+))?$/.exec(url.pathname);
    const container = match && this.find(decodeURIComponent(match[1]!));
    if (!match || !container)
      return json(404, { message: `No such container: ${match?.[1] ?? url.pathname}` });
    const action = `${req.method} ${match[2] ?? ''}`;
    switch (action) {
      case 'GET json':
        return json(200, {
          Id: container.Id,
          Name: container.Names[0],
          Config: {
            Image: container.Image,
            Hostname: container.Id.slice(0, 12),
            Env: ['NODE_ENV=production'],
            Labels: container.Labels,
          },
          HostConfig: { NetworkMode: 'ai-chat_default', RestartPolicy: { Name: 'unless-stopped' } },
          NetworkSettings: { Networks: { 'ai-chat_default': { Aliases: ['backend'] } } },
        });
      case 'POST restart':
      case 'POST start':
        container.State = 'running';
        return json(204);
      case 'POST stop':
        if (container.State !== 'running') return json(304);
        container.State = 'exited';
        return json(204);
      case 'DELETE ':
        this.containers.splice(this.containers.indexOf(container), 1);
        return json(204);
      case 'GET logs': {
        const tail = Number(url.searchParams.get('tail') ?? 0);
        const lines = tail > 0 ? container.logs.slice(-tail) : container.logs;
        const stamps = url.searchParams.get('timestamps') === 'true';
        res.writeHead(200);
        return void res.end(
          Buffer.concat(lines.map((l) => frame(l.stream ?? 1, `${stamps ? `${l.at} ` : ''}${l.text}\n`))),
        );
      }
      default:
        return json(404, { message: `page not found: ${action}` });
    }
  }
}
