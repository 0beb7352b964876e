import { request } from 'undici';
import type { HttpStep } from '../../config/actions-schema.js';
import type { ExecutionResult, Executor } from '../executor.js';
import { tail } from '../executor.js';

export interface HttpExecutorOptions {
  service: string;
  environment: string;
  restart?: HttpStep;
  rollback?: HttpStep;
}

/** Triggers a webhook (a CI/CD job) and checks the answer's status. */
export class HttpExecutor implements Executor {
  constructor(private readonly options: HttpExecutorOptions) {}

  describe(kind: 'restart' | 'rollback'): string {
    const step = this.options[kind];
    return step
      ? `http ${step.method} ${new URL(step.url).origin}${new URL(step.url).pathname}`
      : 'http (none)';
  }

  supports(kind: 'restart' | 'rollback', revision?: string): boolean {
    const step = this.options[kind];
    if (!step) return false;
    return revision === undefined || `${step.url}${step.body ?? ''}`.includes('{revision}');
  }

  restart(signal: AbortSignal): Promise<ExecutionResult> {
    return this.call(this.options.restart!, undefined, signal);
  }

  rollback(revision: string | undefined, signal: AbortSignal): Promise<ExecutionResult> {
    return this.call(this.options.rollback!, revision, signal);
  }

  private async call(
    step: HttpStep,
    revision: string | undefined,
    signal: AbortSignal,
  ): Promise<ExecutionResult> {
    const vars = {
      service: this.options.service,
      environment: this.options.environment,
      revision: revision ?? '',
    };
    const fill = (text: string, encode: (v: string) => string) =>
      text.replace(/\{(service|environment|revision)\}/g, (_m, name: keyof typeof vars) =>
        encode(vars[name]),
      );
    const url = fill(step.url, encodeURIComponent);
    try {
      const response = await request(url, {
        method: step.method,
        headers: step.headers,
        body: step.body === undefined ? undefined : fill(step.body, (v) => JSON.stringify(v).slice(1, -1)),
        signal: AbortSignal.any([signal, AbortSignal.timeout(step.timeoutSeconds * 1000)]),
      });
      const text = await response.body.text();
      const ok = step.expectStatus.includes(response.statusCode);
      return {
        ok,
        summary: `${step.method} answered HTTP ${response.statusCode}${ok ? '' : ` (expected ${step.expectStatus.join('/')})`}`,
        outputTail: tail(text),
      };
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return {
        ok: false,
        summary: timedOut
          ? `no answer within ${step.timeoutSeconds} s`
          : `request failed: ${(error as Error).message}`,
        outputTail: '',
      };
    }
  }
}
