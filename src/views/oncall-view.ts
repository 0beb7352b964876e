import type { Reply } from '../core/message.js';
import { joinMrkdwn, type Mrkdwn, md, trustedMrkdwn, userMention } from '../core/mrkdwn.js';
import type { OnCallAnswer, OnCallPerson } from '../incident/on-call.js';
import { capBlocks, context, header, section } from './blocks.js';

function until(at: Date | undefined): string {
  if (!at) return '';
  return ` until ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** PagerDuty names are plain text; the mention is ours (matched by e-mail). */
function personLine(p: OnCallPerson): Mrkdwn {
  const who = p.slackUserId ? md`${userMention(p.slackUserId)} (${p.user.name})` : md`*${p.user.name}*`;
  return md`Level ${p.level}: ${who}${until(p.until)}`;
}

/** `/bers oncall`: one section per escalation policy or schedule, lowest level first. */
export function onCallReply(answer: OnCallAnswer): Reply {
  const groups = new Map<string, OnCallPerson[]>();
  for (const person of answer.people) {
    const key = `${person.source.kind}|${person.source.name}`;
    groups.set(key, [...(groups.get(key) ?? []), person]);
  }
  const title = answer.service ? `On call for ${answer.service}` : 'On call now';
  const sections = [...groups.entries()].map(([key, people]) => {
    const [kind, name] = key.split('|') as [string, string];
    // The same person can be on call at one level through two rules: list them once.
    const lines = [
      ...new Set([...people].sort((a, b) => a.level - b.level).map((p) => personLine(p).source)),
    ];
    return section(md`:pager: *${name}* (${kind})\n${joinMrkdwn(lines.map(trustedMrkdwn), '\n')}`);
  });
  const firstUp = [...answer.people].sort((a, b) => a.level - b.level)[0];
  return {
    text: firstUp ? `${title}: ${firstUp.user.name}` : `${title}: nobody is on call in PagerDuty`,
    blocks: capBlocks([
      header(title),
      ...(sections.length > 0 ? sections : [section('Nobody is on call right now for what is configured.')]),
      context(`From PagerDuty at ${answer.at.toISOString().slice(11, 16)} UTC`),
    ]),
    visibility: 'in_channel',
  };
}
