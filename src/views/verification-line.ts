import type { ActionRequest } from '../actions/action-request.js';
import type { Verification } from '../actions/verify-operation.js';
import { type Mrkdwn, md } from '../core/mrkdwn.js';
import { what } from './operation-words.js';

/** One line saying how verification went: a health window, a KPI back on target, or a wait. */
export function verificationLine(
  r: ActionRequest,
  v: Omit<Verification, 'kind'> & { kind?: string },
): Mrkdwn {
  const reason = v.reason ? ` — ${v.reason}` : '';
  if (v.kind === 'wait') return md`:stopwatch: waited ${v.seconds} s after ${what(r)}`;
  if (v.kind === 'metric') {
    const metric = md`*${v.metric ?? 'metric'}*`;
    return v.healthy
      ? md`:white_check_mark: ${metric} back on target after ${v.seconds} s${reason}`
      : md`:x: ${metric} still ${v.status === 'unknown' ? 'unknown' : 'off target'} after ${v.seconds} s${reason}`;
  }
  const where = md`*${r.service}* (${r.environment})`;
  if (v.healthy) {
    const stable = v.stable ? ` (stable: ${v.stable.probes} checks over ${v.stable.seconds} s)` : '';
    return md`:white_check_mark: ${where} healthy after ${v.seconds} s${stable}`;
  }
  const relapse = v.relapse ? ` (it was healthy, then ${v.relapse.status} at ${v.relapse.atSeconds} s)` : '';
  return md`:x: ${where} still ${v.status} after ${v.seconds} s${reason}${relapse}`;
}
