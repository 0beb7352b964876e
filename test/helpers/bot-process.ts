import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root (where src/main.ts is). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout contains `text`. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  exited: Promise<number>;
}

/**
 * `node --import tsx src/main.ts` as a user would run it, with only the environment given (plus
 * PATH and HOME): no Slack tokens leak in from the machine running the tests.
 */
export function spawnBot(
  env: Record<string, string>,
  command: string[] = [process.execPath, '--import', 'tsx', 'src/main.ts'],
): BotProcess {
  const [file, ...args] = command as [string, ...string[]];
  const child = spawn(file, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let out = '';
  let err = '';
  const listeners: (() => void)[] = [];
  child.stdout.on('data', (chunk) => {
    out += String(chunk);
    for (const l of listeners) l();
  });
  child.stderr.on('data', (chunk) => {
    err += String(chunk);
  });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForOutput(text, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no "${text}" in output:\n${out}\n${err}`)),
          timeoutMs,
        );
        const check = () => {
          if (!out.includes(text)) return;
          clearTimeout(timer);
          resolve();
        };
        listeners.push(check);
        void exited.then(() => {
          if (!out.includes(text)) {
            clearTimeout(timer);
            reject(new Error(`exited without "${text}":\n${out}\n${err}`));
          }
        });
        check();
      });
    },
  };
}

/** Runs the bot with `input` piped to stdin; resolves at exit. */
export async function runBot(
  env: Record<string, string>,
  input: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const bot = spawnBot(env);
  bot.child.stdin.end(input);
  const code = await bot.exited;
  return { code, stdout: bot.stdout(), stderr: bot.stderr() };
}
