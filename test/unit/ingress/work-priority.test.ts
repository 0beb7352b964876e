import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../src/config/settings.js';

/**
 * Runs `lowerThisThreadsPriority` on a thread of its own (so the test runner keeps its priority)
 * and reports that thread's nice value before and after, and a sibling thread's after.
 */
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const { getPriority } = require('node:os');
(async () => {
  const { register } = await import('tsx/esm/api');
  register();
  const { lowerThisThreadsPriority } = await import(workerData.module);
  const log = { debug() {}, warn(fields) { parentPort.postMessage({ warned: String(fields.err) }); } };
  const before = getPriority(0);
  lowerThisThreadsPriority(workerData.nice, log);
  parentPort.postMessage({ before, after: getPriority(0) });
})();
`;

function probe(nice: number): Promise<{ before: number; after: number }> {
  const worker = new Worker(PROBE, {
    eval: true,
    workerData: { nice, module: new URL('../../../src/ingress/work-priority.ts', import.meta.url).href },
  });
  return new Promise((resolve, reject) => {
    worker.on('message', (message: { before: number; after: number; warned?: string }) => {
      if (message.warned) reject(new Error(message.warned));
      else resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('the main thread yields the CPU to the ingress thread', () => {
  it.runIf(process.platform === 'linux')('lowers the calling thread alone, by the nice given', async () => {
    const mine = getPriority(0);
    const { before, after } = await probe(10);
    expect(after).toBe(Math.min(19, before + 10));
    // Other threads of the process (here, the test runner's) keep theirs.
    expect(getPriority(0)).toBe(mine);
  });

  it('0 leaves the priority as it is', async () => {
    const { before, after } = await probe(0);
    expect(after).toBe(before);
  });

  it('BERS_WORK_NICE: 10 by default; 0 to 19 accepted; anything else named', () => {
    expect(readSettings({}).BERS_WORK_NICE).toBe(10);
    expect(readSettings({ BERS_WORK_NICE: '0' }).BERS_WORK_NICE).toBe(0);
    expect(() => readSettings({ BERS_WORK_NICE: '20' })).toThrow(
      /BERS_WORK_NICE: must be a whole number from 0 to 19/,
    );
    expect(() => readSettings({ BERS_WORK_NICE: 'low' })).toThrow(/BERS_WORK_NICE/);
  });
});
