import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver } from '@slack/bolt';
import type { Logger } from 'pino';
import { readBody } from '../../http/read-body.js';
import { dispatchToBolt } from './dispatch-to-bolt.js';
import { isSslCheck, readSlackBody } from './http-body.js';
import { verifySlackRequest } from './request-signature.js';

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  log: Logger;
  /** For the timestamp window; tests may pin it. */
  now?: () => number;
}

function answer(res: ServerResponse, status: number, body = '', contentType?: string): void {
  if (res.headersSent) return;
  res.writeHead(status, contentType ? { 'content-type': contentType } : {});
  res.end(body);
}

function refuse(res: ServerResponse, status: number, error: string): void {
  answer(res, status, JSON.stringify({ error }), 'application/json');
}

function retryOf(headers: IncomingHttpHeaders): { retryNum?: number; retryReason?: string } {
  const num = Number(headers['x-slack-retry-num']);
  const reason = headers['x-slack-retry-reason'];
  return {
    retryNum: Number.isInteger(num) ? num : undefined,
    retryReason: typeof reason === 'string' ? reason : undefined,
  };
}

/**
 * Bolt's receiver for `POST /slack/events`, in place of its HTTPReceiver: the body is read
 * (bounded), its signature verified over the raw bytes (5 minutes either way), its shape checked
 * and its text cleaned before Bolt sees it. HTTPReceiver parses inside an unguarded async closure
 * — a signed `payload=null` threw there and took the ingress thread down — and waits 3 s on a
 * payload no listener acks; here every request is answered, a malformed one with a 4xx.
 */
export class SlackHttpReceiver implements Receiver {
  private app?: App;

  constructor(private readonly options: SlackHttpReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  /** The ingress thread owns the HTTP server; this receiver only answers its requests. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** Never throws or rejects: whatever goes wrong is logged and answered 500. */
  readonly requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((error: unknown) => {
      this.options.log.error({ err: error }, 'Slack request failed');
      answer(res, 500);
    });
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { log, signingSecret, now = Date.now } = this.options;
    const raw = await readBody(req);
    if (!raw) {
      // readBody stopped reading mid-body and the socket goes with it: a client must not send its
      // next request on this connection (it would be reset).
      res.setHeader('connection', 'close');
      return refuse(res, 413, 'body too large');
    }
    const contentType = req.headers['content-type'];
    if (isSslCheck(contentType, raw)) return answer(res, 200);
    const verified = verifySlackRequest(
      signingSecret,
      {
        timestamp: req.headers['x-slack-request-timestamp'],
        signature: req.headers['x-slack-signature'],
        body: raw,
      },
      now(),
    );
    if (!verified.ok) {
      log.warn({ reason: verified.reason }, `could not verify a Slack request: ${verified.reason}`);
      return refuse(res, 401, 'invalid request signature');
    }
    const verdict = readSlackBody(contentType, raw);
    if (verdict.kind === 'refuse') {
      log.warn({ status: verdict.status, reason: verdict.reason }, 'malformed Slack request refused');
      return refuse(res, verdict.status, verdict.reason);
    }
    if (verdict.kind === 'answer') {
      log.info(verdict.note);
      return answer(res, verdict.status, verdict.body, verdict.contentType);
    }
    if (!this.app) throw new Error('the Slack receiver was not initialised by an App');
    await dispatchToBolt(
      this.app,
      {
        body: verdict.body,
        ...retryOf(req.headers),
        send: async (response) => {
          if (response === undefined || response === '') answer(res, 200);
          else if (typeof response === 'string') answer(res, 200, response);
          else answer(res, 200, JSON.stringify(response), 'application/json');
        },
        fail: async () => answer(res, 500),
      },
      log,
    );
  }
}
