import type { HttpStep } from '../../config/actions-schema.js';
import type { ExecutionResult, Executor } from '../executor.js';
import { callHttpStep, describeHttp } from './http-call.js';

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
    return step ? describeHttp(step) : 'http (none)';
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

  private call(step: HttpStep, revision: string | undefined, signal: AbortSignal): Promise<ExecutionResult> {
    const { service, environment } = this.options;
    return callHttpStep(step, { service, environment, revision: revision ?? '' }, signal);
  }
}
