import type { Writable } from 'node:stream';
import type { Bookmark, Chat, CreatedChannel, MessageRef, ModalView, PostOptions } from '../core/chat.js';
import { UsageError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import type { ButtonBoard } from './button-board.js';
import { renderMessage } from './render-text.js';

/** The Chat port for console mode: every post is printed, prefixed with its channel. */
export class ConsoleChat implements Chat {
  private seq = 0;

  constructor(
    private readonly out: Writable,
    private readonly buttons: ButtonBoard,
  ) {}

  print(channel: string, message: Message, ts?: string): void {
    // An updated message (same ts) is printed again; its old buttons stop working (see ButtonBoard).
    const key = this.buttons.beginMessage(channel, ts);
    const body = renderMessage(message, (b) => this.buttons.add({ ...b, channel, ts }, key));
    this.out.write(`${body}\n`);
  }

  async post(channel: string, message: Message, options: PostOptions = {}): Promise<MessageRef> {
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
    // A terminal has no threads: a reply is printed in place, marked as one.
    const where = options.threadTs ? ` · thread${options.broadcast ? ', also in the channel' : ''}` : '';
    this.out.write(`\n[${channel.startsWith('#') ? channel : `#${channel}`}${where}]\n`);
    this.print(channel, message, ts);
    return { channel, ts };
  }

  async update(ref: MessageRef, message: Message): Promise<void> {
    this.out.write(`\n[#${ref.channel.replace(/^#/, '')} · updated]\n`);
    this.print(ref.channel, message, ref.ts);
  }

  async findMarked(): Promise<MessageRef | undefined> {
    // Nothing printed can be found again: a re-run prints the message once more.
    return undefined;
  }

  async postEphemeral(channel: string, _user: string, message: Message): Promise<void> {
    await this.post(channel, message);
  }

  async postToUser(_user: string, message: Message): Promise<void> {
    this.print('console', message);
  }

  async createChannel(name: string): Promise<CreatedChannel> {
    this.out.write(`(channel #${name} created)\n`);
    return { id: name, name };
  }

  async findOwnChannel(name: string): Promise<CreatedChannel | undefined> {
    // Console channels are only names; a name that was taken is the one this console created.
    return { id: name, name };
  }

  async invite(channel: string, users: string[]): Promise<void> {
    this.out.write(`(invited ${users.join(', ')} to #${channel})\n`);
  }

  async openModal(_triggerId: string, view: ModalView): Promise<void> {
    throw new UsageError(
      `Forms ("${view.title.text}") need Slack; in the console, type the command with its arguments.`,
    );
  }

  async uploadFile(
    channel: string,
    file: { filename: string; content: Buffer; title: string },
  ): Promise<void> {
    this.out.write(
      `(file ${file.filename}, ${file.content.length} bytes, "${file.title}" for #${channel})\n`,
    );
  }

  async hasFile(): Promise<boolean> {
    // Nothing printed can be found again: a re-run prints the file once more.
    return false;
  }

  async findUserByEmail(): Promise<string | undefined> {
    return undefined;
  }

  async userName(userId: string): Promise<string | undefined> {
    // The console has no directory: a user is known by the name that was typed.
    return userId;
  }

  async userEmail(): Promise<string | undefined> {
    return undefined;
  }

  async userGroupMembers(): Promise<string[]> {
    return [];
  }

  // The console has no channel chrome: topic and bookmarks are printed, archiving too.
  async setTopic(channel: string, topic: string): Promise<void> {
    this.out.write(`(topic of #${channel.replace(/^#/, '')}: ${topic})\n`);
  }

  async bookmarks(): Promise<Bookmark[]> {
    return [];
  }

  async addBookmark(channel: string, bookmark: { title: string; link: string }): Promise<string> {
    this.out.write(`(bookmark in #${channel.replace(/^#/, '')}: ${bookmark.title} ${bookmark.link})\n`);
    return `console-${bookmark.title}`;
  }

  async editBookmark(channel: string, bookmark: Bookmark): Promise<void> {
    this.out.write(`(bookmark in #${channel.replace(/^#/, '')}: ${bookmark.title} ${bookmark.link})\n`);
  }

  async archive(channel: string): Promise<void> {
    this.out.write(`(#${channel.replace(/^#/, '')} archived)\n`);
  }

  channelLink(channel: string): string {
    return `#${channel.replace(/^#/, '')}`;
  }
}
