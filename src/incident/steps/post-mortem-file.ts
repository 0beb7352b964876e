import { chatRefusal } from '../../core/chat.js';
import { mrkdwnToPlain } from '../../core/mrkdwn.js';
import type { Incident } from '../model.js';
import type { StepRunnerDeps } from '../step-runner-deps.js';

const ATTACHED = 'post-mortem-file';
/** Recorded before the upload: a run that finds it without ATTACHED looks in the channel first. */
const UPLOADING = 'post-mortem-file:uploading';

/**
 * The post-mortem draft as a Markdown file in the incident channel, for the wiki, exactly once.
 * People are written as `@name` (a `<@U…>` means nothing outside Slack). The attempt is recorded
 * before the upload and the file after it; a run that finds an attempt but no file (the process
 * died in between) looks for the file by its title in the channel, as bookmarks are found again.
 */
export async function attachPostMortem(deps: StepRunnerDeps, incident: Incident): Promise<void> {
  const { store, chat } = deps;
  const channel = incident.channelId;
  if (!channel) throw new Error('the incident channel does not exist yet');
  const recorded = new Set((await deps.records.steps.messages(store, incident.id)).map((m) => m.role));
  if (recorded.has(ATTACHED)) return;
  const title = `Post-mortem draft: incident #${incident.number}`;
  const record = (role: string) =>
    deps.records.steps.rememberMessage(store, incident.id, role, { channel, ts: '' });
  if (recorded.has(UPLOADING) && (await alreadyThere(deps, channel, title))) return record(ATTACHED);
  await record(UPLOADING);
  const draft = deps.reports.postMortemMarkdown(
    incident,
    await deps.records.incidents.timeline(store, incident.id),
  );
  const ids = [...new Set([...draft.source.matchAll(/<@([UW][A-Z0-9]+)>/g)].map((m) => m[1]!))];
  const names = new Map<string, string>();
  for (const id of ids) names.set(id, (await chat.userName(id)) ?? id);
  const named = draft.source.replace(/<@([UW][A-Z0-9]+)>/g, (_, id: string) => `<@${id}|${names.get(id)}>`);
  try {
    await chat.uploadFile(channel, {
      filename: `incident-${incident.number}-post-mortem.md`,
      content: Buffer.from(`${mrkdwnToPlain(named).trimEnd()}\n`),
      title,
    });
  } catch (error) {
    const code = chatRefusal(error);
    if (!code) throw error;
    await deps.records.incidents.addTimeline(store, incident.id, {
      at: deps.clock.now(),
      kind: 'warning',
      text: `Could not attach the post-mortem draft: Slack answered ${code}`,
      sourceKey: `post-mortem-file:${code}`,
    });
    return;
  }
  await record(ATTACHED);
}

/** A refused look (no `files:read` yet) cannot tell: the draft is attached again rather than never. */
async function alreadyThere(deps: StepRunnerDeps, channel: string, title: string): Promise<boolean> {
  try {
    return await deps.chat.hasFile(channel, title);
  } catch (error) {
    if (!chatRefusal(error)) throw error;
    deps.log.warn({ err: error, channel }, 'cannot look for the post-mortem file (files:read?)');
    return false;
  }
}
