/**
 * The ingress thread: owns the HTTP socket and the Slack connection, checks Slack's signatures and
 * acks, and hands everything else to the main thread. It does no command work, so no query, check
 * or garbage collection on the main thread can delay an ack past Slack's 3 seconds.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { collectGarbageAfterStartUp } from '../core/full-collection.js';
import { readBody } from '../http/read-body.js';
import type { HttpResponse } from '../http/routes.js';
import type { KeptRequest } from '../inbox/kept-request.js';
import { relayingLogger } from '../observability/log-relay.js';
import { createSlackApp } from '../slack/bolt-app.js';
import type { ViewAck } from '../slack/view-ack.js';
import { openInboxWriter } from './open-inbox-writer.js';
import { type Begin, type FromIngress, type IngressOptions, PREPARED, type ToIngress } from './protocol.js';

/** Requests sent to the main thread, waiting for their answers. */
class PendingCalls {
  private nextId = 1;
  private readonly waiting = new Map<number, (message: ToIngress) => void>();

  constructor(private readonly send: (message: FromIngress) => void) {}

  call(message: (id: number) => FromIngress): Promise<ToIngress> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send(message(id));
    });
  }

  answer(message: ToIngress & { id: number }): void {
    this.waiting.get(message.id)?.(message);
    this.waiting.delete(message.id);
  }
}

/** The path of a request target, or undefined for one that is not a URL path (`//[`). */
function pathOf(target: string | undefined): string | undefined {
  return URL.canParse(target ?? '/', 'http://localhost')
    ? new URL(target ?? '/', 'http://localhost').pathname
    : undefined;
}

function write(
  res: ServerResponse,
  response: Pick<HttpResponse, 'status' | 'contentType' | 'body' | 'headers'>,
): void {
  const type = response.contentType ? { 'content-type': response.contentType } : {};
  res.writeHead(response.status, { ...response.headers, ...type });
  res.end(response.body);
}

async function runIngress(main: MessagePort, options: IngressOptions): Promise<void> {
  const send = (message: FromIngress) => main.postMessage(message);
  const log = relayingLogger(options.logLevel, (line) => send({ type: 'log', line }));
  const calls = new PendingCalls(send);
  const inbox = await openInboxWriter(options.inbox);
  const slack = options.slack
    ? createSlackApp({
        mode: options.slack,
        slackApiUrl: options.slackApiUrl,
        botIdentity: options.botIdentity,
        log,
        eventTypes: options.eventTypes,
        forward: {
          keep: async (delivery, eventId) => {
            const request: KeptRequest = {
              id: eventId ? `event:${eventId}` : randomUUID(),
              receivedAt: new Date().toISOString(),
              delivery,
            };
            return (await inbox.keep(request)) ? request : undefined;
          },
          deliver: (request) => send({ type: 'slack', request }),
          view: async (body): Promise<ViewAck> => {
            const answer = await calls.call((id) => ({ type: 'view', id, body }));
            if (answer.type !== 'view' || answer.error)
              throw new Error(
                `modal submission failed: ${answer.type === 'view' ? answer.error : 'no answer'}`,
              );
            return answer.ack;
          },
        },
      })
    : undefined;

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const path = pathOf(req.url);
    if (path === undefined) {
      write(res, { status: 400, contentType: 'application/json', body: '{"error":"bad request target"}' });
      return;
    }
    if (path === '/slack/events' && slack?.requestListener) {
      if (req.method === 'POST') slack.requestListener(req, res);
      else
        write(res, { status: 405, contentType: 'application/json', body: '{"error":"method not allowed"}' });
      return;
    }
    const body = await readBody(req);
    if (!body) {
      res.setHeader('connection', 'close'); // the rest of the body is not read: no reuse
      write(res, { status: 413, contentType: 'application/json', body: '{"error":"body too large"}' });
      return;
    }
    const request = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body,
      remoteAddress: req.socket.remoteAddress,
    };
    const answer = await calls.call((id) => ({ type: 'http', id, request }));
    if (answer.type === 'http') write(res, answer.response);
  };
  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'ingress request failed');
      if (!res.headersSent) write(res, { status: 500, body: '' });
    });
  });
  // Slack keeps connections alive; don't let idle sockets hold shutdown.
  server.keepAliveTimeout = 5_000;

  main.on('message', (message: ToIngress) => {
    if (message.type !== 'stop') return calls.answer(message);
    server.close();
    server.closeAllConnections();
    const disconnect = options.slack?.kind === 'socket' ? slack!.app.stop() : Promise.resolve();
    void disconnect
      .catch(() => {})
      .then(() => inbox.close())
      .catch(() => {})
      .then(() => send({ type: 'stopped' }));
  });

  server.once('error', (error: NodeJS.ErrnoException) =>
    send({ type: 'failed', message: error.message, code: error.code }),
  );
  server.listen(options.port, options.host, async () => {
    try {
      if (options.slack?.kind === 'socket') await slack!.app.start();
      send({ type: 'listening', port: (server.address() as AddressInfo).port });
      collectGarbageAfterStartUp(); // this thread's start-up garbage (see full-collection.ts)
    } catch (error) {
      send({ type: 'failed', message: (error as Error).message });
    }
  });
}

if (parentPort) {
  const main = parentPort;
  const run = (options: IngressOptions) =>
    runIngress(main, options).catch((error: unknown) =>
      main.postMessage({ type: 'failed', message: (error as Error).message } satisfies FromIngress),
    );
  // A thread started ahead (Ingress.prepare) has loaded its modules by now and waits for its options.
  if (workerData === PREPARED) main.once('message', (message: Begin) => void run(message.options));
  else void run(workerData as IngressOptions);
}
