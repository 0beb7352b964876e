import type { ActionCommandDeps } from '../../../commands/action-deps.js';
import type { ActionRequest } from '../../../src/actions/action-request.js';
import { notCalled } from './context.js';

/** A restart/rollback request as the action service stores it (awaiting confirmation). */
export function pendingRequest(over: Partial<ActionRequest> = {}): ActionRequest {
  return {
    id: 'req-7',
    kind: 'restart',
    service: 'unjucks-api',
    environment: 'production',
    executor: 'kubernetes deployment/unjucks-api -n prod',
    args: {},
    state: 'requested',
    requestedBy: { id: 'U0ADA', name: 'ada' },
    channelId: 'C0OPS',
    twoPerson: false,
    requestedAt: new Date('2026-12-02T10:00:00Z'),
    expiresAt: new Date('2026-12-02T10:05:00Z'),
    correlationId: 'req-1',
    ...over,
  } as ActionRequest;
}

/** An incident as the lookup returns it: its number, channel and whether it is resolved. */
export interface KnownIncident {
  number: number;
  channelId: string;
  resolvedAt?: Date;
}

/**
 * In-memory action ports: targets are `service/environment`, requests are recorded; `incidents`
 * are what `--incident N` and the channel's incident are looked up in.
 */
export function actionPorts(request: ActionRequest = pendingRequest(), incidents: KnownIncident[] = []) {
  const calls: unknown[][] = [];
  const deps: ActionCommandDeps = {
    actions: {
      service: {
        target: (service: string, environment?: string) =>
          ({ service, environment: environment ?? 'production', settings: {} }) as never,
        request: async (...args: unknown[]) => {
          calls.push(['request', ...args]);
          return { ...request, kind: args[0] as ActionRequest['kind'] };
        },
        requestTyped: notCalled('requestTyped'),
        cancel: async (...args: unknown[]) => {
          calls.push(['cancel', ...args]);
          return { ...request, state: 'cancelled' } as ActionRequest;
        },
        history: notCalled('history'),
        operations: notCalled('operations'),
      } as ActionCommandDeps['actions']['service'],
      runner: {
        confirm: async (...args: unknown[]) => {
          calls.push(['confirm', ...args]);
          return { ...request, state: 'confirmed' } as ActionRequest;
        },
        execute: async (...args: unknown[]) => void calls.push(['execute', ...args]),
      } as ActionCommandDeps['actions']['runner'],
    },
    log: { warn: (() => {}) as ActionCommandDeps['log']['warn'] },
    incidents: {
      get: async (n: number) => incidents.find((i) => i.number === n) as never,
      byChannel: async (id: string) => incidents.find((i) => i.channelId === id) as never,
    },
  };
  return { deps, calls };
}
