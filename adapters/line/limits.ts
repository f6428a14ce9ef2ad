/**
 * The LINE Messaging API's documented limits for what this adapter sends
 * (https://developers.line.biz/en/reference/messaging-api/ — message objects, Flex Message, action objects, quick
 * reply), and a checker that lists every limit a request's messages break. The renderer keeps within them; tests run
 * every rendered reply of the reply corpus through the checker. The checker walks plain JSON, so it also checks
 * what the fake Messaging API recorded.
 *
 * LINE counts characters as UTF-16 code units (`String.length`); emoji count double, as LINE says they do.
 */

export const LINE_LIMITS = {
  /** Message objects in one reply or push request. */
  messagesPerRequest: 5,
  /** A text message's `text`. */
  textMessage: 5000,
  /** A Flex Message's `altText` (shown in notifications and the chat list). */
  altText: 1500,
  /** JSON size of one bubble, in bytes (30 KB). */
  bubbleBytes: 30 * 1024,
  /** Bubbles in a carousel (the adapter sends none, but the checker knows). */
  carouselBubbles: 12,
  /** JSON size of a carousel, in bytes (50 KB). */
  carouselBytes: 50 * 1024,
  /** An action's `label` on a Flex Message button (and on a tappable box, where it is not displayed). */
  flexButtonLabel: 40,
  /** An action's `label` on a quick reply button. */
  quickReplyLabel: 20,
  /** Quick reply buttons on one message. */
  quickReplyItems: 13,
  /** A postback action's `data`. */
  postbackData: 300,
  /** A postback action's `displayText`. */
  displayText: 300,
  /**
   * Not a documented LINE limit: the deepest nesting of boxes this adapter allows itself (bubble → body → box →
   * box). LINE documents no depth limit; deep nesting renders poorly on small screens, so the checker holds our
   * own layout to this bound.
   */
  boxDepth: 4,
} as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function utf8Bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function check(problems: string[], where: string, text: unknown, max: number): void {
  if (typeof text === 'string' && text.length > max)
    problems.push(`${where}: ${text.length} characters > ${max}`);
}

function checkAction(problems: string[], where: string, action: unknown, labelMax: number): void {
  if (!isObject(action)) {
    problems.push(`${where}: no action`);
    return;
  }
  check(problems, `${where}.label`, action.label, labelMax);
  if (action.type === 'postback') {
    if (typeof action.data !== 'string' || action.data === '') problems.push(`${where}.data: missing`);
    check(problems, `${where}.data`, action.data, LINE_LIMITS.postbackData);
    check(problems, `${where}.displayText`, action.displayText, LINE_LIMITS.displayText);
  }
}

/** Walks a Flex component tree; `depth` counts the boxes above the component. */
function checkComponent(problems: string[], where: string, component: unknown, depth: number): void {
  if (!isObject(component)) {
    problems.push(`${where}: not an object`);
    return;
  }
  if (component.type === 'box' && component.action !== undefined)
    checkAction(problems, `${where}.action`, component.action, LINE_LIMITS.flexButtonLabel);
  if (component.type === 'box') {
    if (depth + 1 > LINE_LIMITS.boxDepth)
      problems.push(`${where}: boxes nested ${depth + 1} deep > ${LINE_LIMITS.boxDepth}`);
    const contents = Array.isArray(component.contents) ? component.contents : [];
    contents.forEach((child, i) => {
      checkComponent(problems, `${where}.contents[${i}]`, child, depth + 1);
    });
    return;
  }
  if (component.type === 'text' && (typeof component.text !== 'string' || component.text === ''))
    problems.push(`${where}: a text component needs non-empty text`);
  if (component.type === 'button')
    checkAction(problems, `${where}.action`, component.action, LINE_LIMITS.flexButtonLabel);
}

function checkBubble(problems: string[], where: string, bubble: unknown): void {
  if (!isObject(bubble) || bubble.type !== 'bubble') {
    problems.push(`${where}: not a bubble`);
    return;
  }
  const bytes = utf8Bytes(bubble);
  if (bytes > LINE_LIMITS.bubbleBytes) problems.push(`${where}: ${bytes} bytes > ${LINE_LIMITS.bubbleBytes}`);
  for (const block of ['header', 'body', 'footer'] as const) {
    if (bubble[block] !== undefined) checkComponent(problems, `${where}.${block}`, bubble[block], 0);
  }
}

function checkQuickReply(problems: string[], where: string, quickReply: unknown): void {
  if (quickReply === undefined) return;
  const items = isObject(quickReply) && Array.isArray(quickReply.items) ? quickReply.items : [];
  if (items.length === 0) problems.push(`${where}: no items`);
  if (items.length > LINE_LIMITS.quickReplyItems)
    problems.push(`${where}: ${items.length} items > ${LINE_LIMITS.quickReplyItems}`);
  items.forEach((item, i) => {
    const action = isObject(item) ? item.action : undefined;
    checkAction(problems, `${where}.items[${i}].action`, action, LINE_LIMITS.quickReplyLabel);
    // LINE requires displayText on a quick reply's postback action.
    if (isObject(action) && action.type === 'postback' && typeof action.displayText !== 'string')
      problems.push(`${where}.items[${i}].action.displayText: required on quick reply postbacks`);
  });
}

/** Every limit the messages of one reply or push request break, as readable lines; empty when none. */
export function lineLimitProblems(messages: readonly unknown[]): string[] {
  const problems: string[] = [];
  if (messages.length === 0) problems.push('no messages');
  if (messages.length > LINE_LIMITS.messagesPerRequest)
    problems.push(`${messages.length} messages > ${LINE_LIMITS.messagesPerRequest}`);
  messages.forEach((message, i) => {
    const where = `messages[${i}]`;
    if (!isObject(message)) {
      problems.push(`${where}: not an object`);
      return;
    }
    if (message.type === 'text') {
      if (typeof message.text !== 'string' || message.text === '') problems.push(`${where}.text: empty`);
      check(problems, `${where}.text`, message.text, LINE_LIMITS.textMessage);
    } else if (message.type === 'flex') {
      if (typeof message.altText !== 'string' || message.altText === '')
        problems.push(`${where}.altText: empty`);
      check(problems, `${where}.altText`, message.altText, LINE_LIMITS.altText);
      const contents = message.contents;
      if (isObject(contents) && contents.type === 'carousel') {
        const bubbles = Array.isArray(contents.contents) ? contents.contents : [];
        if (bubbles.length > LINE_LIMITS.carouselBubbles)
          problems.push(`${where}: ${bubbles.length} bubbles > ${LINE_LIMITS.carouselBubbles}`);
        const bytes = utf8Bytes(contents);
        if (bytes > LINE_LIMITS.carouselBytes)
          problems.push(`${where}: carousel ${bytes} bytes > ${LINE_LIMITS.carouselBytes}`);
        bubbles.forEach((bubble, b) => {
          checkBubble(problems, `${where}.contents.contents[${b}]`, bubble);
        });
      } else checkBubble(problems, `${where}.contents`, contents);
    } else problems.push(`${where}: unexpected message type ${String(message.type)}`);
    checkQuickReply(problems, `${where}.quickReply`, message.quickReply);
  });
  return problems;
}
