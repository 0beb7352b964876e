import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { JOURNAL_SUBDIR, type KeptRequest } from './kept-request.js';

/** One journal file: the ids of its whole lines, and the lines to parse for those still wanted. */
export interface Segment {
  file: string;
  ids: string[];
  /** Each id's line, parsed only by `requests` (most segments are only ever counted, then removed). */
  lines: Map<string, string>;
}

/**
 * Reading side of the embedded store's request journal (the ingress thread appends to it,
 * src/ingress/journal-writer.ts). Segments come oldest first; the newest may still be written to.
 * Upkeep reads every segment every 30 s, and under load they hold tens of thousands of requests:
 * their ids are read without parsing the lines (the writer puts `id` first), so upkeep does not
 * stall the main thread parsing payloads it will only count as done.
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
      const lines = linesById(await readFile(file, 'utf8').catch(() => ''));
      segments.push({ file, ids: [...lines.keys()], lines });
    }
    return segments;
  }

  /** The requests of these ids in the segment, parsed. */
  requests(segment: Segment, ids: readonly string[]): KeptRequest[] {
    const requests: KeptRequest[] = [];
    for (const id of ids) {
      const request = parse(segment.lines.get(id));
      if (request) requests.push(request);
    }
    return requests;
  }

  async remove(segment: Segment): Promise<void> {
    await rm(segment.file, { force: true });
  }
}

const ID_PREFIX = '{"id":"';

/**
 * Whole lines by id. The text after the last newline is a line still being written (or cut short
 * by a crash, and so never acked): it is left out, and read whole next time if it gets finished.
 */
function linesById(text: string): Map<string, string> {
  const lines = new Map<string, string>();
  const whole = text.split('\n');
  whole.pop();
  for (const line of whole) {
    const id = idOf(line);
    if (id !== undefined) lines.set(id, line);
  }
  return lines;
}

function idOf(line: string): string | undefined {
  if (line.startsWith(ID_PREFIX)) {
    const end = line.indexOf('"', ID_PREFIX.length);
    const id = line.slice(ID_PREFIX.length, end);
    if (end > 0 && !id.includes('\\') && line.includes('"delivery":{', end)) return id;
  }
  return parse(line)?.id;
}

function parse(line: string | undefined): KeptRequest | undefined {
  if (!line) return undefined;
  try {
    const value = JSON.parse(line) as KeptRequest;
    return typeof value.id === 'string' && value.delivery ? value : undefined;
  } catch {
    return undefined;
  }
}
