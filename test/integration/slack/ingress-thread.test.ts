import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allCommands } from '../../../commands/index.js';
import type { AnyCommand } from '../../../src/core/command.js';
import { configFrom } from '../../helpers/config.js';
import {
  type HttpBotHarness,
  SIGNING_SECRET,
  slashCommandBody,
  startHttpBot,
} from '../../helpers/http-bot.js';
import { signedHeaders } from '../../helpers/slack-signing.js';

/** Flags shared with the client thread: [0] the main thread is held, [1] the client got its ack. */
const HELD = 0;
const ACKED = 1;

/**
 * `/bers hold`: takes the main thread and does not let go (no await, no event loop) until the
 * client thread says its second request was acked, or 20 s pass. Its reply says which.
 */
function holdCommand(flags: Int32Array): AnyCommand {
  return {
    name: 'hold',
    summary: 'test: hold the main thread',
    usage: ['hold'],
    permission: 'read',
    args: z.array(z.string()).max(0),
    async run() {
      Atomics.store(flags, HELD, 1);
      // Atomics.wait blocks this thread outright, as a long synchronous query or a GC pause would.
      Atomics.wait(flags, ACKED, 0, 20_000);
      return { text: Atomics.load(flags, ACKED) === 1 ? 'acked while held' : 'no ack while held' };
    },
  };
}

/**
 * A client on its own thread, so it can see an ack while the test's (and the bot's) main thread is
 * held: sends `first`, waits until the main thread is held, sends `second`, flags its ack.
 */
const CLIENT = `
const { workerData, parentPort } = require('node:worker_threads');
const { url, first, second, flags } = workerData;
const post = (request) => fetch(url, { method: 'POST', body: request.body, headers: request.headers });
(async () => {
  const firstAck = await post(first);
  while (Atomics.load(flags, 0) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  const secondAck = await post(second);
  Atomics.store(flags, 1, 1);
  Atomics.notify(flags, 1);
  parentPort.postMessage([firstAck.status, secondAck.status]);
})();
`;

describe('HTTP mode: acks come from the ingress thread', () => {
  let h: HttpBotHarness;
  const flags = new Int32Array(new SharedArrayBuffer(8));
  beforeAll(async () => {
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: api
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 500 }]
`),
      commands: (services) => [...allCommands(services), holdCommand(flags)],
    });
  });
  afterAll(() => h.close());

  it('a command that holds the main thread does not hold the next ack', async () => {
    const request = (text: string, id: string) => {
      const body = slashCommandBody(text, h.slack.responseUrl(id));
      const headers = {
        'content-type': 'application/x-www-form-urlencoded',
        ...signedHeaders(SIGNING_SECRET, body),
      };
      return { body, headers };
    };
    const client = new Worker(CLIENT, {
      eval: true,
      workerData: {
        url: `${h.url}/slack/events`,
        first: request('hold', 'held'),
        second: request('health', 'second'),
        flags,
      },
    });
    const statuses = await new Promise((resolve, reject) => {
      client.once('message', resolve);
      client.once('error', reject);
    });
    await client.terminate();

    expect(statuses).toEqual([200, 200]);
    const held = await h.slack.waitFor(() => h.slack.responsesTo('held')[0], 15_000, 'the hold reply');
    expect(held.text).toBe('acked while held');
    // The acked command still runs once the main thread is free.
    const second = await h.slack.waitFor(() => h.slack.responsesTo('second')[0], 15_000, 'the health reply');
    expect(JSON.stringify(second)).toContain('api');
  });
});
