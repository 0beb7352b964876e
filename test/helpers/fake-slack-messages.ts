/** A message as the fake keeps it: a reply knows its thread, a broadcast reply shows in the channel too. */
export interface FakeMessage {
  ts: string;
  text: string;
  user?: string;
  thread_ts?: string;
  broadcast?: boolean;
  blocks?: unknown;
  /** Message metadata (`{ event_type, event_payload }`), as chat.postMessage was given it. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

type Answer = Record<string, unknown>;

/**
 * The fake Slack's messages, by channel id and ts, answering chat.postMessage, chat.update and
 * conversations.history as Slack does, and letting tests look at threads and what a channel shows.
 */
export class FakeMessages {
  private readonly byKey = new Map<string, FakeMessage>();

  add(channel: string, message: FakeMessage): void {
    this.byKey.set(`${channel} ${message.ts}`, message);
  }

  get(channel: string, ts: string): FakeMessage | undefined {
    return this.byKey.get(`${channel} ${ts}`);
  }

  /**
   * Slack answers a reply with the message it made (its `thread_ts` the thread's parent, also when
   * given a reply's ts). A `thread_ts` that is no message in that channel is refused: a reply meant
   * for a card in another channel would otherwise pass unnoticed.
   */
  post(channel: string, args: Answer, ts: string): Answer {
    const text = String(args.text ?? '');
    let thread: string | undefined;
    if (args.thread_ts !== undefined && args.thread_ts !== '') {
      const parent = this.get(channel, String(args.thread_ts));
      if (!parent) return { ok: false, error: 'thread_not_found' };
      thread = parent.thread_ts ?? parent.ts;
    }
    const broadcast =
      thread !== undefined && (args.reply_broadcast === true || args.reply_broadcast === 'true');
    const metadata = metadataOf(args.metadata);
    if (metadata === 'invalid') return { ok: false, error: 'invalid_metadata_format' };
    this.add(channel, {
      ts,
      text,
      user: 'UBOT',
      blocks: args.blocks,
      ...(metadata ? { metadata } : {}),
      ...(thread ? { thread_ts: thread } : {}),
      ...(broadcast ? { broadcast } : {}),
    });
    const message = { type: 'message', text, user: 'UBOT', ts, ...(thread ? { thread_ts: thread } : {}) };
    return {
      ok: true,
      channel,
      ts,
      message: broadcast ? { ...message, subtype: 'thread_broadcast' } : message,
    };
  }

  /** chat.update edits a message the channel has; any other is `message_not_found`, as in Slack. */
  update(channel: string, args: Answer): Answer {
    const found = this.get(channel, String(args.ts));
    if (!found) return { ok: false, error: 'message_not_found' };
    this.add(channel, { ...found, text: String(args.text ?? found.text), blocks: args.blocks });
    return { ok: true, channel, ts: args.ts, text: args.text };
  }

  /**
   * conversations.replies as Slack answers it: the thread of `ts` (its parent first, then the
   * replies, oldest first) between `oldest` and `latest`, paged and with metadata as history is.
   */
  replies(args: Answer): Answer {
    const channel = String(args.channel);
    const parent = this.get(channel, String(args.ts));
    if (!parent) return { ok: false, error: 'thread_not_found' };
    const root = parent.thread_ts ?? parent.ts;
    const thread = [this.get(channel, root)!, ...this.threadOf(channel, root)];
    return this.page(thread, args);
  }

  /**
   * conversations.history as Slack answers it: what the channel shows (top-level messages and
   * broadcast replies) between `oldest` and `latest` (`inclusive` of both), newest first, `limit`
   * at a time (default 100) with a cursor, metadata only with `include_all_metadata`.
   * `latest=ts, inclusive, limit=1` is how one message is read back by its ts.
   */
  history(args: Answer): Answer {
    return this.page(this.channelView(String(args.channel)).reverse(), args);
  }

  /** `messages` (in the order answered) within `oldest`/`latest`, `limit` from `cursor`. */
  private page(messages: FakeMessage[], args: Answer): Answer {
    const inclusive = flag(args.inclusive);
    const oldest = Number(args.oldest ?? 0);
    const latest = args.latest === undefined ? Number.POSITIVE_INFINITY : Number(args.latest);
    const within = (m: FakeMessage) => {
      const ts = Number(m.ts);
      return (inclusive ? ts >= oldest : ts > oldest) && (inclusive ? ts <= latest : ts < latest);
    };
    const all = messages.filter(within);
    const start = Number(args.cursor || 0);
    const limit = Number(args.limit ?? 100);
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    const withMetadata = flag(args.include_all_metadata);
    return {
      ok: true,
      messages: page.map(({ metadata, broadcast, ...m }) => ({
        type: 'message',
        ...m,
        ...(broadcast ? { subtype: 'thread_broadcast' } : {}),
        ...(m.user === 'UBOT' ? { bot_id: 'BBOT' } : {}),
        ...(metadata && withMetadata ? { metadata } : {}),
      })),
      has_more: more,
      response_metadata: { next_cursor: more ? String(start + limit) : '' },
    };
  }

  /** Replies in the thread of `ts`, oldest first. */
  threadOf(channel: string, ts: string): FakeMessage[] {
    return this.inChannel(channel).filter((m) => m.thread_ts === ts && m.ts !== ts);
  }

  /** What the channel itself shows: top-level messages and broadcast replies, oldest first. */
  channelView(channel: string): FakeMessage[] {
    return this.inChannel(channel).filter((m) => !m.thread_ts || m.broadcast);
  }

  private inChannel(channel: string): FakeMessage[] {
    return [...this.byKey.entries()]
      .filter(([key]) => key.startsWith(`${channel} `))
      .map(([, m]) => m)
      .sort((a, b) => a.ts.localeCompare(b.ts));
  }
}

function flag(value: unknown): boolean {
  return value === true || value === 'true' || value === '1';
}

/** Slack takes metadata as JSON (form-encoded: a JSON string) with a string `event_type`. */
function metadataOf(value: unknown): FakeMessage['metadata'] | 'invalid' | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = typeof value === 'string' ? safeParse(value) : value;
  if (!parsed || typeof parsed !== 'object') return 'invalid';
  const { event_type, event_payload } = parsed as Record<string, unknown>;
  if (typeof event_type !== 'string' || !event_type || typeof event_payload !== 'object' || !event_payload)
    return 'invalid';
  return { event_type, event_payload: event_payload as Record<string, unknown> };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
