import { beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../src/core/message.js';
import { md, userMention } from '../../../src/core/mrkdwn.js';
import { compileMrkdwn } from '../../../src/incident/mrkdwn-handlebars.js';
import { IncidentReports } from '../../../src/incident/reports.js';
import { SeverityPolicies } from '../../../src/incident/severity-policies.js';
import { IncidentTemplates } from '../../../src/incident/templates.js';
import { notificationText } from '../../../src/views/blocks.js';
import { incidentMessages } from '../../../src/views/incident-messages.js';
import { configFrom, MINIMAL_CONFIG } from '../../helpers/config.js';
import { HOSTILE, HOSTILE_TEXT, poison } from '../../helpers/hostile-text.js';
import { liveMarkupIn } from '../../helpers/slack-text.js';
import { chat, incident, ourLink, timeline } from '../views/view-fixtures.js';

const wire = (m: Message) => ({ text: notificationText(m.text), blocks: m.blocks });
const KEEP = ['status', 'severity', 'kind', 'channelId', 'commanderId', 'declaredById', 'resolvedBy'];

describe('incident reports and templates escape what people typed', () => {
  let reports: IncidentReports;
  beforeAll(async () => {
    const policies = new SeverityPolicies(configFrom(MINIMAL_CONFIG).incidents);
    reports = new IncidentReports(await IncidentTemplates.load(), policies, chat, incidentMessages, 24);
  });

  it('renders every report with hostile text in every field without a live broadcast or link', () => {
    for (const text of [...HOSTILE, HOSTILE_TEXT]) {
      const bad = poison(incident, text, KEEP);
      const entries = poison(timeline, text, ['kind']);
      const messages = {
        initial: reports.initial(bad),
        update: reports.update(bad, 'identified', text, 'U0ADA', new Date()),
        resolution: reports.resolution(bad),
        postMortem: reports.postMortem(bad, entries),
      };
      for (const [name, message] of Object.entries(messages)) {
        expect(liveMarkupIn(wire(message), ourLink), `${name} ← ${text}`).toEqual([]);
      }
    }
  });

  it('post-mortem: a link in the title, resolution or timeline stays text; our mentions stay mentions', () => {
    const evil = '<https://evil|click me>';
    const draft = reports.postMortem({ ...incident, title: evil, resolution: evil, rootCause: evil }, [
      { at: new Date(), kind: 'note', actorId: 'U0BOB', text: `see ${evil} <!channel>` },
    ]);
    const blocks = JSON.stringify(draft.blocks);
    expect(blocks).not.toContain('<https://evil');
    expect(blocks.split('&lt;https://evil|click me&gt;').length - 1).toBe(4);
    expect(blocks).toContain('<@U0BOB>: see &lt;https://evil|click me&gt; &lt;!channel&gt;');
    expect(blocks).toContain('Incident Commander: <@U0ADA>');
  });

  it('links the channel with its name escaped, and keeps the mentions it builds', () => {
    const initial = JSON.stringify(reports.initial({ ...incident, channelName: 'inc-<!here>' }).blocks);
    expect(initial).toContain('<https://team.slack.com/archives/C0INC|#inc-&lt;!here&gt;>');
    expect(initial).toContain('*Incident Commander:* <@U0ADA>');
  });

  it('escapes {{x}} for mrkdwn, not HTML: quotes, = and backticks stay as typed', () => {
    const render = compileMrkdwn('{{a}}|{{{a}}}|{{#each l}}{{this}}{{/each}}|{{m}}|{{n}}');
    expect(render({ a: `it's "x" = \`y\` & <z>`, l: ['<b>'], m: userMention('U1'), n: 3 })).toBe(
      `it's "x" = \`y\` &amp; &lt;z&gt;|it's "x" = \`y\` &amp; &lt;z&gt;|&lt;b&gt;|<@U1>|3`,
    );
    expect(compileMrkdwn('{{lookup o "k"}}')({ o: { k: md`*ok*` } })).toBe('*ok*');
  });
});
