import { Agent, request } from 'undici';

export interface ContainerSummary {
  Id: string;
  Names: string[];
  State: string;
  Labels?: Record<string, string>;
}

/** Which containers a service is: one by name, or a compose service's (by its labels). */
export interface DockerTarget {
  container?: string;
  composeService?: string;
  composeProject?: string;
}

/** The Docker Engine API on its unix socket (`/var/run/docker.sock`): just the calls the bot makes. */
export class DockerEngine {
  private readonly agent: Agent;

  constructor(socketPath: string) {
    this.agent = new Agent({ connect: { socketPath } });
  }

  async call(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    signal: AbortSignal,
    body?: unknown,
  ): Promise<{ status: number; text: string; bytes: Buffer }> {
    const response = await request(`http://docker${path}`, {
      method,
      dispatcher: this.agent,
      signal,
      ...(body !== undefined && {
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      }),
    });
    const bytes = Buffer.from(await response.body.arrayBuffer());
    return { status: response.statusCode, text: bytes.toString('utf8'), bytes };
  }

  /** A compose service's containers (running or not), in container-number order. */
  async composeContainers(target: DockerTarget, signal: AbortSignal): Promise<ContainerSummary[]> {
    const labels = [`com.docker.compose.service=${target.composeService}`];
    if (target.composeProject) labels.push(`com.docker.compose.project=${target.composeProject}`);
    const filters = encodeURIComponent(JSON.stringify({ label: labels }));
    const { status, text } = await this.call('GET', `/containers/json?all=true&filters=${filters}`, signal);
    if (status !== 200)
      throw new Error(`docker: listing containers answered HTTP ${status} ${dockerMessage(text)}`);
    return (JSON.parse(text) as ContainerSummary[]).sort((a, b) => numberOf(a) - numberOf(b));
  }

  /** The container names of the target: the one configured, or the compose service's. */
  async names(target: DockerTarget, signal: AbortSignal): Promise<string[]> {
    if (target.container) return [target.container];
    return (await this.composeContainers(target, signal)).map(nameOf);
  }
}

export function nameOf(c: ContainerSummary): string {
  return c.Names[0]?.replace(/^\//, '') ?? c.Id;
}

/** compose numbers a service's containers 1, 2, 3…; `docker compose up --scale` adds and removes at the end. */
export function numberOf(c: ContainerSummary): number {
  return Number(c.Labels?.['com.docker.compose.container-number'] ?? 0);
}

export function dockerMessage(text: string): string {
  try {
    return (JSON.parse(text) as { message?: string }).message ?? text;
  } catch {
    return text;
  }
}
