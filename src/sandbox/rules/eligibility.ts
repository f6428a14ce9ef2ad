/**
 * Which refusals apply to an action, as pure functions of the records (DOMAIN.md §1, §2a, §2d). Each returns the
 * stable problem code of the refusal, or null when the action is allowed.
 */
import type { ApplicationRecord, ContractRecord, MiemasuAccountRecord, ServiceKind } from '../model.js';
import { normaliseServiceType } from './minimum-term.js';

export type CancellationBlocker =
  | 'nvs-not-covered'
  | 'already-cancelling'
  | 'cancellation-draft-exists'
  | 'change-draft-exists'
  | 'partner-draft-exists'
  | 'contract-not-active';

/** The application that holds a contract in `change-draft` / `cancellation-draft`, if any. */
export function blockingApplication(
  contract: ContractRecord,
  applications: readonly ApplicationRecord[],
): ApplicationRecord | undefined {
  const open = ['change-draft', 'partner-draft', 'draft', 'cancellation-draft'];
  return applications.find(
    (application) =>
      application.contractNumber === contract.contractNumber && open.includes(application.status),
  );
}

/**
 * Why a cancellation cannot be applied for now (DOMAIN.md §2a step 3, §2d): NVS is a separate procedure; only a
 * contract in サービス開始 can be cancelled. A 変更お申込作成中 contract is blocked by the customer's own draft
 * (which they may withdraw) or, [interpretation, DOMAIN.md §2d], by a partner's draft (パートナー作成中), which
 * they can not.
 */
export function cancellationBlocker(
  contract: ContractRecord,
  applications: readonly ApplicationRecord[],
): CancellationBlocker | null {
  if (contract.kind === 'nvs') return 'nvs-not-covered';
  switch (contract.status) {
    case 'service-started':
      return null;
    case 'cancellation-accepted':
      return 'already-cancelling';
    case 'cancellation-draft':
      return 'cancellation-draft-exists';
    case 'change-draft':
      return blockingApplication(contract, applications)?.status === 'partner-draft'
        ? 'partner-draft-exists'
        : 'change-draft-exists';
    default:
      return 'contract-not-active';
  }
}

const DOMAIN_TYPES = new Set(['type-m', 'type-w', 'type-d']);

/** HOME type-M / W / D ask what happens to the customer's domain (DOMAIN.md §2a step 5). */
export function requiresDomainDisposition(kind: ServiceKind, serviceType: string): boolean {
  return kind === 'home' && DOMAIN_TYPES.has(normaliseServiceType(serviceType));
}

/** Only the annual pack is covered (DOMAIN.md §1): a monthly-plan account is refused before anything else. */
export function miemasuPlanBlocker(account: MiemasuAccountRecord): 'monthly-plan-not-covered' | null {
  return account.plan === 'annual-pack' ? null : 'monthly-plan-not-covered';
}

/** Withdrawal requires every device deleted first (DOMAIN.md §1b). */
export function withdrawalBlocker(
  account: MiemasuAccountRecord,
  remainingDevices: number,
): 'monthly-plan-not-covered' | 'devices-remain' | null {
  return miemasuPlanBlocker(account) ?? (remainingDevices > 0 ? 'devices-remain' : null);
}

/** Which drafts the customer may discard themself (DOMAIN.md §2d): their own change or cancellation drafts. */
export function withdrawalOfApplicationBlocker(
  application: ApplicationRecord,
): 'partner-draft-not-withdrawable' | 'application-not-withdrawable' | null {
  if (application.status === 'partner-draft' || application.createdBy === 'partner') {
    return 'partner-draft-not-withdrawable';
  }
  return application.status === 'change-draft' || application.status === 'cancellation-draft'
    ? null
    : 'application-not-withdrawable';
}

/** `R-YYYYMMDD-NNNNNN` from the Japan date of creation and a sequence number (DOMAIN.md §2). */
export function formatApplicationNumber(createdOn: string, sequence: number): string {
  return `R-${createdOn.replaceAll('-', '')}-${String(sequence % 1_000_000).padStart(6, '0')}`;
}
