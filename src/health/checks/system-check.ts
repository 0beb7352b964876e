import { statfs } from 'node:fs/promises';
import { cpus, freemem, totalmem } from 'node:os';
import type { CheckConfig } from '../../config/schema.js';
import type { Checker, CheckOutcome, HealthStatus } from '../model.js';
import { worstOf } from '../model.js';

type SystemCheckConfig = Extract<CheckConfig, { kind: 'system' }>;
type Threshold = { warning?: number; critical?: number };

/** Usage percentages of this host; injectable so thresholds can be tested. */
export interface SystemProbe {
  memoryPercent(): Promise<number>;
  diskPercent(path: string): Promise<number>;
  cpuPercent(signal: AbortSignal): Promise<number>;
}

function cpuTimes() {
  return cpus().reduce(
    (sum, cpu) => {
      const { user, nice, sys, idle, irq } = cpu.times;
      return { busy: sum.busy + user + nice + sys + irq, total: sum.total + user + nice + sys + idle + irq };
    },
    { busy: 0, total: 0 },
  );
}

export const hostProbe: SystemProbe = {
  async memoryPercent() {
    return (1 - freemem() / totalmem()) * 100;
  },
  async diskPercent(path) {
    const fs = await statfs(path);
    // Like df: the space users can use is blocks minus the root-reserved ones.
    const used = fs.blocks - fs.bfree;
    return (used / (used + fs.bavail)) * 100;
  },
  async cpuPercent(signal) {
    const before = cpuTimes();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, 200);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    });
    const after = cpuTimes();
    const total = after.total - before.total;
    return total > 0 ? ((after.busy - before.busy) / total) * 100 : 0;
  },
};

function grade(
  label: string,
  percent: number,
  threshold: Threshold,
): { status: HealthStatus; reason: string } {
  const value = `${label} ${percent.toFixed(1)}%`;
  if (threshold.critical !== undefined && percent >= threshold.critical) {
    return { status: 'unhealthy', reason: `${value} ≥ ${threshold.critical}%` };
  }
  if (threshold.warning !== undefined && percent >= threshold.warning) {
    return { status: 'degraded', reason: `${value} ≥ ${threshold.warning}%` };
  }
  return { status: 'healthy', reason: value };
}

/** Memory, disk and CPU of the bot's own host against warning/critical thresholds (seed 002). */
export function systemChecker(config: SystemCheckConfig, probe: SystemProbe = hostProbe): Checker {
  return {
    kind: 'system',
    async check(signal): Promise<CheckOutcome> {
      const [memory, disk, cpu] = await Promise.all([
        probe.memoryPercent(),
        probe.diskPercent(config.disk.path),
        probe.cpuPercent(signal),
      ]);
      const parts = [
        { name: 'memory', ...grade('memory', memory, config.memory) },
        { name: 'disk', ...grade(`disk ${config.disk.path}`, disk, config.disk) },
        { name: 'cpu', ...grade('cpu', cpu, config.cpu) },
      ];
      const status = worstOf(parts.map((p) => p.status));
      const notable = parts.filter((p) => p.status !== 'healthy');
      return {
        status,
        reason: (notable.length > 0 ? notable : parts).map((p) => p.reason).join(', '),
        details: { memoryPercent: memory, diskPercent: disk, cpuPercent: cpu },
        components: parts,
      };
    },
  };
}
