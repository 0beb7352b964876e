import type { Actor } from '../core/actor.js';
import { ConflictError, UnavailableError, UsageError } from '../core/errors.js';
import { md, userMention } from '../core/mrkdwn.js';
import { type IncidentDeps, mustGet } from './incident-deps.js';
import { dedupKeyOf, type Incident } from './model.js';
import { isOpenPage, type PageRecord } from './page-model.js';
import { changePage } from './page-updates.js';
import type { PagerActions, VendorIncident } from './pager-actions.js';
import { resolvedConflict } from './update-flows.js';

/** What a reassign/escalate acts on: an open incident with an open page, and the REST API. */
async function openPage(deps: IncidentDeps, number: number) {
  const incident = await mustGet(deps, number);
  if (incident.resolvedAt) throw resolvedConflict(incident);
  const page = await deps.records.pages.byIncident(deps.store, incident.id);
  if (!isOpenPage(page)) {
    throw new ConflictError(
      `Incident #${number} has no open page in PagerDuty: page on-call first with \`/bers incident page ${number}\`.`,
    );
  }
  const actions = deps.pagerActions;
  if (!actions) {
    throw new UnavailableError(
      'Reassigning and escalating need PagerDuty’s REST API: set PAGERDUTY_API_TOKEN.',
    );
  }
  return { incident, page, actions };
}

/**
 * On whose behalf PagerDuty is changed: the Slack user's own PagerDuty user (same e-mail), so
 * PagerDuty's log shows who did it, else the configured `pagerduty.fromEmail`.
 */
async function fromOf(deps: IncidentDeps, actions: PagerActions, actor: Actor): Promise<string> {
  const own = await deps.chat.userEmail(actor.id);
  if (own && (await actions.userByEmail(own))) return own;
  if (deps.pagerFromEmail) return deps.pagerFromEmail;
  throw new UsageError(
    own
      ? `No PagerDuty user has your e-mail (${own}), and PagerDuty needs one to make the change: set pagerduty.fromEmail in the config.`
      : 'PagerDuty needs to know who makes the change, and your Slack profile shows no e-mail: set pagerduty.fromEmail in the config.',
  );
}

async function vendorIdOf(
  actions: PagerActions,
  incident: Incident,
  page: PageRecord,
): Promise<VendorIncident | string> {
  if (page.vendor.id) return page.vendor.id;
  const found = await actions.incidentByKey(dedupKeyOf(incident.number));
  if (!found) throw new ConflictError(`PagerDuty has no open incident for #${incident.number}.`);
  return found;
}

/** Records the change on the page (so PagerDuty's webhook about it is no news) and tells the channel once. */
async function recordChange(
  deps: IncidentDeps,
  incident: Incident,
  vendor: VendorIncident,
  requestKey: string,
  text: string,
  notice: ReturnType<typeof md>,
) {
  await changePage(deps, incident.number, {
    vendor: { id: vendor.id || undefined, number: vendor.number, url: vendor.url },
    assignees: vendor.assignees,
    ...(vendor.escalationPolicy ? { escalationPolicy: vendor.escalationPolicy } : {}),
    ...(vendor.escalationLevel ? { escalationLevel: vendor.escalationLevel } : {}),
  });
  const fresh = await deps.records.incidents.addTimeline(deps.store, incident.id, {
    at: deps.clock.now(),
    kind: 'paging',
    text,
    sourceKey: `pager-request:${requestKey}`,
  });
  if (fresh && incident.channelId) await deps.chat.post(incident.channelId, deps.render.notice(notice));
}

/** `/bers incident reassign`: the page goes to another person, through PagerDuty's REST API. */
export async function reassignPage(
  deps: IncidentDeps,
  number: number,
  userId: string,
  actor: Actor,
  requestKey: string,
): Promise<VendorIncident> {
  const { incident, page, actions } = await openPage(deps, number);
  const from = await fromOf(deps, actions, actor);
  const target = await deps.records.pagerRequests.targetOf(
    deps.store,
    deps.clock.now(),
    requestKey,
    incident.id,
    'reassign',
    async () => {
      const email = await deps.chat.userEmail(userId);
      if (!email)
        throw new UsageError(
          md`${userMention(userId)} has no e-mail in their Slack profile, so I cannot find them in PagerDuty.`,
        );
      const user = await actions.userByEmail(email);
      if (!user) throw new UsageError(md`No PagerDuty user has ${userMention(userId)}’s e-mail (${email}).`);
      const vendor = await vendorIdOf(actions, incident, page);
      return {
        vendorId: typeof vendor === 'string' ? vendor : vendor.id,
        userId: user.id,
        userName: user.name,
      };
    },
  );
  const vendor = await actions.reassign(target.vendorId, target.userId!, from);
  await recordChange(
    deps,
    incident,
    vendor,
    requestKey,
    `Reassigned in PagerDuty to ${target.userName} by ${actor.name}`,
    md`🔁 ${userMention(actor.id)} reassigned the page for incident #${number} to ${userMention(userId)} (*${target.userName ?? '?'}* in PagerDuty).`,
  );
  return vendor;
}

/** `/bers incident escalate`: the page goes to the next level of its escalation policy. */
export async function escalatePage(
  deps: IncidentDeps,
  number: number,
  actor: Actor,
  requestKey: string,
): Promise<VendorIncident> {
  const { incident, page, actions } = await openPage(deps, number);
  const from = await fromOf(deps, actions, actor);
  const target = await deps.records.pagerRequests.targetOf(
    deps.store,
    deps.clock.now(),
    requestKey,
    incident.id,
    'escalate',
    async () => {
      // PagerDuty's own level, not ours: someone may have escalated there meanwhile.
      const found = await actions.incidentByKey(dedupKeyOf(number));
      if (!found) throw new ConflictError(`PagerDuty has no open incident for #${number}.`);
      return { vendorId: found.id, level: (found.escalationLevel ?? page.escalationLevel ?? 1) + 1 };
    },
  );
  const vendor = await actions.escalate(target.vendorId, target.level!, from);
  const to = vendor.assignees.join(', ') || 'the next level';
  const level = target.level ?? 0;
  await recordChange(
    deps,
    incident,
    vendor,
    requestKey,
    `Escalated in PagerDuty to level ${level} (${to}) by ${actor.name}`,
    md`⏫ ${userMention(actor.id)} escalated the page for incident #${number} to level ${level}: *${to}*.`,
  );
  return vendor;
}

/** Whether a webhook of `kind` is most likely our own change coming back (asked for in the last 2 minutes). */
export async function madeHereRecently(
  deps: IncidentDeps,
  number: number,
  kind: 'reassigned' | 'escalated',
): Promise<boolean> {
  const incident = await mustGet(deps, number);
  const since = new Date(deps.clock.now().getTime() - 120_000);
  return deps.records.pagerRequests.madeSince(
    deps.store,
    incident.id,
    kind === 'reassigned' ? 'reassign' : 'escalate',
    since,
  );
}
