import { dedupKeyOf, type Incident } from '../model.js';
import { pageContextOf } from '../page-context.js';
import { isOpenPage, type PageRecord } from '../page-model.js';
import type { StepRunnerDeps } from '../step-runner-deps.js';
import type { PendingStep } from '../step-store.js';
import { postOnce } from './marked-post.js';

const PAGE_CARD = 'page:';

/** Pages on-call with the incident's context; the page's state is recorded first, for its card. */
export async function page(deps: StepRunnerDeps, incident: Incident, step: PendingStep): Promise<void> {
  const { store, chat, clock } = deps;
  const pager = deps.pager;
  const context = await pageContextOf(incident, chat, deps.probe);
  await deps.records.pages.paged(
    store,
    incident.id,
    pager.configured ? 'queued' : 'unconfigured',
    context,
    clock.now(),
  );
  await pager.trigger(
    {
      incidentNumber: incident.number,
      dedupKey: dedupKeyOf(incident.number),
      severity: incident.severity,
      title: incident.title,
      summary: `[${incident.severity}] ${incident.title} (incident #${incident.number})`,
      services: incident.services,
      commander: incident.commanderId,
      commanderName: context.commander,
      failingChecks: context.failing,
      origin: context.origin,
      channelLink: context.channelLink,
    },
    step.key,
  );
}

/** Posts the page's card in the incident channel, remembered by the step's key to be edited later. */
export async function postPageCard(
  deps: StepRunnerDeps,
  incident: Incident,
  step: PendingStep,
  reason: string,
): Promise<void> {
  if (!incident.channelId) throw new Error('the incident channel does not exist yet');
  const record = await deps.records.pages.byIncident(deps.store, incident.id);
  if (!record) throw new Error('the page card has no page to show');
  const role = `${PAGE_CARD}${step.key}`;
  // Posted and recorded by an attempt that died before marking the step done.
  if ((await deps.records.steps.messages(deps.store, incident.id)).some((m) => m.role === role)) return;
  const ref = await postOnce(deps, step, incident.channelId, deps.render.pageCard(incident, record, reason));
  await deps.records.steps.rememberMessage(deps.store, incident.id, role, ref);
}

/** Edits every page card of the incident to show the page as it is now. */
export async function refreshPageCards(deps: StepRunnerDeps, incident: Incident, page?: PageRecord) {
  const record = page ?? (await deps.records.pages.byIncident(deps.store, incident.id));
  if (!record) return;
  for (const m of await deps.records.steps.messages(deps.store, incident.id)) {
    if (!m.role.startsWith(PAGE_CARD)) continue;
    const payload = await deps.records.steps.payloadOf(deps.store, m.role.slice(PAGE_CARD.length));
    const reason = payload?.kind === 'page-card' ? payload.reason : 'paged';
    await deps.chat.update(m, deps.render.pageCard(incident, record, reason));
  }
}

/**
 * Tells the pager the incident was acknowledged or resolved here, only while a page of it is open
 * there: an incident never paged sends nothing, and one PagerDuty itself resolved (or where it
 * was already acknowledged) is not told again.
 */
export async function pagerFollowUp(
  deps: StepRunnerDeps,
  incident: Incident,
  step: PendingStep,
  action: 'acknowledge' | 'resolve',
  by = '',
): Promise<void> {
  const record = await deps.records.pages.byIncident(deps.store, incident.id);
  if (!isOpenPage(record)) return;
  const key = dedupKeyOf(incident.number);
  if (action === 'resolve') await deps.pager.resolve(key, step.key);
  else if (record.state !== 'acknowledged') await deps.pager.acknowledge(key, by, step.key);
  else return;
  // The card says it at once; PagerDuty's report of it later finds it so.
  const change =
    action === 'resolve'
      ? { state: 'resolved' as const }
      : { state: 'acknowledged' as const, acknowledgedBy: by };
  const applied = await deps.records.pages.apply(deps.store, incident.id, change, deps.clock.now());
  if (applied) await refreshPageCards(deps, incident, applied.after);
}
