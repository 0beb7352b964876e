import { z } from 'zod';
import { ServiceNames } from '../src/config/service-names.js';
import type { Command } from '../src/core/command.js';
import type { Services } from '../src/core/services.js';
import { auditReply } from '../src/views/audit-view.js';
import { splitPageArg } from './page-arg.js';

const USAGE = 'expected `audit [n] [service] [page N]` with n from 1 to 100';

const args = z
  .array(z.string().max(64))
  .max(4, USAGE)
  .transform((all, ctx) => {
    const split = splitPageArg(all);
    if ('error' in split || split.rest.length > 2) {
      ctx.addIssue({ code: 'custom', message: 'error' in split ? split.error : USAGE });
      return z.NEVER;
    }
    const tokens = split.rest;
    const [first, second] = tokens;
    const count = first !== undefined && /^\d+$/.test(first) ? Number(first) : undefined;
    const service = count === undefined ? first : second;
    if (
      (count === undefined && second !== undefined) ||
      (count !== undefined && (count < 1 || count > 100))
    ) {
      ctx.addIssue({ code: 'custom', message: USAGE });
      return z.NEVER;
    }
    return { count: count ?? 20, service: service?.toLowerCase(), page: split.page, tokens };
  });

/** The audit log's recent rows, and the service names a filter is resolved against. */
export interface AuditCommandDeps {
  audit: Pick<Services['audit'], 'recent'>;
  config: Pick<Services['config'], 'services'>;
}

export const createAuditCommand = (deps: AuditCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'audit',
  summary: 'recent audited commands and operations (restarts, rollbacks: who, when, outcome)',
  usage: ['audit [n] [service] [page N]'],
  examples: ['audit', 'audit 50', 'audit 10 unjucks-api', 'audit 100 page 2'],
  permission: 'read',
  args,
  async run({ count, service, page, tokens }) {
    const canonical = service && new ServiceNames(deps.config.services).resolve(service);
    const records = await deps.audit.recent(count, { service: canonical });
    return auditReply(records, canonical, page, ['audit', ...tokens].join(' '));
  },
});
