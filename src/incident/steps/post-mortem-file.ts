import { chatRefusal } from '../../core/chat.js';
import { mrkdwnToPlain } from '../../core/mrkdwn.js';
import { incidentRepository as repo } from '../incident-repository.js';
import type { Incident } from '../model.js';
import type { StepRunnerDeps } from '../step-runner-deps.js';
import { stepStore } from '../step-store.js';

const ATTACHED = 'post-mortem-file';

/**
 * The post-mortem draft as a Markdown file in the incident channel, for the wiki. People are
 * written as `@name` (a `<@U…>` means nothing outside Slack). Recorded once attached, so a step
 * re-run after it was recorded attaches nothing; a crash between the upload and the record (a
 * moment) would attach it a second time, never zero times.
 */
export async function attachPostMortem(deps: StepRunnerDeps, incident: Incident): Promise<void> {
  const { store, chat } = deps;
  if (!incident.channelId) throw new Error('the incident channel does not exist yet');
  if ((await stepStore.messages(store, incident.id)).some((m) => m.role === ATTACHED)) return;
  const draft = deps.reports.postMortemMarkdown(incident, await repo.timeline(store, incident.id));
  const ids = [...new Set([...draft.source.matchAll(/<@([UW][A-Z0-9]+)>/g)].map((m) => m[1]!))];
  const names = new Map<string, string>();
  for (const id of ids) names.set(id, (await chat.userName(id)) ?? id);
  const named = draft.source.replace(/<@([UW][A-Z0-9]+)>/g, (_, id: string) => `<@${id}|${names.get(id)}>`);
  try {
    await chat.uploadFile(incident.channelId, {
      filename: `incident-${incident.number}-post-mortem.md`,
      content: Buffer.from(`${mrkdwnToPlain(named).trimEnd()}\n`),
      title: `Post-mortem draft: incident #${incident.number}`,
    });
  } catch (error) {
    const code = chatRefusal(error);
    if (!code) throw error;
    await repo.addTimeline(store, incident.id, {
      at: deps.clock.now(),
      kind: 'warning',
      text: `Could not attach the post-mortem draft: Slack answered ${code}`,
      sourceKey: `post-mortem-file:${code}`,
    });
    return;
  }
  await stepStore.rememberMessage(store, incident.id, ATTACHED, { channel: incident.channelId, ts: '' });
}
