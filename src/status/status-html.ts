import { escapeHtml as x } from './escape-html.js';
import type { PublicState, StatusModel } from './status-model.js';

const WORDS: Record<PublicState, string> = {
  operational: 'Operational',
  degraded: 'Degraded performance',
  outage: 'Outage',
  unknown: 'Status unknown',
};
const BANNER: Record<PublicState, string> = {
  operational: 'All systems operational',
  degraded: 'Some systems are degraded',
  outage: 'Some systems are down',
  unknown: 'Some systems could not be checked',
};

/** Inline CSS, no scripts, no fonts or images from elsewhere: it loads in one request on a phone. */
const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;background:#f5f5f7}
main{max-width:44rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;margin:.5rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.banner{padding:1rem;border-radius:.75rem;color:#fff;font-weight:600}.s-operational{background:#1f883d}.s-degraded{background:#bf8700}.s-outage{background:#cf222e}.s-unknown{background:#6e7781}
ul{list-style:none;margin:0;padding:0;background:#fff;border-radius:.75rem;overflow:hidden}li{padding:.75rem 1rem;border-top:1px solid #e5e5ea;display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap}li:first-child{border-top:0}
.dot{display:inline-block;width:.6rem;height:.6rem;border-radius:50%;margin-right:.4rem}.state{color:#57606a;white-space:nowrap}
article{background:#fff;border-radius:.75rem;padding:1rem;margin:.75rem 0;overflow-wrap:anywhere}article h3{margin:0 0 .25rem;font-size:1rem}.meta{color:#57606a;font-size:.875rem}
.update{margin:.5rem 0 0;padding-left:.75rem;border-left:3px solid #d0d7de}time{color:#57606a;font-size:.875rem;display:block}footer{color:#57606a;font-size:.8rem;margin:2rem 0 1rem}`;

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function incidentHtml(i: StatusModel['incidents'][number]): string {
  const state = i.resolvedAt
    ? `Resolved ${when(i.resolvedAt)}`
    : i.status[0]!.toUpperCase() + i.status.slice(1);
  const updates = i.updates.length
    ? i.updates
        .map((u) => `<div class="update"><time datetime="${u.at}">${when(u.at)}</time>${x(u.text)}</div>`)
        .join('')
    : '<div class="update">We are investigating and will post an update here.</div>';
  return `<article id="incident-${i.number}"><h3>${x(i.title)}</h3><div class="meta">${x(state)} · started ${when(i.declaredAt)}</div>${updates}</article>`;
}

/** The whole page as one static HTML string (the StatusPage caches it until something changes). */
export function renderStatusHtml(model: StatusModel): string {
  const open = model.incidents.filter((i) => !i.resolvedAt);
  const past = model.incidents.filter((i) => i.resolvedAt);
  const components = model.components
    .map(
      (c) =>
        `<li><span>${x(c.name)}</span><span class="state"><span class="dot s-${c.state}"></span>${WORDS[c.state]}</span></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${x(model.title)}</title><link rel="alternate" type="application/atom+xml" href="/status.atom" title="Incidents">
<style>${CSS}</style></head>
<body><main><h1>${x(model.title)}</h1>
<div class="banner s-${open.length && model.overall === 'operational' ? 'degraded' : model.overall}">${open.length ? `${open.length} open incident${open.length > 1 ? 's' : ''}` : BANNER[model.overall]}</div>
${open.length ? `<h2>Current incidents</h2>${open.map(incidentHtml).join('')}` : ''}
<h2>Components</h2><ul>${components}</ul>
<h2>Past incidents</h2>${past.length ? past.map(incidentHtml).join('') : '<p class="meta">No incidents in this period.</p>'}
<footer><a href="/status.atom">Atom feed</a> · <a href="/status.json">JSON</a></footer>
</main></body></html>
`;
}
