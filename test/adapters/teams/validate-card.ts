/**
 * Validates an Adaptive Card with the Adaptive Cards SDK itself (the renderer Teams is built on), targeting
 * schema 1.5: parse warnings (unknown element types, invalid property values, properties newer than 1.5) and
 * `validateProperties()` failures (duplicate ids, required inputs without label or error message, too many
 * actions for the default host). An empty list means the SDK found nothing wrong.
 */
import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';

const require = createRequire(import.meta.url);
// The browser bundle loads in Node without a DOM as long as nothing is rendered.
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

export function cardProblems(content: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(content, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}
