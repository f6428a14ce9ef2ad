/**
 * Slack's Block Kit limits (https://docs.slack.dev/reference/block-kit) and a checker that lists every limit a
 * message breaks. The renderer keeps within them; tests run every rendered reply through the checker. The checker
 * walks plain JSON, so it also checks what a (fake) Web API recorded.
 */

export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** The top-level `text` (notification / fallback). */
  messageText: 40_000,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  buttonText: 75,
  optionText: 75,
  optionDescription: 75,
  optionValue: 150,
  optionsPerCheckboxes: 10,
  elementsPerActions: 25,
  actionId: 255,
  blockId: 255,
  buttonValue: 2000,
  inputLabel: 2000,
  placeholder: 150,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | undefined {
  if (isObject(value) && typeof value.text === 'string') return value.text;
  return undefined;
}

/** Characters as Slack counts them (code points). */
function length(text: string): number {
  return [...text].length;
}

function check(problems: string[], where: string, text: string | undefined, max: number): void {
  if (text !== undefined && length(text) > max)
    problems.push(`${where}: ${length(text)} characters > ${max}`);
}

function checkConfirm(problems: string[], where: string, confirm: unknown): void {
  if (!isObject(confirm)) return;
  check(problems, `${where}.confirm.title`, textOf(confirm.title), SLACK_LIMITS.confirmTitle);
  check(problems, `${where}.confirm.text`, textOf(confirm.text), SLACK_LIMITS.confirmText);
  check(problems, `${where}.confirm.confirm`, textOf(confirm.confirm), SLACK_LIMITS.confirmButton);
  check(problems, `${where}.confirm.deny`, textOf(confirm.deny), SLACK_LIMITS.confirmButton);
  if (!textOf(confirm.text)) problems.push(`${where}.confirm: text is required`);
}

function checkElement(problems: string[], where: string, element: unknown): void {
  if (!isObject(element)) return;
  if (typeof element.action_id === 'string')
    check(problems, `${where}.action_id`, element.action_id, SLACK_LIMITS.actionId);
  checkConfirm(problems, where, element.confirm);
  switch (element.type) {
    case 'button': {
      check(problems, `${where}.text`, textOf(element.text), SLACK_LIMITS.buttonText);
      if (typeof element.value === 'string')
        check(problems, `${where}.value`, element.value, SLACK_LIMITS.buttonValue);
      if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger')
        problems.push(`${where}.style: "${String(element.style)}" is neither primary nor danger`);
      return;
    }
    case 'checkboxes': {
      const options = Array.isArray(element.options) ? element.options : [];
      if (options.length > SLACK_LIMITS.optionsPerCheckboxes)
        problems.push(`${where}.options: ${options.length} options > ${SLACK_LIMITS.optionsPerCheckboxes}`);
      options.forEach((option, i) => {
        if (!isObject(option)) return;
        check(problems, `${where}.options[${i}].text`, textOf(option.text), SLACK_LIMITS.optionText);
        check(
          problems,
          `${where}.options[${i}].description`,
          textOf(option.description),
          SLACK_LIMITS.optionDescription,
        );
        if (typeof option.value === 'string')
          check(problems, `${where}.options[${i}].value`, option.value, SLACK_LIMITS.optionValue);
      });
      return;
    }
    case 'plain_text_input':
      check(problems, `${where}.placeholder`, textOf(element.placeholder), SLACK_LIMITS.placeholder);
      return;
    default:
      return;
  }
}

function checkBlock(problems: string[], where: string, block: unknown): void {
  if (!isObject(block)) {
    problems.push(`${where}: not an object`);
    return;
  }
  if (typeof block.block_id === 'string')
    check(problems, `${where}.block_id`, block.block_id, SLACK_LIMITS.blockId);
  switch (block.type) {
    case 'section': {
      check(problems, `${where}.text`, textOf(block.text), SLACK_LIMITS.sectionText);
      const fields = Array.isArray(block.fields) ? block.fields : [];
      if (fields.length > SLACK_LIMITS.fieldsPerSection)
        problems.push(`${where}.fields: ${fields.length} fields > ${SLACK_LIMITS.fieldsPerSection}`);
      fields.forEach((field, i) => {
        check(problems, `${where}.fields[${i}]`, textOf(field), SLACK_LIMITS.fieldText);
      });
      if (!textOf(block.text) && fields.length === 0)
        problems.push(`${where}: a section needs text or fields`);
      checkElement(problems, `${where}.accessory`, block.accessory);
      return;
    }
    case 'header':
      check(problems, `${where}.text`, textOf(block.text), SLACK_LIMITS.headerText);
      return;
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length > SLACK_LIMITS.contextElements)
        problems.push(`${where}.elements: ${elements.length} elements > ${SLACK_LIMITS.contextElements}`);
      elements.forEach((element, i) => {
        check(problems, `${where}.elements[${i}]`, textOf(element), SLACK_LIMITS.contextText);
      });
      return;
    }
    case 'actions': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length > SLACK_LIMITS.elementsPerActions)
        problems.push(`${where}.elements: ${elements.length} elements > ${SLACK_LIMITS.elementsPerActions}`);
      elements.forEach((element, i) => {
        checkElement(problems, `${where}.elements[${i}]`, element);
      });
      return;
    }
    case 'input':
      check(problems, `${where}.label`, textOf(block.label), SLACK_LIMITS.inputLabel);
      checkElement(problems, `${where}.element`, block.element);
      return;
    default:
      return;
  }
}

/** Unique `action_id`s within a block and unique `block_id`s within a message, as Slack requires. */
function checkIds(problems: string[], blocks: readonly unknown[]): void {
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    if (!isObject(block)) return;
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id))
        problems.push(`blocks[${i}].block_id: "${block.block_id}" is repeated`);
      blockIds.add(block.block_id);
    }
    const elements = Array.isArray(block.elements) ? block.elements : [];
    const actionIds = new Set<string>();
    for (const element of elements) {
      if (!isObject(element) || typeof element.action_id !== 'string') continue;
      if (actionIds.has(element.action_id))
        problems.push(`blocks[${i}]: action_id "${element.action_id}" is repeated`);
      actionIds.add(element.action_id);
    }
  });
}

/** Every Slack limit `message` breaks, as readable sentences; empty when Slack would accept it. */
export function slackLimitProblems(message: { text?: unknown; blocks?: unknown }): string[] {
  const problems: string[] = [];
  if (typeof message.text === 'string') check(problems, 'text', message.text, SLACK_LIMITS.messageText);
  const blocks = Array.isArray(message.blocks) ? message.blocks : [];
  if (blocks.length > SLACK_LIMITS.blocksPerMessage)
    problems.push(`blocks: ${blocks.length} blocks > ${SLACK_LIMITS.blocksPerMessage}`);
  blocks.forEach((block, i) => {
    checkBlock(problems, `blocks[${i}]`, block);
  });
  checkIds(problems, blocks);
  return problems;
}
