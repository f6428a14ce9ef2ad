/**
 * The terminal chat as a {@link ScreenRig}: the terminal adapter's own translation (adapters/cli/translate.ts: a
 * typed line → a Turn input, against the replies last printed) and rendering (adapters/cli/render.ts) over the
 * turn pipeline of a {@link FuzzBot}, exactly as `npm run chat` (adapters/cli/main.ts) runs each line — in
 * process, since spawning the script per generated run would cost seconds each and its `main()` is not exported.
 * What the user sees is the printed replies (numbered choices, numbered items, the phrase to type); a terminal has
 * no buttons, so a press becomes typing what the printout shows next to it: the choice's number (or its words
 * where items are numbered instead), the numbers of the items ticked, the phrase. A number typed from an older
 * printout therefore answers the current one — which the model judges by the current printout. One line at a
 * time, no delivery ids: no double deliveries, no redeliveries, no entry-point payloads, no language switch.
 */
import { expect } from 'vitest';
import { renderReply } from '../../../adapters/cli/render.js';
import { toTurnInput } from '../../../adapters/cli/translate.js';
import type { Reply } from '../../../src/engine/turn.js';
import type { Abilities, Act, Button, ScreenRig, Shown } from './channel-screen.js';
import { createFuzzBot } from './fuzz-bot.js';

/** The terminal: typing only (presses are translated to the typing they stand for). */
export const CLI_ABILITIES: Abilities = { languageSwitch: false, entryPoints: false, deliveries: false };

function shownOf(reply: Reply, id: string): Shown {
  const v = reply.stateVersion;
  const buttons: Button[] = (reply.choices ?? []).map((c) => ({
    kind: 'choice',
    id: c.id,
    version: v,
    label: c.label,
  }));
  const acks = (reply.acknowledgements ?? []).map((a) => a.id);
  if (acks.length > 0) buttons.push({ kind: 'ack', id: '', version: v });
  if (reply.typedConfirmation !== undefined) buttons.push({ kind: 'typed', id: '', version: v });
  return {
    id,
    text: renderReply(reply, reply.locale ?? 'ja'),
    buttons,
    acks,
    typedConfirmation: reply.typedConfirmation,
  };
}

/** What a terminal user types for a press on printout `on` (render.ts: one numbering per reply). */
function typedFor(act: Extract<Act, { kind: 'press' }>): string {
  const { on, button } = act;
  switch (button.kind) {
    case 'ack':
      return act.ticks.map((id) => on.acks.indexOf(id) + 1).join(' ');
    case 'typed':
      return act.typed ?? '';
    default: {
      if (on.acks.length > 0) return button.label ?? button.id;
      const choices = on.buttons.filter((b) => b.kind === 'choice');
      return String(choices.indexOf(button) + 1);
    }
  }
}

export async function startCliRig(user: string): Promise<ScreenRig> {
  const bot = await createFuzzBot();
  const conversationKey = `cli:${user}`;
  let last: Reply[] = [];
  let printed = 0;
  return {
    channel: 'cli',
    abilities: CLI_ABILITIES,
    bot,
    conversationKey,
    numbersChoose: true,
    translate: (act) => (act.kind === 'press' ? { kind: 'text', text: typedFor(act) } : act),
    async deliver(act) {
      if (act.kind !== 'text') throw new Error(`the terminal cannot send ${act.kind}`);
      // adapters/cli/main.ts `turn(line)`.
      ({ replies: last } = await bot.context.pipeline.handle({
        channel: 'cli',
        user: { platform: 'cli', userId: user },
        baseKey: conversationKey,
        locale: 'ja',
        input: toTurnInput(act.text, last),
      }));
      return last.map((reply) => {
        printed += 1;
        return shownOf(reply, String(printed));
      });
    },
    redeliver: async () => undefined,
    assertClean() {
      expect(bot.errors).toEqual([]);
    },
    close: () => bot.close(),
  };
}
