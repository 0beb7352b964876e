/** What an executor did: success or not, one line for people, and the tail of its output. */
export interface ExecutionResult {
  ok: boolean;
  summary: string;
  outputTail: string;
  /** The revision rolled back to, when the executor knows it. */
  revision?: string;
}

/** One revision the executor can roll back to, newest first in `history()`. */
export interface RevisionInfo {
  revision: string;
  current: boolean;
  createdAt?: Date;
  /** What the revision runs (images, a tag). */
  detail?: string;
}

/**
 * Runs restarts, rollbacks (and scaling, where it can) for one service in one environment. Implementations never pass
 * user text to a shell; `revision` has already been checked against the configured format.
 */
export interface Executor {
  /** Shown in confirmations and audit: "kubernetes deployment/unjucks-api -n unjucks-prod". */
  describe(kind: 'restart' | 'rollback' | 'scale'): string;
  supports(kind: 'restart' | 'rollback', revision?: string): boolean;
  restart(signal: AbortSignal): Promise<ExecutionResult>;
  rollback(revision: string | undefined, signal: AbortSignal): Promise<ExecutionResult>;
  /** Recent revisions, when the executor can tell. */
  history?(signal: AbortSignal): Promise<RevisionInfo[]>;
  /** Sets the replica count (Kubernetes scale subresource, compose service containers), when it can. */
  scale?(replicas: number, signal: AbortSignal): Promise<ExecutionResult>;
}

/** Keeps the last `max` characters of process or API output, on a line boundary when it can. */
export function tail(text: string, max = 3000): string {
  if (text.length <= max) return text;
  const cut = text.slice(text.length - max);
  const newline = cut.indexOf('\n');
  return `…${newline >= 0 && newline < 200 ? cut.slice(newline + 1) : cut}`;
}
