import { describe, expect, it } from 'vitest';
import type { AnyCommand, EventHandler, ViewHandler } from '../../../src/core/command.js';
import type { Reply } from '../../../src/core/message.js';
import { EVE, formOwner, IC, pipelineWith, recordingCommand, request } from './pipeline-harness.js';

const submit = (actor: typeof IC, replies: Reply[], title: string, callbackId = 'bers:thing:form') =>
  request(actor, replies, {
    kind: 'view',
    callbackId,
    values: { title },
    privateMetadata: '',
  });

describe('the pipeline: modal submissions', () => {
  it('validation alone decides the ack: field errors, audited as usage, and no work', async () => {
    const { command, worked } = formOwner();
    const { pipeline, audit } = pipelineWith([command]);
    expect(pipeline.validateView(submit(IC, [], '  '))).toEqual({ title: 'Give it a title.' });
    expect(pipeline.validateView(submit(IC, [], 'db down'))).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(worked).toEqual([]);
    expect(audit.map((a) => `${a.kind} ${a.subject} ${a.outcome}`)).toEqual(['view bers:thing:form usage']);
  });

  it('does not check the permission at validation; the work after the ack refuses and audits', async () => {
    const { command, worked } = formOwner();
    const { pipeline, audit } = pipelineWith([command]);
    const replies: Reply[] = [];
    expect(pipeline.validateView(submit(EVE, replies, 'db down'))).toBeUndefined();
    expect(await pipeline.handle(submit(EVE, replies, 'db down'))).toBe('denied');
    expect(worked).toEqual([]);
    expect(replies[0]!.text).toMatch(/not allowed to submit this form.*`incident`/);
    expect(audit.map((a) => `${a.actor.id} ${a.outcome}`)).toEqual(['U_EVE denied']);
  });

  it('works an allowed submission with the request id; its errors become replies', async () => {
    const { command, worked } = formOwner();
    const { pipeline, audit } = pipelineWith([command]);
    const replies: Reply[] = [];
    expect(await pipeline.handle(submit(IC, replies, 'db down'), 'req-3')).toBe('ok');
    expect(worked).toEqual(['U_IC db down req-3']);
    expect(replies).toEqual([]);
    expect(await pipeline.handle(submit(IC, replies, 'clash'))).toBe('conflict');
    expect(replies.map((r) => r.text)).toEqual([':no_entry: someone was faster']);
    expect(audit.map((a) => a.outcome)).toEqual(['ok', 'conflict']);
  });

  it('an unknown callback id closes the modal, then is answered and audited', async () => {
    const { command } = formOwner();
    const { pipeline, audit } = pipelineWith([command]);
    const replies: Reply[] = [];
    expect(pipeline.validateView(submit(IC, replies, 'x', 'bers:thing:old'))).toBeUndefined();
    expect(await pipeline.handle(submit(IC, replies, 'x', 'bers:thing:old'))).toBe('not_found');
    expect(replies[0]!.text).toContain('That form is no longer handled');
    expect(audit.map((a) => `${a.subject} ${a.outcome}`)).toEqual(['bers:thing:old not_found']);
  });

  it('a validate that throws closes the modal; the work meets the error and answers it', async () => {
    const broken: ViewHandler = {
      permission: 'read',
      validate: () => {
        throw new TypeError('oops');
      },
      run: async () => undefined,
    };
    const command: AnyCommand = { ...recordingCommand('thing', 'read').command, views: { broken } };
    const { pipeline, audit } = pipelineWith([command]);
    const replies: Reply[] = [];
    expect(pipeline.validateView(submit(IC, replies, 'x', 'bers:thing:broken'))).toBeUndefined();
    expect(await pipeline.handle(submit(IC, replies, 'x', 'bers:thing:broken'), 'r7')).toBe('error');
    expect(replies[0]!.text).toContain('reference `r7`');
    expect(audit.map((a) => a.outcome)).toEqual(['error']);
  });
});

describe('the pipeline: events', () => {
  const pins: string[] = [];
  const events: Record<string, EventHandler> = {
    reaction_added: {
      permission: 'incident',
      accepts: (event) => event.reaction === 'pushpin',
      run: async ({ actor, event }) => {
        pins.push(`${actor.id} ${String(event.reaction)}`);
      },
    },
  };
  const react = (actor: typeof IC, replies: Reply[], reaction: string) =>
    request(actor, replies, { kind: 'event', type: 'reaction_added', event: { reaction } });

  it('events its handler does not act on are not interactions: no check, no audit', async () => {
    const { pipeline, audit } = pipelineWith([], events);
    expect(await pipeline.handle(react(EVE, [], 'thumbsup'))).toBe('ok');
    expect(audit).toEqual([]);
  });

  it('the ones it acts on are checked and audited like everything else', async () => {
    const { pipeline, audit } = pipelineWith([], events);
    const replies: Reply[] = [];
    expect(await pipeline.handle(react(EVE, replies, 'pushpin'))).toBe('denied');
    expect(await pipeline.handle(react(IC, replies, 'pushpin'))).toBe('ok');
    expect(pins).toEqual(['U_IC pushpin']);
    expect(replies.map((r) => r.text)).toEqual([expect.stringContaining('not allowed')]);
    expect(audit.map((a) => `${a.kind} ${a.subject} ${a.actor.id} ${a.outcome}`)).toEqual([
      'event reaction_added U_EVE denied',
      'event reaction_added U_IC ok',
    ]);
  });
});
