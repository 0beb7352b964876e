import { describe, expect, it } from 'vitest';
import { declareSteps } from '../../../src/incident/declare-steps.js';
import { incident } from '../views/view-fixtures.js';
import { fakeIncidentMessages } from './fake-incident-messages.js';

/** The declare flow's plan of steps, its one notice rendered by a fake port: no store, no Block Kit. */
describe('declare steps', () => {
  const owners = { checkout: ['U0OWN', 'S0TEAM'] };
  const now = { kind: 'now', reason: 'P1 policy: page on-call at once' } as const;

  it('invites the owners and tells them why, through the rendering port', () => {
    const render = fakeIncidentMessages();
    const steps = declareSteps(incident, 'U0DEC', now, owners, render);
    expect(steps.map((s) => s.key)).toEqual([
      'inc-12:declare:channel',
      'inc-12:declare:page',
      'inc-12:declare:invite',
      'inc-12:declare:post-channel',
      'inc-12:declare:post-announcement',
      'inc-12:declare:responders',
      'inc-12:declare:page-card',
      'inc-12:declare:channel-care',
    ]);
    expect(steps[2]!.payload).toEqual({
      kind: 'invite',
      users: ['U0DEC', 'U0ADA', 'U0OWN'],
      groups: ['S0TEAM'],
    });
    expect(render.calls).toEqual([
      {
        kind: 'notice',
        text: '👥 <@U0OWN>, <!subteam^S0TEAM>: you own checkout, so you are invited as responders to incident #12.',
      },
    ]);
    expect(steps[5]!.payload).toEqual({
      kind: 'post',
      target: 'channel',
      message: { text: `notice: ${render.calls[0]!.text}` },
    });
  });

  it('renders nothing when no owner is named, and pages nobody without a page now', () => {
    const render = fakeIncidentMessages();
    const steps = declareSteps(incident, 'U0DEC', { kind: 'none', reason: 'P4: no page' }, {}, render, {
      channels: ['#incidents', '#exec'],
      main: '#incidents',
    });
    expect(render.calls).toEqual([]);
    expect(steps.map((s) => s.key)).toEqual([
      'inc-12:declare:channel',
      'inc-12:declare:invite',
      'inc-12:declare:post-channel',
      'inc-12:declare:post-announcement',
      'inc-12:declare:announce:#exec',
      'inc-12:declare:channel-care',
    ]);
  });
});
