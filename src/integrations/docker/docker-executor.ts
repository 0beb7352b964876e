import { Agent, request } from 'undici';
import type { ExecutionResult, Executor } from '../../actions/executor.js';
import { tail } from '../../actions/executor.js';
import type { OperationRunner } from '../../actions/executors/create-operation-runner.js';

export interface DockerExecutorOptions {
  socketPath: string;
  container?: string;
  composeService?: string;
  composeProject?: string;
  stopTimeoutSeconds: number;
  /** Programs that roll back (the Engine API has no rollback); without them rollback is not offered. */
  rollback?: OperationRunner;
}

interface ContainerSummary {
  Id: string;
  Names: string[];
  State: string;
}

/** `docker restart` / `docker-compose restart <service>` through the Engine API on its unix socket. */
export class DockerExecutor implements Executor {
  private readonly description: string;
  private readonly agent: Agent;

  constructor(private readonly options: DockerExecutorOptions) {
    this.description = options.container
      ? `docker container ${options.container}`
      : `docker compose service ${options.composeService}${options.composeProject ? ` (project ${options.composeProject})` : ''}`;
    this.agent = new Agent({ connect: { socketPath: options.socketPath } });
  }

  describe(kind?: 'restart' | 'rollback' | 'scale'): string {
    return kind === 'rollback' && this.options.rollback
      ? this.options.rollback.describe({})
      : this.description;
  }

  supports(kind: 'restart' | 'rollback', revision?: string): boolean {
    return kind === 'restart' || (this.options.rollback !== undefined && revision === undefined);
  }

  async restart(signal: AbortSignal): Promise<ExecutionResult> {
    const targets = this.options.container ? [this.options.container] : await this.composeContainers(signal);
    if (targets.length === 0) {
      return { ok: false, summary: `no containers found for ${this.description}`, outputTail: '' };
    }
    const lines: string[] = [];
    let failed = 0;
    for (const target of targets) {
      const path = `/containers/${encodeURIComponent(target)}/restart?t=${this.options.stopTimeoutSeconds}`;
      const { status, text } = await this.call('POST', path, signal);
      if (status === 204) lines.push(`restarted ${target}`);
      else {
        failed++;
        lines.push(`${target}: HTTP ${status} ${dockerMessage(text)}`);
      }
    }
    return {
      ok: failed === 0,
      summary:
        failed === 0
          ? `restarted ${targets.length} container(s)`
          : `${failed} of ${targets.length} restarts failed`,
      outputTail: tail(lines.join('\n')),
    };
  }

  async rollback(_revision: string | undefined, signal: AbortSignal): Promise<ExecutionResult> {
    if (this.options.rollback) return this.options.rollback.run({}, signal);
    return { ok: false, summary: 'the docker executor cannot roll back', outputTail: '' };
  }

  private async composeContainers(signal: AbortSignal): Promise<string[]> {
    const labels = [`com.docker.compose.service=${this.options.composeService}`];
    if (this.options.composeProject) labels.push(`com.docker.compose.project=${this.options.composeProject}`);
    const filters = encodeURIComponent(JSON.stringify({ label: labels }));
    const { status, text } = await this.call('GET', `/containers/json?all=true&filters=${filters}`, signal);
    if (status !== 200)
      throw new Error(`docker: listing containers answered HTTP ${status} ${dockerMessage(text)}`);
    return (JSON.parse(text) as ContainerSummary[]).map((c) => c.Names[0]?.replace(/^\//, '') ?? c.Id);
  }

  private async call(method: 'GET' | 'POST', path: string, signal: AbortSignal) {
    const response = await request(`http://docker${path}`, { method, dispatcher: this.agent, signal });
    return { status: response.statusCode, text: await response.body.text() };
  }
}

function dockerMessage(text: string): string {
  try {
    return (JSON.parse(text) as { message?: string }).message ?? text;
  } catch {
    return text;
  }
}
