import { type ChatErrorCode, type CreatedChannel, chatErrorCode } from '../../core/chat.js';
import { channelNameFor, type Incident } from '../model.js';
import type { StepRunnerDeps } from '../step-runner-deps.js';

const HARMLESS_INVITE_ERRORS = new Set<ChatErrorCode>([
  'already-member',
  'cannot-invite-self',
  'user-not-found',
]);

export async function createChannel(deps: StepRunnerDeps, incident: Incident): Promise<void> {
  if (incident.channelId) return;
  const { store, clock } = deps;
  for (let attempt = 1; attempt <= 10; attempt++) {
    const name = channelNameFor(incident.number, incident.title, attempt === 1 ? '' : `-${attempt}`);
    try {
      const created = await createOrAdopt(deps, name, incident.isPrivate);
      await deps.records.incidents.setChannel(store, incident.id, created);
      await deps.records.incidents.addTimeline(store, incident.id, {
        at: clock.now(),
        kind: 'channel',
        text: `Channel #${created.name} created${incident.isPrivate ? ' (private)' : ''}`,
      });
      return;
    } catch (error) {
      if (chatErrorCode(error) !== 'name-taken') throw error;
    }
  }
  throw new Error(`no free channel name for incident #${incident.number}`);
}

/**
 * A taken name that the bot is a member of is this step's own channel from an attempt whose
 * result was lost (a crash, or a replica whose lease ran out mid-call): adopt it, never a second one.
 */
async function createOrAdopt(
  deps: StepRunnerDeps,
  name: string,
  isPrivate: boolean,
): Promise<CreatedChannel> {
  try {
    return await deps.chat.createChannel(name, { private: isPrivate });
  } catch (error) {
    const own = chatErrorCode(error) === 'name-taken' && (await deps.chat.findOwnChannel(name));
    if (own) return own;
    throw error;
  }
}

export async function invite(
  deps: StepRunnerDeps,
  incident: Incident,
  users: string[],
  groups: string[] = [],
): Promise<void> {
  if (!incident.channelId) throw new Error('the channel does not exist yet');
  const members = (await Promise.all(groups.map((g) => deps.chat.userGroupMembers(g)))).flat();
  for (const user of [...new Set([...users, ...members])]) {
    try {
      await deps.chat.invite(incident.channelId, [user]);
    } catch (error) {
      const code = chatErrorCode(error);
      if (!code || !HARMLESS_INVITE_ERRORS.has(code)) throw error;
    }
  }
}
