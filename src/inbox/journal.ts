import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { JOURNAL_SUBDIR, type KeptRequest } from './kept-request.js';

export interface Segment {
  file: string;
  requests: KeptRequest[];
}

/**
 * Reading side of the embedded store's request journal (the ingress thread appends to it,
 * src/ingress/journal-writer.ts). Segments come oldest first; the newest may still be written to.
 */
export class Journal {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, JOURNAL_SUBDIR);
  }

  async segments(): Promise<Segment[]> {
    const names = (await readdir(this.dir).catch(() => [] as string[]))
      .filter((n) => n.endsWith('.ndjson'))
      .sort();
    const segments: Segment[] = [];
    for (const name of names) {
      const file = join(this.dir, name);
      const text = await readFile(file, 'utf8').catch(() => '');
      segments.push({ file, requests: parseLines(text) });
    }
    return segments;
  }

  async remove(segment: Segment): Promise<void> {
    await rm(segment.file, { force: true });
  }
}

/** A line cut short (being written as it is read) is skipped: it is read whole next time. */
function parseLines(text: string): KeptRequest[] {
  const requests: KeptRequest[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const value = JSON.parse(line) as KeptRequest;
      if (typeof value.id === 'string' && value.delivery) requests.push(value);
    } catch {
      // an unfinished last line
    }
  }
  return requests;
}
