import type { Clock } from '../core/clock.js';
import type { GatheredSection, Report, ReportKind, ReportSection, SectionFailure } from './report-model.js';

export interface GatherOptions {
  kind: ReportKind;
  title: string;
  at: Date;
  timezone: string;
  /** Sections still running then are named as failed ("timed out"); the rest posts. */
  deadlineMs: number;
  clock: Clock;
  scheduleId?: string;
  slot?: Date;
  late?: Report['late'];
}

function timeout(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new Error('timed out'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/**
 * Gathers every section concurrently. A section that answers undefined is left out; one that
 * throws or overruns the deadline becomes a named failure, so one broken source never stops the
 * report.
 */
export async function gatherReport(
  sections: readonly ReportSection[],
  options: GatherOptions,
): Promise<Report> {
  const started = performance.now();
  const signal = AbortSignal.timeout(options.deadlineMs);
  const settled = await Promise.allSettled(
    sections.map((s) => Promise.race([s.gather(options.at, signal), timeout(signal)])),
  );
  const gathered: GatheredSection[] = [];
  const failures: SectionFailure[] = [];
  settled.forEach((result, i) => {
    const { id, title } = sections[i]!;
    if (result.status === 'rejected') {
      const error = result.reason instanceof Error ? result.reason.message : String(result.reason);
      failures.push({ id, title, error: error || 'failed' });
    } else if (result.value !== undefined) {
      gathered.push({ id, title, data: result.value });
    }
  });
  return {
    kind: options.kind,
    title: options.title,
    at: options.at,
    timezone: options.timezone,
    sections: gathered,
    failures,
    late: options.late,
    scheduleId: options.scheduleId,
    slot: options.slot,
    durationMs: Math.round(performance.now() - started),
  };
}
