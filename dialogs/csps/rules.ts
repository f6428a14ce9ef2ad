/**
 * Which of the customer's applications matter for cancelling the chosen contract (DOMAIN.md §2d), as pure
 * functions of the slots. One place to change the interpretation:
 * - open applications (作成中, 変更お申込作成中, パートナー作成中, 解約お申込作成中) block a new cancellation;
 * - the customer may withdraw their own 変更お申込作成中 / 解約お申込作成中 draft here;
 * - a partner's draft (パートナー作成中) can not be withdrawn here [interpretation]: partner or contact center.
 */
import type { Slots } from '../../src/engine/state.js';
import { type ApplicationSlot, applicationsOf, contractOf } from './slots.js';

const OPEN_STATUSES = new Set(['draft', 'change-draft', 'partner-draft', 'cancellation-draft']);
const WITHDRAWABLE_STATUSES = new Set(['change-draft', 'cancellation-draft']);

export interface FoundApplication {
  application: ApplicationSlot;
  /** The application exactly as the backend sent it (kept whole in slots). */
  raw: Slots[string];
}

function forChosenContract(slots: Readonly<Slots>): FoundApplication[] {
  const contract = contractOf(slots);
  if (!contract) return [];
  return applicationsOf(slots).filter((a) => a.application.contractNumber === contract.contractNumber);
}

/** The open application holding the chosen contract (newest first), if any. */
export function blockingApplication(slots: Readonly<Slots>): FoundApplication | undefined {
  return forChosenContract(slots).find((a) => OPEN_STATUSES.has(a.application.status));
}

/** The customer's own draft on the chosen contract that they may withdraw here, if any. */
export function withdrawableDraft(slots: Readonly<Slots>): FoundApplication | undefined {
  return forChosenContract(slots).find(
    (a) => a.application.createdBy === 'customer' && WITHDRAWABLE_STATUSES.has(a.application.status),
  );
}

/** The accepted cancellation (解約お申込受付中) of the chosen contract, if any. */
export function acceptedCancellation(slots: Readonly<Slots>): FoundApplication | undefined {
  return forChosenContract(slots).find((a) => a.application.status === 'cancellation-accepted');
}

/** True when the chosen contract is being cancelled already (by its status or by an accepted application). */
export function isAlreadyCancelling(slots: Readonly<Slots>): boolean {
  return contractOf(slots)?.status === 'cancellation-accepted' || acceptedCancellation(slots) !== undefined;
}
