/**
 * Which contact desk a CSPS customer is sent to, and how it is shown (fact rows with phone, hours, e-mail and
 * whether the desk is open now). The desks themselves are data in src/calendar/desks.ts.
 *
 * HOME → HOME コンタクトセンター (03-6631-2540); Therefore / uniFLOW → ソリューションサービス契約センター
 * (03-6719-9532). NVS, or no contract chosen: both [interpretation: the guide names no NVS desk].
 */
import {
  type Closure,
  DESKS,
  type DeskId,
  describeAvailability,
  describeContact,
} from '../../src/calendar/index.js';
import type { BehaviourContext } from '../../src/engine/behaviour.js';
import type { Fact } from '../../src/engine/turn.js';
import { contractOf } from './slots.js';

export function desksForKind(kind: string | undefined): DeskId[] {
  if (kind === 'home') return ['home-contract'];
  if (kind === 'therefore' || kind === 'uniflow') return ['csps-contract'];
  return ['home-contract', 'csps-contract'];
}

/**
 * One row per desk: its name, then phone with hours, e-mail, and availability right now — judged on the same
 * closure calendar as every other "open now" line (the operator's `BOT_CLOSURES`).
 */
export function contactFacts(closures: readonly Closure[]): (ctx: BehaviourContext) => Fact[] {
  return (ctx) => {
    const locale = ctx.text.locale;
    return desksForKind(contractOf(ctx.slots)?.kind).map((id) => {
      const desk = DESKS[id];
      const [, ...lines] = describeContact(desk, locale);
      const availability = describeAvailability(desk, ctx.now, locale, closures);
      return { label: desk.name[locale], value: [...lines, availability].join(' / ') };
    });
  };
}
