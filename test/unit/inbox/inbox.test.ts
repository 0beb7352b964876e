import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { Inbox, type InboxWork } from '../../../src/inbox/inbox.js';
import { JOURNAL_SUBDIR, type KeptRequest } from '../../../src/inbox/kept-request.js';
import { JournalWriter } from '../../../src/ingress/journal-writer.js';
import type { Store } from '../../../src/store/store.js';
import { captureLogs } from '../../helpers/logs.js';
import { storeBackends } from '../../helpers/stores.js';

const NOW = new Date('2026-03-02T10:00:00Z');

function request(id: string, minutesAgo = 0): KeptRequest {
  return {
    id,
    receivedAt: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
    delivery: { kind: 'command', payload: { user_id: 'U0ADA', text: `incident list ${id}` } },
  };
}

class RecordingWork implements InboxWork {
  readonly worked: string[] = [];
  readonly expiredIds: [string, string][] = [];
  failing = new Set<string>();
  async work(r: KeptRequest): Promise<string> {
    if (this.failing.has(r.id)) throw new Error('the store went away');
    this.worked.push(r.id);
    return 'ok';
  }
  async expired(r: KeptRequest, reason: string): Promise<void> {
    this.expiredIds.push([r.id, reason]);
  }
}

describe('the inbox on the embedded store (journal)', () => {
  let store: Store;
  let dir: string;
  const clock = new ManualClock(NOW);
  const inboxWith = (work: InboxWork) =>
    new Inbox({ store, target: { kind: 'journal', dir }, work, clock, log: captureLogs().log });
  const states = async () =>
    Object.fromEntries(
      (await store.query<{ id: string; state: string; outcome: string | null }>('SELECT * FROM inbox')).map(
        (r) => [r.id, `${r.state}:${r.outcome}`],
      ),
    );

  beforeAll(async () => {
    store = await storeBackends()[0]!.open();
    dir = await mkdtemp(join(tmpdir(), 'bers-inbox-'));
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('works an accepted request and marks it done with its outcome', async () => {
    const work = new RecordingWork();
    await inboxWith(work).accept(request('a'));
    expect(work.worked).toEqual(['a']);
    expect(await states()).toMatchObject({ a: 'done:ok' });
  });

  it('leaves a request whose work failed unfinished, to be taken up again', async () => {
    const work = new RecordingWork();
    work.failing.add('b');
    await inboxWith(work).accept(request('b'));
    expect((await states()).b).toBeUndefined();
  });

  it('at start, takes up journaled requests not done: answerable ones worked, old ones reported', async () => {
    const writer = new JournalWriter(dir);
    for (const r of [request('a'), request('b'), request('c', 5), request('old', 40)]) await writer.keep(r);
    await writer.close();
    const work = new RecordingWork();
    const inbox = inboxWith(work);
    await inbox.start();
    await inbox.stop();
    expect(work.worked.sort()).toEqual(['b', 'c']);
    expect(work.expiredIds).toEqual([['old', 'too-late']]);
    expect(await states()).toMatchObject({ a: 'done:ok', b: 'done:ok', c: 'done:ok', old: 'done:expired' });
  });

  it('gives up on a request that keeps failing after three tries, and tells its user', async () => {
    const writer = new JournalWriter(dir);
    await writer.keep(request('poison'));
    await writer.close();
    const work = new RecordingWork();
    work.failing.add('poison');
    for (let start = 0; start < 3; start++) {
      const inbox = inboxWith(work);
      await inbox.start();
      await inbox.stop();
    }
    expect(work.expiredIds).toEqual([]);
    const last = inboxWith(work);
    await last.start();
    await last.stop();
    expect(work.expiredIds).toEqual([['poison', 'keeps-failing']]);
    expect((await states()).poison).toBe('done:abandoned');
  });

  it('deletes journal segments once every request in them is done, but never the newest', async () => {
    const writer = new JournalWriter(dir);
    await writer.keep(request('new'));
    await writer.close();
    const work = new RecordingWork();
    const inbox = inboxWith(work);
    await inbox.start();
    await inbox.stop();
    const left = await readdir(join(dir, JOURNAL_SUBDIR));
    expect(left).toHaveLength(1);
    expect(work.worked).toEqual(['new']);
  });
});
