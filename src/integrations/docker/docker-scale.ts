import type { ExecutionResult } from '../../actions/executor.js';
import { tail } from '../../actions/executor.js';
import {
  type ContainerSummary,
  type DockerEngine,
  type DockerTarget,
  dockerMessage,
  nameOf,
  numberOf,
} from './docker-engine.js';

interface Inspected {
  Name: string;
  Config: Record<string, unknown> & { Labels?: Record<string, string>; Hostname?: string };
  HostConfig: Record<string, unknown>;
  NetworkSettings?: { Networks?: Record<string, unknown> };
}

/**
 * `docker compose up -d --scale <service>=N` through the Engine API, the way compose does it:
 * more containers are created from the first one's configuration with the next container numbers
 * and started; fewer are stopped and removed from the highest number down.
 */
export async function scaleComposeService(
  engine: DockerEngine,
  target: DockerTarget & { stopTimeoutSeconds: number },
  replicas: number,
  signal: AbortSignal,
): Promise<ExecutionResult> {
  const existing = await engine.composeContainers(target, signal);
  const lines: string[] = [];
  const what = `compose service ${target.composeService} from ${existing.length} to ${replicas} containers`;
  const fail = (why: string): ExecutionResult => ({
    ok: false,
    summary: `scaling ${what} failed: ${why}`,
    outputTail: tail(lines.join('\n')),
  });
  if (replicas > existing.length) {
    if (existing.length === 0) return fail('no container to copy (start the service once with compose)');
    const template = await inspect(engine, existing[0]!, signal);
    let next = Math.max(...existing.map(numberOf)) + 1;
    for (let i = existing.length; i < replicas; i++, next++) {
      const error = await addContainer(engine, template, target, next, signal);
      if (error) return fail(error);
      lines.push(`created and started ${containerName(template, target, next)}`);
    }
  } else {
    for (const container of existing.slice(replicas).reverse()) {
      const name = nameOf(container);
      const stop = await engine.call(
        'POST',
        `/containers/${encodeURIComponent(name)}/stop?t=${target.stopTimeoutSeconds}`,
        signal,
      );
      if (stop.status !== 204 && stop.status !== 304)
        return fail(`stopping ${name}: HTTP ${stop.status} ${dockerMessage(stop.text)}`);
      const removed = await engine.call('DELETE', `/containers/${encodeURIComponent(name)}`, signal);
      if (removed.status !== 204)
        return fail(`removing ${name}: HTTP ${removed.status} ${dockerMessage(removed.text)}`);
      lines.push(`stopped and removed ${name}`);
    }
  }
  return { ok: true, summary: `scaled ${what}`, outputTail: tail(lines.join('\n') || 'nothing to change') };
}

async function inspect(engine: DockerEngine, c: ContainerSummary, signal: AbortSignal): Promise<Inspected> {
  const { status, text } = await engine.call('GET', `/containers/${encodeURIComponent(c.Id)}/json`, signal);
  if (status !== 200)
    throw new Error(`docker: inspecting ${nameOf(c)} answered HTTP ${status} ${dockerMessage(text)}`);
  return JSON.parse(text) as Inspected;
}

/** compose's names: `<project>-<service>-<n>`. */
function containerName(template: Inspected, target: DockerTarget, n: number): string {
  const project =
    target.composeProject ?? template.Config.Labels?.['com.docker.compose.project'] ?? 'compose';
  return `${project}-${target.composeService}-${n}`;
}

/** A copy of the template with its own number and name, on the same networks; undefined when it runs. */
async function addContainer(
  engine: DockerEngine,
  template: Inspected,
  target: DockerTarget,
  n: number,
  signal: AbortSignal,
): Promise<string | undefined> {
  const name = containerName(template, target, n);
  const { Hostname: _own, ...config } = template.Config;
  const body = {
    ...config,
    Labels: { ...template.Config.Labels, 'com.docker.compose.container-number': String(n) },
    HostConfig: template.HostConfig,
    NetworkingConfig: {
      EndpointsConfig: Object.fromEntries(
        Object.keys(template.NetworkSettings?.Networks ?? {}).map((network) => [
          network,
          { Aliases: [target.composeService] },
        ]),
      ),
    },
  };
  const created = await engine.call(
    'POST',
    `/containers/create?name=${encodeURIComponent(name)}`,
    signal,
    body,
  );
  if (created.status !== 201)
    return `creating ${name}: HTTP ${created.status} ${dockerMessage(created.text)}`;
  const { Id } = JSON.parse(created.text) as { Id: string };
  const started = await engine.call('POST', `/containers/${encodeURIComponent(Id)}/start`, signal);
  if (started.status !== 204 && started.status !== 304)
    return `starting ${name}: HTTP ${started.status} ${dockerMessage(started.text)}`;
  return undefined;
}
