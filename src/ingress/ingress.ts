import type { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { HttpRequest, HttpRouter } from '../http/routes.js';
import type { KeptRequest } from '../inbox/kept-request.js';
import { relayLogLine } from '../observability/log-relay.js';
import type { FromIngress, IngressOptions, ToIngress, ViewAck } from './protocol.js';
import { moduleBeside, startModuleWorker } from './start-worker.js';

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
 * forwarded requests, relays its log lines, and stops it. A thread that dies unasked is fatal:
 * without it the bot hears nothing.
 */
export class Ingress {
  private worker?: Worker;
  private stopping = false;
  private listening = false;
  private exited = false;

  constructor(
    private readonly options: Omit<IngressOptions, 'botIdentity'>,
    private readonly handlers: IngressHandlers,
    private readonly log: Logger,
    private readonly onCrash: (error: Error) => void,
    /** The thread's module; tests substitute one that misbehaves. */
    private readonly entry = moduleBeside(import.meta.url, 'ingress-worker'),
  ) {}

  /**
   * Resolves with the bound port once the socket listens (and Socket Mode is connected).
   * `botIdentity` is the bot's `auth.test` answer, when there is one.
   */
  start(botIdentity?: IngressOptions['botIdentity']): Promise<number> {
    const workerData: IngressOptions = { ...this.options, botIdentity };
    const worker = startModuleWorker(this.entry, { workerData });
    this.worker = worker;
    return new Promise((resolve, reject) => {
      worker.on('message', (message: FromIngress) => {
        if (message.type === 'listening') {
          this.listening = true;
          resolve(message.port);
        } else if (message.type === 'failed') reject(new IngressError(message.message, message.code));
        else this.receive(message);
      });
      worker.on('error', (error) => {
        this.log.error({ err: error }, 'ingress thread failed');
        reject(error);
      });
      worker.on('exit', (code) => {
        this.exited = true;
        if (this.stopping) return;
        const error = new Error(`the ingress thread exited with code ${code}`);
        // Before it listened, start() fails; after, the running bot has gone deaf.
        if (this.listening) this.onCrash(error);
        else reject(error);
      });
    });
  }

  async stop(): Promise<void> {
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
      this.send({ type: 'stop' });
    });
    await worker.terminate();
  }

  private send(message: ToIngress): void {
    this.worker?.postMessage(message);
  }

  private receive(message: FromIngress): void {
    if (message.type === 'log') relayLogLine(this.log, message.line);
    else if (message.type === 'slack') this.handlers.slack?.deliver(message.request);
    else if (message.type === 'http') void this.answerHttp(message.id, message.request);
    else if (message.type === 'view') void this.answerView(message.id, message.body);
  }

  private async answerHttp(id: number, request: HttpRequest): Promise<void> {
    const { afterResponse, ...response } = await this.handlers.http.handle(request);
    this.send({ type: 'http', id, response });
    afterResponse?.();
  }

  private async answerView(id: number, body: Record<string, unknown>): Promise<void> {
    try {
      this.send({ type: 'view', id, ack: await this.handlers.slack!.view(body) });
    } catch (error) {
      this.log.error({ err: error }, 'modal submission failed');
      this.send({ type: 'view', id, ack: undefined, error: (error as Error).message });
    }
  }
}
