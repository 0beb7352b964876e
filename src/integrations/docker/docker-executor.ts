import type { ExecutionResult, Executor } from '../../actions/executor.js';
import { tail } from '../../actions/executor.js';
import type { OperationRunner } from '../../actions/executors/create-operation-runner.js';
import { DockerEngine, dockerMessage } from './docker-engine.js';
import { scaleComposeService } from './docker-scale.js';

export interface DockerExecutorOptions {
  socketPath: string;
  container?: string;
  composeService?: string;
  composeProject?: string;
  stopTimeoutSeconds: number;
  /** Programs that roll back (the Engine API has no rollback); without them rollback is not offered. */
  rollback?: OperationRunner;
}

/**
 * `docker restart` / `docker-compose restart <service>` and `docker compose up --scale
 * <service>=N`, through the Engine API on its unix socket.
 */
export class DockerExecutor implements Executor {
  private readonly description: string;
  private readonly engine: DockerEngine;

  constructor(private readonly options: DockerExecutorOptions) {
    this.description = options.container
      ? `docker container ${options.container}`
      : `docker compose service ${options.composeService}${options.composeProject ? ` (project ${options.composeProject})` : ''}`;
    this.engine = new DockerEngine(options.socketPath);
    // Only a compose service has replicas; a single container cannot be scaled.
    if (options.composeService) {
      this.scale = (replicas, signal) => scaleComposeService(this.engine, options, replicas, signal);
    }
  }

  scale?: (replicas: number, signal: AbortSignal) => Promise<ExecutionResult>;

  describe(kind?: 'restart' | 'rollback' | 'scale'): string {
    return kind === 'rollback' && this.options.rollback
      ? this.options.rollback.describe({})
      : this.description;
  }

  supports(kind: 'restart' | 'rollback', revision?: string): boolean {
    return kind === 'restart' || (this.options.rollback !== undefined && revision === undefined);
  }

  async restart(signal: AbortSignal): Promise<ExecutionResult> {
    const targets = await this.engine.names(this.options, signal);
    if (targets.length === 0) {
      return { ok: false, summary: `no containers found for ${this.description}`, outputTail: '' };
    }
    const lines: string[] = [];
    let failed = 0;
    for (const target of targets) {
      const path = `/containers/${encodeURIComponent(target)}/restart?t=${this.options.stopTimeoutSeconds}`;
      const { status, text } = await this.engine.call('POST', path, signal);
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
}
