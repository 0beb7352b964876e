import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeChannelChrome } from './fake-slack-conversations.js';
import { type FakeMessage, FakeMessages } from './fake-slack-messages.js';
import { apiRefusal, responseUrlRefusal } from './slack-limits.js';
import { FakeDirectory, type LiveMarkup, liveMarkupIn, slackEscapedText } from './slack-text.js';

export type { FakeMessage } from './fake-slack-messages.js';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

/** An answer to a Web API method; a promise holds the answer back (to test what waits for it). */
type Handler = (args: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>;

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Web API arguments arrive form-encoded with nested values as JSON strings, or as JSON. */
function parseArgs(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json'))
    return JSON.parse(body.toString() || '{}') as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body.toString())) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

/** @slack/web-api posts the file as multipart/form-data; the stored bytes are the file itself. */
function uploadedBytes(req: IncomingMessage, body: Buffer): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(req.headers['content-type'] ?? '');
  if (!boundary) return body;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = body.indexOf(delimiter);
  const headersEnd = body.indexOf('\r\n\r\n', start);
  const end = body.indexOf(delimiter, headersEnd);
  if (start < 0 || headersEnd < 0 || end < 0) return body;
  return body.subarray(headersEnd + 4, end - 2);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A fake Slack: a real HTTP server answering the Web API (`/api/<method>`) the way Slack does,
 * recording every call, plus `response_url` endpoints (`/response/<id>`) and file upload URLs.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly uploads: { id: string; bytes: Buffer }[] = [];
  /** Files shared by files.completeUploadExternal, newest first: what files.list answers. */
  readonly files: { id: string; title: string; channel: string }[] = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly channelNames = new Map<string, string>();
  /** Channels made by conversations.create: the bot created them, so it is a member. */
  private readonly botChannels = new Set<string>();
  /** Messages by `channel ts`: what conversations.history answers (posted by the bot or added by a test). */
  private readonly messages = new FakeMessages();
  /** Topics, bookmarks, archived channels (see fake-slack-conversations.ts). */
  readonly chrome = new FakeChannelChrome();
  private seq = 0;
  private waiters: (() => void)[] = [];
  /** Who `@name` and `#name` are, for slash command text sent with should_escape on. */
  readonly directory = new FakeDirectory((name) => [...this.channelNames].find(([, n]) => n === name)?.[0]);

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    private readonly now?: () => Date,
  ) {}

  /**
   * `now`: the clock a message's ts is taken from, as Slack's is its posting time (share the bot's
   * clock to look messages up by time); without it every ts is in November 2023.
   */
  static async start(options: { now?: () => Date } = {}): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeSlack(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      options.now,
    );
    server.on('request', (req, res) => {
      void fake.handle(req, res.writeHead.bind(res), res.end.bind(res));
    });
    return fake;
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${id}`;
  }

  /** Overrides the answer to one Web API method. */
  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  /** What the fake answers to a method by default (for an override that changes one call only). */
  answerOf(method: string, args: Record<string, unknown>): Record<string, unknown> {
    return apiRefusal(method, args) ?? this.defaultAnswer(method, args);
  }

  /** Restores the default answer of one Web API method. */
  off(method: string): void {
    this.handlers.delete(method);
  }

  /** A channel the bot created whose `conversations.create` answer never reached it (a crash). */
  addBotChannel(name: string): string {
    const id = `C${String(++this.seq).padStart(8, '0')}`;
    this.channelNames.set(id, name);
    this.botChannels.add(id);
    return id;
  }

  /** Names of the channels the bot created (calls answered `name_taken` made none). */
  createdChannels(): string[] {
    return [...this.botChannels].map((id) => this.channelNames.get(id) ?? id);
  }

  callsTo(method: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  responsesTo(id: string): Record<string, unknown>[] {
    return this.responses.filter((r) => r.id === id).map((r) => r.body);
  }

  /** Resolves once `predicate` holds (checked after every request), or rejects after `timeoutMs`. */
  async waitFor<T>(
    predicate: () => T | undefined | false,
    timeoutMs = 10_000,
    what = 'condition',
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`fake Slack: timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Wakes `waitFor` after something outside this server happened (e.g. a Socket Mode ack). */
  poke(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(
    req: IncomingMessage,
    writeHead: (status: number, headers?: Record<string, string>) => unknown,
    end: (body?: string) => unknown,
  ): Promise<void> {
    const body = await readAll(req);
    const path = new URL(req.url ?? '/', this.baseUrl).pathname;
    const json = (status: number, value: unknown) => {
      writeHead(status, { 'content-type': 'application/json' });
      end(JSON.stringify(value));
    };
    const responseBody = path.startsWith('/response/')
      ? (JSON.parse(body.toString()) as Record<string, unknown>)
      : {};
    const refused = path.startsWith('/response/') ? responseUrlRefusal(responseBody) : undefined;
    if (refused) {
      // As Slack does: the post is refused whole, with the reason as plain text.
      writeHead(400, { 'content-type': 'text/plain' });
      end(refused);
    } else if (path.startsWith('/response/')) {
      this.responses.push({ id: path.slice('/response/'.length), body: responseBody });
      json(200, { ok: true });
    } else if (path.startsWith('/upload/')) {
      this.uploads.push({ id: path.slice('/upload/'.length), bytes: uploadedBytes(req, body) });
      writeHead(200);
      end('OK');
    } else if (path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const args = parseArgs(req, body);
      this.calls.push({ method, args });
      const answer =
        this.handlers.get(method) ?? ((a) => apiRefusal(method, a) ?? this.defaultAnswer(method, a));
      json(200, await answer(args));
    } else {
      json(404, { ok: false, error: 'unknown_path' });
    }
    for (const wake of this.waiters.splice(0)) wake();
  }

  private defaultAnswer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const seconds = this.now ? Math.floor(this.now().getTime() / 1000) : 1700000000;
    const ts = () => `${seconds}.${String(++this.seq).padStart(6, '0')}`;
    const chrome = this.chrome.answer(method, args);
    if (chrome) return chrome;
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake-team.slack.com/',
          team: 'Fake',
          team_id: 'T0FAKE',
          user: 'bers',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        };
      case 'chat.postMessage':
        return this.messages.post(this.channelIdOf(String(args.channel)), args, ts());
      case 'conversations.history':
        return this.messages.history(args);
      case 'conversations.replies':
        return this.messages.replies(args);
      case 'chat.update':
        return this.messages.update(this.channelIdOf(String(args.channel)), args);
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts() };
      case 'conversations.create': {
        const name = String(args.name);
        if ([...this.channelNames.values()].includes(name)) return { ok: false, error: 'name_taken' };
        const id = `C${String(++this.seq).padStart(8, '0')}`;
        this.channelNames.set(id, name);
        this.botChannels.add(id);
        return {
          ok: true,
          channel: { id, name, is_private: args.is_private === 'true' || args.is_private === true },
        };
      }
      case 'users.conversations':
        return {
          ok: true,
          channels: [...this.botChannels].map((id) => ({ id, name: this.channelNames.get(id) })),
          response_metadata: { next_cursor: '' },
        };
      case 'conversations.invite':
        return { ok: true, channel: { id: args.channel } };
      case 'views.open':
        return { ok: true, view: { id: `V${++this.seq}` } };
      case 'users.lookupByEmail':
        return { ok: false, error: 'users_not_found' };
      case 'users.info':
        return this.userInfo(String(args.user));
      case 'usergroups.users.list':
        return { ok: true, users: [] };
      case 'files.getUploadURLExternal': {
        const id = `F${++this.seq}`;
        return { ok: true, upload_url: `${this.baseUrl}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = (Array.isArray(args.files) ? args.files : []) as { id: string; title?: string }[];
        const channel = this.channelIdOf(String(args.channel_id));
        for (const f of files) this.files.unshift({ id: f.id, title: f.title ?? '', channel });
        return { ok: true, files: args.files };
      }
      case 'files.list': {
        const files = this.files.filter((f) => !args.channel || f.channel === args.channel);
        return { ok: true, files: files.slice(0, Number(args.count ?? 100)) };
      }
      default:
        return { ok: true };
    }
  }

  /** A user the directory knows, with an e-mail made from their name; others are `user_not_found`. */
  private userInfo(id: string): Record<string, unknown> {
    const name = this.directory.nameOf(id);
    if (!name) return { ok: false, error: 'user_not_found' };
    const profile = { display_name: name, real_name: name, email: `${name}@example.com` };
    return { ok: true, user: { id, name, real_name: name, profile } };
  }

  /** The message as it is now (after edits), by channel id and ts. */
  message(channelId: string, ts: string): FakeMessage | undefined {
    return this.messages.get(channelId, ts);
  }

  /** Replies in the thread of `ts`, oldest first. */
  threadOf(channelId: string, ts: string): FakeMessage[] {
    return this.messages.threadOf(channelId, ts);
  }

  /** The id of a channel given by id or `#name` (a name the fake has not seen yet gets one). */
  channelId(channel: string): string {
    return this.channelIdOf(channel);
  }

  /** What a channel (id or `#name`) itself shows: top-level messages and broadcast replies. */
  channelView(channel: string): FakeMessage[] {
    return this.messages.channelView(this.channelIdOf(channel));
  }

  private channelIdOf(channel: string): string {
    if (!channel.startsWith('#')) return channel;
    const name = channel.slice(1);
    for (const [id, n] of this.channelNames) if (n === name) return id;
    const id = `C${String(++this.seq).padStart(8, '0')}`;
    this.channelNames.set(id, name);
    return id;
  }

  /** A slash command's `text` as Slack sends what the user typed, with should_escape on. */
  commandText(typed: string): string {
    return slackEscapedText(typed, this.directory);
  }

  /** Live broadcasts and foreign links in everything the bot posted or answered (should be none). */
  liveMarkup(): (LiveMarkup & { method: string })[] {
    const posted = [
      ...this.calls.filter((c) => c.method.startsWith('chat.') || c.method.startsWith('files.')),
      ...this.responses.map((r) => ({ method: `response_url ${r.id}`, args: r.body })),
    ];
    return posted.flatMap((c) => liveMarkupIn(c.args).map((m) => ({ ...m, method: c.method })));
  }

  /** A message someone posted in a channel, so events about it can be answered. */
  addMessage(channel: string, message: FakeMessage): void {
    this.messages.add(channel, message);
  }

  /** The channel name the fake knows for an id (created or posted to by name). */
  nameOf(channelId: string): string | undefined {
    return this.channelNames.get(channelId);
  }
}
