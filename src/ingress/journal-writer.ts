import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { JOURNAL_SUBDIR, type KeptRequest, segmentName } from '../inbox/kept-request.js';
import type { InboxWriter } from './inbox-writer.js';

/** A segment is closed after this many requests or this long, so finished ones can be deleted. */
const SEGMENT_REQUESTS = 500;
const SEGMENT_MS = 60_000;

/**
 * The embedded store's inbox on the ack path: one line appended per request with a synchronous
 * write. A write that returned is in the kernel, so it outlives the process being killed — the same
 * durability the embedded database itself has (PGlite does not fsync) — and costs microseconds,
 * where a query on the main thread would wait behind whatever command work holds that thread.
 */
export class JournalWriter implements InboxWriter {
  private fd?: number;
  private written = 0;
  private openedAt = 0;
  private seq = 0;
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, JOURNAL_SUBDIR);
    mkdirSync(this.dir, { recursive: true });
  }

  async keep(request: KeptRequest): Promise<boolean> {
    writeSync(this.segment(), `${JSON.stringify(request)}\n`);
    this.written++;
    return true;
  }

  async close(): Promise<void> {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private segment(): number {
    const now = Date.now();
    if (this.fd !== undefined && this.written < SEGMENT_REQUESTS && now - this.openedAt < SEGMENT_MS) {
      return this.fd;
    }
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = openSync(join(this.dir, segmentName(now, this.seq++)), 'a');
    this.written = 0;
    this.openedAt = now;
    return this.fd;
  }
}
