/**
 * Teams as a {@link ScreenRig}: the real Teams channel (botbuilder CloudAdapter, support/teams-fuzz.ts) over a
 * {@link FuzzBot}, one user in their personal chat with the bot. What the user sees is the activities the adapter
 * posted to the fake Bot Connector, read back from their Adaptive Cards as first posted (a client that has not
 * yet received the update closing a card still shows its buttons); what they do is what Teams sends: message
 * activities, and card submits whose `value` is the action's data (choice and version) merged with the card's
 * inputs — as the Teams client, never with a required checkbox or box left empty (such a press is not sent).
 * Entry points are the welcome card's buttons (the bot is added first). A double press is two activities (two
 * ids) in flight at once; a redelivery is the same activity (same id) posted again.
 */
import { expect } from 'vitest';
import { type CardAction, type ParsedCard, parseCard, submitValue } from '../../adapters/teams/seen.js';
import {
  botAddedActivity,
  messageActivity,
  personalConversationId,
  submitActivity,
  type TeamsActivity,
} from '../../support/teams-activities.js';
import type { Abilities, Act, Button, ScreenRig, Shown } from './channel-screen.js';
import { startTeamsFuzz } from './teams-fuzz.js';

const KIND = { choice: 'choice', acknowledge: 'ack', typed: 'typed', start: 'start' } as const;

interface Ref {
  card: ParsedCard;
  action: CardAction;
}

function shownOf(card: ParsedCard): Shown {
  const buttons: Button[] = card.actions.flatMap((action) => {
    const { hb, choiceId, dialogId, stateVersion } = action.data;
    if (hb !== 'choice' && hb !== 'acknowledge' && hb !== 'typed' && hb !== 'start') return [];
    const id = hb === 'choice' ? String(choiceId) : hb === 'start' ? String(dialogId) : '';
    const version = typeof stateVersion === 'number' ? stateVersion : undefined;
    const ref: Ref = { card, action };
    return [{ kind: KIND[hb], id, version, ref }];
  });
  return {
    id: card.seen.id,
    text: card.seen.text,
    buttons,
    acks: card.seen.acks.map((a) => a.id),
    typedConfirmation: card.seen.typedConfirmation,
  };
}

/** Teams: card buttons, the welcome card's entry points, double presses and redeliveries; the language is typed. */
export const TEAMS_ABILITIES: Abilities = { languageSwitch: false, entryPoints: true, deliveries: true };

export async function startTeamsRig(aadObjectId: string): Promise<ScreenRig> {
  const rig = await startTeamsFuzz();
  const { bot, connector } = rig;
  const conversationId = personalConversationId(aadObjectId);
  const base = { serviceUrl: connector.url, aadObjectId };
  let last: TeamsActivity | undefined;

  /** The user's chat as first posted. */
  const posted = () => connector.activities.filter((a) => a.conversationId === conversationId);
  const post = async (activities: TeamsActivity[]): Promise<Shown[]> => {
    const before = posted().length;
    const statuses = await Promise.all(activities.map((a) => rig.post(a)));
    expect(statuses, 'Teams adapter refused an activity').toEqual(activities.map(() => 200));
    return posted()
      .slice(before)
      .map((p) => shownOf(parseCard(p.id, p.activity)));
  };

  // Installing the bot shows the welcome card, whose buttons are the entry points.
  const welcome = (await post([botAddedActivity(base)])).at(0);
  if (!welcome) throw new Error('teams: no welcome card');

  /** The activity the Teams client sends for `act`, or undefined when it would refuse to send it. */
  const activityOf = (act: Act): TeamsActivity | undefined => {
    if (act.kind === 'text' || act.kind === 'locale')
      return messageActivity({ ...base, text: act.kind === 'text' ? act.text : act.locale });
    if (act.kind === 'start') {
      // The welcome card's button for that dialog; other dialogs as the same submit with their id (a card that
      // lists them, e.g. an older welcome card).
      const starts = welcome.buttons.filter((b) => b.kind === 'start');
      const ref = (starts.find((b) => b.id === act.dialogId) ?? starts[0])?.ref as Ref | undefined;
      if (!ref) throw new Error('teams: the welcome card has no entry points');
      return submitActivity({
        ...base,
        value: { ...ref.action.data, dialogId: act.dialogId },
        replyToId: ref.card.seen.id,
      });
    }
    const { card, action } = act.button.ref as Ref;
    let value: Record<string, unknown>;
    try {
      value = submitValue(card, action, {
        ticks: act.ticks,
        ...(act.typed !== undefined ? { typed: act.typed } : {}),
      });
    } catch {
      return undefined; // a required input left empty: the client does not send it
    }
    return submitActivity({ ...base, value, replyToId: card.seen.id });
  };

  return {
    channel: 'teams',
    bot,
    get conversationKey() {
      return bot.turns.at(-1)?.turn.conversationKey ?? '';
    },
    abilities: TEAMS_ABILITIES,
    async deliver(act, copies) {
      const activities: TeamsActivity[] = [];
      for (let i = 0; i < copies; i += 1) {
        const activity = activityOf(act);
        if (!activity) return undefined;
        activities.push(activity);
      }
      last = activities.at(-1);
      return post(activities);
    },
    async redeliver() {
      return last ? post([last]) : undefined;
    },
    assertClean() {
      expect(connector.unknown).toEqual([]);
      expect(bot.errors).toEqual([]);
    },
    close: () => rig.close(),
  };
}
