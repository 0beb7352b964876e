import type { Message } from '../../core/message.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON is walked generically here.
type Json = Record<string, any>;

/**
 * Slack's own limits (https://docs.slack.dev/reference/block-kit), which reject a whole message
 * when one field breaks them. Checked from the outside, independently of the builders that are
 * meant to keep them, so a builder that forgets to truncate is caught.
 */
export const BLOCK_KIT = {
  blocksPerMessage: 50,
  messageText: 40_000,
  headerText: 150,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
} as const;

const KNOWN = new Set(['section', 'header', 'context', 'divider', 'actions', 'image', 'input', 'rich_text']);

/** Every way `message` breaks Slack's limits, each as `path: problem` (empty when it fits). */
export function blockKitProblems(message: Message): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, path: string, problem: string) => {
    if (!ok) problems.push(`${path}: ${problem}`);
  };
  check(message.text.length > 0, 'text', 'is empty (Slack needs a notification text)');
  tooLong(check, 'text', message.text, BLOCK_KIT.messageText);
  const blocks = (message.blocks ?? []) as Json[];
  check(
    blocks.length <= BLOCK_KIT.blocksPerMessage,
    'blocks',
    `${blocks.length} blocks; Slack allows ${BLOCK_KIT.blocksPerMessage}`,
  );
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const at = `blocks[${i}]`;
    if (block.block_id !== undefined) {
      tooLong(check, `${at}.block_id`, block.block_id, BLOCK_KIT.blockId);
      check(!blockIds.has(block.block_id), `${at}.block_id`, `"${block.block_id}" is used twice`);
      blockIds.add(block.block_id);
    }
    check(KNOWN.has(block.type), `${at}.type`, `unknown block type "${block.type}"`);
    blockProblems(block, at, check);
  });
  return problems;
}

type Check = (ok: boolean, path: string, problem: string) => void;

function tooLong(check: Check, path: string, text: unknown, max: number): void {
  const length = String(text ?? '').length;
  check(length <= max, path, `${length} characters; Slack allows ${max}`);
}

function textObject(check: Check, path: string, text: Json | undefined, max: number): void {
  check(text !== undefined && String(text.text ?? '').length > 0, path, 'is empty');
  if (text) tooLong(check, `${path}.text`, text.text, max);
}

function blockProblems(block: Json, at: string, check: Check): void {
  switch (block.type) {
    case 'header':
      check(block.text?.type === 'plain_text', `${at}.text.type`, 'a header takes plain_text');
      textObject(check, `${at}.text`, block.text, BLOCK_KIT.headerText);
      return;
    case 'section': {
      check(block.text !== undefined || block.fields !== undefined, at, 'a section needs text or fields');
      if (block.text) textObject(check, `${at}.text`, block.text, BLOCK_KIT.sectionText);
      const fields = (block.fields ?? []) as Json[];
      check(
        fields.length <= BLOCK_KIT.fieldsPerSection,
        `${at}.fields`,
        `${fields.length} fields; Slack allows ${BLOCK_KIT.fieldsPerSection}`,
      );
      fields.forEach((f, j) => {
        textObject(check, `${at}.fields[${j}]`, f, BLOCK_KIT.fieldText);
      });
      return;
    }
    case 'context': {
      const elements = (block.elements ?? []) as Json[];
      check(elements.length > 0, `${at}.elements`, 'a context needs at least one element');
      check(
        elements.length <= BLOCK_KIT.contextElements,
        `${at}.elements`,
        `${elements.length} elements; Slack allows ${BLOCK_KIT.contextElements}`,
      );
      elements.forEach((e, j) => {
        if (e.type !== 'image') textObject(check, `${at}.elements[${j}]`, e, BLOCK_KIT.sectionText);
      });
      return;
    }
    case 'actions': {
      const elements = (block.elements ?? []) as Json[];
      check(
        elements.length > 0 && elements.length <= BLOCK_KIT.actionsElements,
        `${at}.elements`,
        `${elements.length} elements; Slack allows 1 to ${BLOCK_KIT.actionsElements}`,
      );
      // Slack wants action ids unique within their block.
      const actionIds = new Set<string>();
      elements.forEach((e, j) => {
        buttonProblems(e, `${at}.elements[${j}]`, check, actionIds);
      });
      return;
    }
  }
}

function buttonProblems(button: Json, at: string, check: Check, actionIds: Set<string>): void {
  if (button.type !== 'button') return;
  textObject(check, `${at}.text`, button.text, BLOCK_KIT.buttonText);
  if (button.value !== undefined) tooLong(check, `${at}.value`, button.value, BLOCK_KIT.buttonValue);
  tooLong(check, `${at}.action_id`, button.action_id, BLOCK_KIT.actionId);
  check(!actionIds.has(button.action_id), `${at}.action_id`, `"${button.action_id}" is used twice`);
  actionIds.add(button.action_id);
}
