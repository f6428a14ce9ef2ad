/**
 * Demo data reaching every branch of both procedures (documented in docs/sandbox-demo-data.md). Dates that decide
 * a branch (inside / past a minimum term) are relative to the sandbox's today, so the demo behaves the same on
 * any date; the fixed dates are the source documents' own.
 */
import { sha256 } from './auth.js';
import {
  type ApplicationRecord,
  type ContractRecord,
  type DeviceRecord,
  emptyState,
  type SandboxState,
} from './model.js';
import { addDays, addMonths, firstDayOf, monthOf } from './rules/calendar.js';
import { nextMonthEnd } from './rules/cancellation-dates.js';
import { formatApplicationNumber } from './rules/eligibility.js';

/** Demo agent keys (sandbox only; a real backend issues its own). */
export const DEMO_AGENT_KEYS = {
  'sandbox-agent-key-sato': { agentId: 'AG-001', name: '佐藤 (demo agent)' },
  'sandbox-agent-key-suzuki': { agentId: 'AG-002', name: '鈴木 (demo agent)' },
} as const;

export const DEMO_CUSTOMERS = {
  cameraTwo: { customerId: 'CUS-1001', email: 'camera-two@example.com', name: 'カメラ 二台' },
  cameraEmpty: { customerId: 'CUS-1002', email: 'camera-empty@example.com', name: 'カメラ 空' },
  cameraMonthly: { customerId: 'CUS-1003', email: 'camera-monthly@example.com', name: 'カメラ 月額' },
  portal: { customerId: 'CUS-2001', email: 'portal@example.com', name: 'ポータル 太郎' },
  portalOther: { customerId: 'CUS-2002', email: 'portal-other@example.com', name: 'ポータル 花子' },
} as const;

/** The demo state for a sandbox whose today is `today` (`YYYY-MM-DD`, Japan). */
export function demoState(today: string): SandboxState {
  const state = emptyState();
  const thisMonth = monthOf(today);
  const monthsAgo = (count: number, day = '15'): string => `${addMonths(thisMonth, -count)}-${day}`;
  const licenceEnd = addDays(`${addMonths(thisMonth, 8)}-01`, -1);

  state.customers = Object.values(DEMO_CUSTOMERS).map((customer) => ({ ...customer }));
  state.agents = Object.entries(DEMO_AGENT_KEYS).map(([key, agent]) => ({ ...agent, keyHash: sha256(key) }));

  const { cameraTwo, cameraEmpty, cameraMonthly, portal, portalOther } = DEMO_CUSTOMERS;
  state.miemasuAccounts = [
    { customerId: cameraTwo.customerId, plan: 'annual-pack' },
    { customerId: cameraEmpty.customerId, plan: 'annual-pack' },
    { customerId: cameraMonthly.customerId, plan: 'monthly' },
  ];
  const device = (deviceId: string, customerId: string, name: string): DeviceRecord => ({
    deviceId,
    customerId,
    name,
    domainName: `${name.toLowerCase()}.miemasu.example`,
    licenseExpiresOn: licenceEnd,
    licenseKey: `LK-${deviceId}`,
    recordings: 120,
  });
  state.devices = [
    device('DEV-0001', cameraTwo.customerId, 'CameraOA'),
    device('DEV-0002', cameraTwo.customerId, 'CameraOB'),
    device('DEV-0003', cameraMonthly.customerId, 'CameraMO'),
  ];

  const contract = (
    contractNumber: string,
    customerId: string,
    kind: ContractRecord['kind'],
    serviceName: string,
    serviceType: string,
    startDate: string,
    monthlyFeeYen: number,
    status: ContractRecord['status'] = 'service-started',
  ): ContractRecord => ({
    contractNumber,
    customerId,
    kind,
    serviceName,
    serviceType,
    startDate,
    status,
    monthlyFeeYen,
  });
  const customerId = portal.customerId;
  state.contracts = [
    contract('HMAO061322', customerId, 'home', 'type-O Powered by Office 365', 'type-O', '2019-09-15', 1650),
    contract('HMMH061530', customerId, 'home', 'type-M', 'type-M', monthsAgo(6), 3300),
    contract('HMUH022123', customerId, 'home', 'type-U2 Pro', 'type-U2 Pro', '2017-09-26', 5500),
    contract(
      'TFOL040112',
      customerId,
      'therefore',
      'Therefore Online',
      'Therefore Online',
      '2024-04-01',
      55000,
    ),
    contract(
      'UFOL050233',
      customerId,
      'uniflow',
      'uniFLOW Online',
      'uniFLOW Online',
      firstDayOf(addMonths(thisMonth, -4)),
      22000,
    ),
    contract(
      'HMAO021976',
      customerId,
      'home',
      'type-O Powered by Office 365',
      'type-O',
      '2017-09-26',
      1650,
      'change-draft',
    ),
    contract('HMAP022072', customerId, 'home', 'type-AP', 'type-AP', '2017-08-31', 4400, 'change-draft'),
    contract(
      'HMSL030455',
      customerId,
      'home',
      'type-SL',
      'type-SL',
      '2023-04-01',
      2200,
      'cancellation-accepted',
    ),
    contract('NVSV010203', customerId, 'nvs', 'VisualStage Type-S', 'VisualStage Type-S', '2021-06-01', 8800),
    contract('HMCX040001', portalOther.customerId, 'home', 'type-CX', 'type-CX', monthsAgo(1), 2750),
  ];

  const acceptedOn = addDays(today, -20);
  const application = (
    applicationNumber: string,
    contractNumber: string,
    status: ApplicationRecord['status'],
    createdBy: ApplicationRecord['createdBy'],
    createdOn: string,
    appliedOn: string | null,
    cancellation: ApplicationRecord['cancellation'] = null,
  ): ApplicationRecord => ({
    applicationNumber,
    contractNumber,
    customerId,
    status,
    appliedOn,
    createdBy,
    cancellation,
    createdAt: `${createdOn}T01:00:00.000Z`,
  });
  state.applications = [
    application('R-20190915-204493', 'HMAO061322', 'service-started', 'customer', '2019-09-15', '2019-09-15'),
    application(
      formatApplicationNumber(addDays(today, -3), 92562),
      'HMAO021976',
      'change-draft',
      'customer',
      addDays(today, -3),
      null,
    ),
    application(
      formatApplicationNumber(addDays(today, -5), 92313),
      'HMAP022072',
      'partner-draft',
      'partner',
      addDays(today, -5),
      null,
    ),
    application(
      formatApplicationNumber(acceptedOn, 238001),
      'HMSL030455',
      'cancellation-accepted',
      'customer',
      acceptedOn,
      acceptedOn,
      {
        reason: 'サービスを利用しなくなったため解約します。',
        domainDisposition: null,
        desiredMonth: null,
        effectiveDate: nextMonthEnd(acceptedOn),
      },
    ),
  ];
  return state;
}
