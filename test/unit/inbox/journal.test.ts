import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../src/inbox/journal.js';
import { JOURNAL_SUBDIR, type KeptRequest, segmentName } from '../../../src/inbox/kept-request.js';

const request = (id: string): KeptRequest => ({
  id,
  receivedAt: '2026-12-02T05:00:00.000Z',
  delivery: { kind: 'command', payload: { command: '/bers', text: `health ${id}` } },
});
const line = (r: unknown) => `${JSON.stringify(r)}\n`;

async function journalWith(...segments: string[]): Promise<Journal> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bers-journal-'));
  await mkdir(join(dataDir, JOURNAL_SUBDIR));
  for (const [i, text] of segments.entries())
    await writeFile(join(dataDir, JOURNAL_SUBDIR, segmentName(1000 + i, i)), text);
  return new Journal(dataDir);
}

describe('Journal', () => {
  it('lists each segment’s ids, oldest first, and parses only the requests asked for', async () => {
    const journal = await journalWith(line(request('a')) + line(request('b')), line(request('c')));
    const segments = await journal.segments();
    expect(segments.map((s) => s.ids)).toEqual([['a', 'b'], ['c']]);
    expect(journal.requests(segments[0]!, ['b'])).toEqual([request('b')]);
  });

  it('leaves out a line still being written (or cut short by a crash), and reads it once finished', async () => {
    const whole = line(request('a'));
    const cut = line(request('b')).slice(0, 40);
    const journal = await journalWith(whole + cut);
    const [segment] = await journal.segments();
    expect(segment!.ids).toEqual(['a']);
  });

  it('reads an id the writer did not put first, or one with an escape, by parsing its line', async () => {
    const reordered = { receivedAt: '2026-12-02T05:00:00.000Z', id: 'late', delivery: request('x').delivery };
    const escaped = request('event:"quoted"');
    const journal = await journalWith(line(reordered) + line(escaped) + line({ id: 'no-delivery' }));
    const [segment] = await journal.segments();
    expect(segment!.ids).toEqual(['late', 'event:"quoted"']);
    expect(journal.requests(segment!, ['event:"quoted"'])).toEqual([escaped]);
  });

  it('removes a segment', async () => {
    const journal = await journalWith(line(request('a')));
    const [segment] = await journal.segments();
    await journal.remove(segment!);
    expect(await journal.segments()).toEqual([]);
    expect(await readdir(join(segment!.file, '..'))).toEqual([]);
  });
});
