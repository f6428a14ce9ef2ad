/**
 * The sandbox's whole state: one JSON-serialisable document, persisted after every write.
 */

export type ServiceKind = 'home' | 'therefore' | 'uniflow' | 'nvs';
export type ContractStatus =
  | 'service-started'
  | 'change-draft'
  | 'cancellation-draft'
  | 'cancellation-accepted';
export type ApplicationStatus =
  | 'draft'
  | 'change-draft'
  | 'partner-draft'
  | 'cancellation-draft'
  | 'cancellation-accepted'
  | 'service-started';
export type DomainDisposition = 'transfer' | 'abolish';
export type MiemasuPlan = 'annual-pack' | 'monthly';

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  'service-started': 'サービス開始',
  'change-draft': '変更お申込作成中',
  'cancellation-draft': '解約お申込作成中',
  'cancellation-accepted': '解約お申込受付中',
};

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '作成中',
  'change-draft': '変更お申込作成中',
  'partner-draft': 'パートナー作成中',
  'cancellation-draft': '解約お申込作成中',
  'cancellation-accepted': '解約お申込受付中',
  'service-started': 'サービス開始',
};

export interface Customer {
  customerId: string;
  email: string;
  name: string;
}

export interface MiemasuAccountRecord {
  customerId: string;
  plan: MiemasuPlan;
}

export interface DeviceRecord {
  deviceId: string;
  customerId: string;
  name: string;
  domainName: string;
  licenseExpiresOn: string;
  licenseKey: string;
  /** Stand-ins for the data deletion removes: settings, notifications, recordings. */
  recordings: number;
}

export interface ContractRecord {
  contractNumber: string;
  customerId: string;
  kind: ServiceKind;
  serviceName: string;
  serviceType: string;
  startDate: string;
  status: ContractStatus;
  monthlyFeeYen: number;
}

export interface CancellationRecord {
  reason: string;
  domainDisposition: DomainDisposition | null;
  desiredMonth: string | null;
  effectiveDate: string;
}

export interface ApplicationRecord {
  applicationNumber: string;
  contractNumber: string;
  customerId: string;
  status: ApplicationStatus;
  appliedOn: string | null;
  createdBy: 'customer' | 'partner';
  cancellation: CancellationRecord | null;
  /** Instant of creation, for newest-first ordering. */
  createdAt: string;
}

export interface ActorRecord {
  kind: 'customer' | 'agent';
  id: string;
  customerId: string;
}

export interface AuditEntry {
  at: string;
  operationId: string;
  actor: ActorRecord;
  target: string;
}

export interface VerificationRecord {
  verificationId: string;
  /** Undefined when the address is not registered: the verification can never succeed. */
  customerId: string | undefined;
  codeHash: string;
  expiresAt: string;
  attempts: number;
  used: boolean;
}

export interface TokenRecord {
  tokenHash: string;
  customerId: string;
  expiresAt: string;
}

export interface AgentRecord {
  agentId: string;
  keyHash: string;
  name: string;
}

export interface IdempotencyRecord {
  /** Hash of method, path and canonical body. */
  fingerprint: string;
  status: number;
  body: unknown;
  storedAt: string;
}

export interface SandboxState {
  schemaVersion: 1;
  customers: Customer[];
  agents: AgentRecord[];
  miemasuAccounts: MiemasuAccountRecord[];
  devices: DeviceRecord[];
  contracts: ContractRecord[];
  applications: ApplicationRecord[];
  verifications: VerificationRecord[];
  tokens: TokenRecord[];
  /** Keyed by `${scope}\n${idempotencyKey}`. */
  idempotency: Record<string, IdempotencyRecord>;
  audit: AuditEntry[];
  nextApplicationSequence: number;
}

export function emptyState(): SandboxState {
  return {
    schemaVersion: 1,
    customers: [],
    agents: [],
    miemasuAccounts: [],
    devices: [],
    contracts: [],
    applications: [],
    verifications: [],
    tokens: [],
    idempotency: {},
    audit: [],
    nextApplicationSequence: 238080,
  };
}
