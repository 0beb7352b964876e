import type { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { HttpRequest, HttpRouter } from '../http/routes.js';
import type { KeptRequest } from '../inbox/kept-request.js';
import { relayLogLine } from '../observability/log-relay.js';
import type { ViewAck } from '../slack/view-ack.js';
import { type Begin, type FromIngress, type IngressOptions, PREPARED, type ToIngress } from './protocol.js';
import { CrashHistory, DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy.js';
import { moduleBeside, startModuleWorker } from './start-worker.js';

/** A thread started by `Ingress.prepare()`, waiting for its options. */
export interface PreparedThread {
  worker: Worker;
  failed: boolean;
}

/** What the main thread does with what the ingress thread receives. */
export interface IngressHandlers {
  http: HttpRouter;
  slack?: {
    deliver(request: KeptRequest): void;
    view(body: Record<string, unknown>): Promise<ViewAck>;
  };
}

export class IngressError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * The main thread's handle on the ingress thread (ingress-worker.ts): starts it, serves its
 * forwarded requests, relays its log lines, and stops it. A thread that dies unasked is restarted
 * on the same port after a backoff (requests it held are lost; Slack retries events, a user sees an
 * error and tries again). Only repeated crashes in a short window are fatal (`onCrash`): without
 * the thread the bot hears nothing, and a thread that keeps dying will not be fixed by waiting.
 */
export class Ingress {
  private worker?: Worker;
  /** A thread started by `prepare()`, not yet given its options; used once, by the first start. */
  private prepared?: { worker: Worker; failed: boolean };
  private stopping = false;
  private exited = false;
  private botIdentity?: IngressOptions['botIdentity'];
  private boundPort?: number;
  private restartTimer?: NodeJS.Timeout;
  private readonly crashes: CrashHistory;

  constructor(
    private readonly options: Omit<IngressOptions, 'botIdentity'>,
    private readonly handlers: IngressHandlers,
    private readonly log: Logger,
    private readonly onCrash: (error: Error) => void,
    /** The thread's module; tests substitute one that misbehaves. */
    private readonly entry = moduleBeside(import.meta.url, 'ingress-worker'),
    restarts: RestartPolicy = DEFAULT_RESTART_POLICY,
    /** From `Ingress.prepare()` (with the same entry): the first launch uses it. */
    prepared?: PreparedThread,
  ) {
    this.crashes = new CrashHistory(restarts);
    this.prepared = prepared;
  }

  /**
   * Starts the thread ahead of `start()`, so that its module loading (Bolt, ~0.3–1 s) overlaps
   * with the main thread's own start-up (opening the store). The prepared thread does nothing until
   * `start()` hands it its options; it is unref'd until then, so it never holds the process open,
   * and a thread that failed while waiting is replaced by a fresh one at `start()`. Nothing about
   * readiness changes: the port still listens only after `start()`.
   */
  static prepare(entry = moduleBeside(import.meta.url, 'ingress-worker')): PreparedThread {
    const worker = startModuleWorker(entry, { workerData: PREPARED });
    const thread = { worker, failed: false };
    const fail = () => {
      thread.failed = true;
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    worker.unref();
    return thread;
  }

  /**
   * Resolves with the bound port once the socket listens (and Socket Mode is connected).
   * `botIdentity` is the bot's `auth.test` answer, when there is one.
   */
  async start(botIdentity?: IngressOptions['botIdentity']): Promise<number> {
    this.botIdentity = botIdentity;
    this.boundPort = await this.launch(this.options.port);
    return this.boundPort;
  }

  /** Starts one thread on `port`; after it listens, its unasked exit is a crash. */
  private launch(port: number): Promise<number> {
    const workerData: IngressOptions = { ...this.options, port, botIdentity: this.botIdentity };
    const worker = this.takePrepared(workerData) ?? startModuleWorker(this.entry, { workerData });
    this.worker = worker;
    this.exited = false;
    let listening = false;
    return new Promise((resolve, reject) => {
      worker.on('message', (message: FromIngress) => {
        if (message.type === 'listening') {
          listening = true;
          resolve(message.port);
        } else if (message.type === 'failed') reject(new IngressError(message.message, message.code));
        else this.receive(worker, message);
      });
      worker.on('error', (error) => {
        this.log.error({ err: error }, 'ingress thread failed');
        reject(error);
      });
      worker.on('exit', (code) => {
        if (worker === this.worker) this.exited = true;
        if (this.stopping) return;
        const error = new Error(`the ingress thread exited with code ${code}`);
        // Before it listened, its start fails; after, the running bot has gone deaf until restarted.
        if (listening) this.crashed(error);
        else reject(error);
      });
    });
  }

  /** The prepared thread, given its options, when it is still waiting for them. */
  private takePrepared(options: IngressOptions): Worker | undefined {
    const prepared = this.prepared;
    this.prepared = undefined;
    if (!prepared) return undefined;
    if (prepared.failed) {
      void prepared.worker.terminate();
      return undefined;
    }
    prepared.worker.removeAllListeners();
    prepared.worker.ref();
    prepared.worker.postMessage({ type: 'begin', options } satisfies Begin);
    return prepared.worker;
  }

  private crashed(error: Error): void {
    const delayMs = this.crashes.record();
    const { maxCrashes, windowMs } = this.crashes.policy;
    if (delayMs === undefined) {
      const reason = `${error.message} (${maxCrashes} crashes within ${windowMs / 1000} s)`;
      this.onCrash(new Error(`the ingress thread keeps dying: ${reason}`));
      return;
    }
    this.log.error(
      { err: error, restartInMs: delayMs, recentCrashes: this.crashes.recent },
      'ingress thread died; restarting it',
    );
    this.restartTimer = setTimeout(() => void this.restart(), delayMs);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      const port = await this.launch(this.boundPort ?? this.options.port);
      this.log.info({ port }, 'ingress thread restarted');
    } catch (error) {
      // E.g. the port is not free yet: this counts as a crash, and the next try waits longer.
      await this.worker?.terminate();
      if (!this.stopping) this.crashed(error as Error);
    }
  }

  async stop(): Promise<void> {
    clearTimeout(this.restartTimer);
    // Never started: the prepared thread only waits, and is ended outright.
    await this.prepared?.worker.terminate();
    this.prepared = undefined;
    const worker = this.worker;
    if (!worker || this.stopping) return;
    this.stopping = true;
    if (this.exited) return;
    // Let it close its socket and Slack connection; a thread that does not answer is ended anyway.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5_000);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      worker.once('exit', done);
      worker.on('message', (message: FromIngress) => {
        if (message.type === 'stopped') done();
      });
      this.send({ type: 'stop' }, worker);
    });
    await worker.terminate();
  }

  /** Answers go to the thread that asked: a restarted thread numbers its requests afresh. */
  private send(message: ToIngress, worker = this.worker): void {
    worker?.postMessage(message);
  }

  private receive(worker: Worker, message: FromIngress): void {
    if (message.type === 'log') relayLogLine(this.log, message.line);
    else if (message.type === 'slack') this.handlers.slack?.deliver(message.request);
    else if (message.type === 'http') void this.answerHttp(worker, message.id, message.request);
    else if (message.type === 'view') void this.answerView(worker, message.id, message.body);
  }

  private async answerHttp(worker: Worker, id: number, request: HttpRequest): Promise<void> {
    const { afterResponse, ...response } = await this.handlers.http.handle(request);
    this.send({ type: 'http', id, response }, worker);
    afterResponse?.();
  }

  private async answerView(worker: Worker, id: number, body: Record<string, unknown>): Promise<void> {
    try {
      this.send({ type: 'view', id, ack: await this.handlers.slack!.view(body) }, worker);
    } catch (error) {
      this.log.error({ err: error }, 'modal submission failed');
      this.send({ type: 'view', id, ack: undefined, error: (error as Error).message }, worker);
    }
  }
}
