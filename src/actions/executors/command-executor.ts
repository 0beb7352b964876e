import { spawn } from 'node:child_process';
import type { CommandStep } from '../../config/actions-schema.js';
import type { ExecutionResult, Executor } from '../executor.js';
import { tail } from '../executor.js';

const KEEP_BYTES = 64 * 1024;
const KILL_GRACE_MS = 2000;

export interface CommandExecutorOptions {
  restart?: CommandStep;
  rollback?: CommandStep;
  /** The environment every program starts from (the bot's own, from main). */
  baseEnv?: Readonly<Record<string, string | undefined>>;
}

/** Runs configured programs directly (argv, no shell), so arguments can never become shell syntax. */
export class CommandExecutor implements Executor {
  constructor(private readonly options: CommandExecutorOptions) {}

  describe(kind: 'restart' | 'rollback'): string {
    const step = this.options[kind];
    return step
      ? `command ${JSON.stringify(step.argv)}${step.cwd ? ` in ${step.cwd}` : ''}`
      : 'command (none)';
  }

  supports(kind: 'restart' | 'rollback', revision?: string): boolean {
    const step = this.options[kind];
    if (!step) return false;
    return revision === undefined || step.argv.includes('{revision}');
  }

  restart(signal: AbortSignal): Promise<ExecutionResult> {
    return runStep(this.options.restart!, {}, this.options.baseEnv, signal);
  }

  rollback(revision: string | undefined, signal: AbortSignal): Promise<ExecutionResult> {
    return runStep(this.options.rollback!, { revision }, this.options.baseEnv, signal);
  }
}

/** Each argv element is passed as is; an element exactly `{revision}` becomes the revision (or is dropped). */
export function argvFor(step: CommandStep, vars: { revision?: string }): string[] {
  return step.argv.flatMap((arg) => (arg === '{revision}' ? (vars.revision ? [vars.revision] : []) : [arg]));
}

/** Spawns one program without a shell, keeps its output's tail, kills it at the timeout. */
export function runStep(
  step: CommandStep,
  vars: { revision?: string },
  baseEnv: Readonly<Record<string, string | undefined>> = {},
  signal?: AbortSignal,
): Promise<ExecutionResult> {
  return runArgv(argvFor(step, vars), step, baseEnv, signal);
}

/** Spawns `argv` (already filled in) without a shell, in the step's cwd and env, under its timeout. */
export function runArgv(
  argv: readonly string[],
  step: Pick<CommandStep, 'cwd' | 'env' | 'timeoutSeconds'>,
  baseEnv: Readonly<Record<string, string | undefined>> = {},
  signal?: AbortSignal,
  /** How much output is kept, and how much of it the result carries (logs want it all). */
  limits: { keepChars: number; tailChars: number } = { keepChars: KEEP_BYTES, tailChars: 3000 },
): Promise<ExecutionResult> {
  const [program, ...args] = argv;
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-limits.keepChars);
  };
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(program!, args, {
      cwd: step.cwd,
      env: { ...baseEnv, ...step.env },
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const kill = () => {
      timedOut = true;
      killTree(child.pid, 'SIGTERM');
      setTimeout(() => killTree(child.pid, 'SIGKILL'), KILL_GRACE_MS).unref();
    };
    const timer = setTimeout(kill, step.timeoutSeconds * 1000);
    signal?.addEventListener('abort', kill, { once: true });
    const finish = (result: Omit<ExecutionResult, 'outputTail'>) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      resolve({ ...result, outputTail: tail(output, limits.tailChars) });
    };
    child.on('error', (error) =>
      finish({ ok: false, summary: `could not start ${program}: ${error.message}` }),
    );
    child.on('close', (code, killedBy) => {
      const seconds = Math.round((performance.now() - started) / 1000);
      if (timedOut)
        finish({ ok: false, summary: `${program} timed out after ${step.timeoutSeconds} s and was killed` });
      else if (code === 0) finish({ ok: true, summary: `${program} exited 0 after ${seconds} s` });
      else
        finish({
          ok: false,
          summary: `${program} failed (${killedBy ? `signal ${killedBy}` : `exit code ${code}`})`,
        });
    });
  });
}

/** Kills the whole process group, so a script's own children do not outlive the timeout. */
function killTree(pid: number | undefined, sig: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, sig);
  } catch {
    // Already gone: nothing to kill.
  }
}
