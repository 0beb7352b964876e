import { escapeHtml as x } from './escape-html.js';
import type { StatusModel } from './status-model.js';

/** An Atom feed: one entry per incident, updated at its latest public update. */
export function renderStatusAtom(model: StatusModel): string {
  const updatedOf = (i: StatusModel['incidents'][number]) => i.updates[0]?.at ?? i.resolvedAt ?? i.declaredAt;
  const updated = model.incidents.map(updatedOf).sort().at(-1) ?? new Date(0).toISOString();
  const entries = model.incidents.map((i) => {
    const lines = i.updates.map((u) => `${u.at.slice(0, 16).replace('T', ' ')} UTC: ${u.text}`);
    const state = i.resolvedAt ? 'resolved' : i.status;
    return `  <entry>
    <id>urn:bers-bot:incident:${i.number}</id>
    <title>${x(`${i.title} (${state})`)}</title>
    <updated>${updatedOf(i)}</updated>
    <published>${i.declaredAt}</published>
    <link href="/status#incident-${i.number}"/>
    <content type="text">${x(lines.join('\n') || 'We are investigating.')}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:bers-bot:status</id>
  <title>${x(model.title)}</title>
  <updated>${updated}</updated>
  <link rel="self" href="/status.atom"/>
  <link href="/status"/>
${entries.join('\n')}
</feed>
`;
}
