import { type LogQuery, type LogSource, mergeByTime } from '../../logs/log-source.js';
import { DockerEngine, type DockerTarget, dockerMessage } from './docker-engine.js';

/**
 * A non-TTY container's log stream is multiplexed: frames of an 8-byte header (stream 1 stdout,
 * 2 stderr; bytes 4-7 the big-endian length) and the payload. A TTY container's is raw text.
 */
export function demultiplex(bytes: Buffer): string {
  const looksFramed =
    bytes.length >= 8 && bytes[0]! <= 2 && bytes[1] === 0 && bytes[2] === 0 && bytes[3] === 0;
  if (!looksFramed) return bytes.toString('utf8');
  const parts: Buffer[] = [];
  let at = 0;
  while (at + 8 <= bytes.length) {
    const size = bytes.readUInt32BE(at + 4);
    parts.push(bytes.subarray(at + 8, at + 8 + size));
    at += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}

/** `docker logs --since 1h --tail 100 -t` of the service's container(s), stdout and stderr together. */
export class DockerLogSource implements LogSource {
  private readonly engine: DockerEngine;

  constructor(private readonly options: DockerTarget & { socketPath: string }) {
    this.engine = new DockerEngine(options.socketPath);
  }

  describe(): string {
    const { container, composeService } = this.options;
    return container
      ? `docker logs of container ${container}`
      : `docker logs of compose service ${composeService}`;
  }

  async read(query: LogQuery, signal: AbortSignal): Promise<string[]> {
    const since = Math.floor(Date.now() / 1000) - query.sinceSeconds;
    const names = await this.engine.names(this.options, signal);
    const byContainer = await Promise.all(
      names.map(async (name) => {
        const path = `/containers/${encodeURIComponent(name)}/logs?stdout=true&stderr=true&timestamps=true&since=${since}&tail=${query.tail}`;
        const { status, text, bytes } = await this.engine.call('GET', path, signal);
        if (status !== 200)
          throw new Error(`docker: logs of ${name} answered HTTP ${status} ${dockerMessage(text)}`);
        return {
          origin: name,
          lines: demultiplex(bytes)
            .split('\n')
            .filter((l) => l !== ''),
        };
      }),
    );
    return mergeByTime(byContainer);
  }
}
