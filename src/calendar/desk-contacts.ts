/**
 * The desk contacts ("reach a person") for the engine: the desks that handle the current procedure, whether each
 * is open now and when it opens next. Outside business hours it says so and adds that the chat procedure can be
 * finished alone (invariant 5: a closed desk never blocks a cancellation).
 */
import type { DeskContactsProvider, ReplyContent } from '../engine/hooks.js';
import { createTranslator } from '../engine/text/catalog.js';
import { serviceOfDialog } from '../service-of-dialog.js';
import type { Closure } from './closures.js';
import { describeAvailability, describeContact } from './describe.js';
import { type DeskId, getDesk } from './desks.js';
import { isOpen } from './hours.js';
import { calendarMessages } from './messages.js';

/**
 * Which desks handle a dialog, by the service its id names (`miemasu-…`, `walkthrough-miemasu-…`, `csps-…`);
 * dialogs of no one service (menu, FAQ, identification) list them all.
 */
export function desksFor(dialogId: string | undefined): DeskId[] {
  const service = serviceOfDialog(dialogId);
  if (service === 'miemasu') return ['miemasu-web'];
  if (service === 'csps') return ['home-contract', 'csps-contract'];
  return ['home-contract', 'csps-contract', 'miemasu-web'];
}

export function createDeskContacts(closures: readonly Closure[]): DeskContactsProvider {
  return {
    replies({ locale, now, dialogId }) {
      const desks = desksFor(dialogId).map(getDesk);
      const replies: ReplyContent[] = desks.map((desk) => ({
        text: [...describeContact(desk, locale), describeAvailability(desk, now, locale, closures)].join(
          '\n',
        ),
        tone: 'info',
      }));
      const anyClosed = desks.some((desk) => desk.kind === 'staffed' && !isOpen(desk, now, closures));
      if (anyClosed) {
        replies.push({
          text: createTranslator(calendarMessages, locale).t('desk.chat-any-time'),
          tone: 'info',
        });
      }
      return replies;
    },
  };
}
