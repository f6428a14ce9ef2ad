/**
 * A seeded audit trail whose true funnel is known: twelve procedure runs, FAQ questions and satisfaction answers,
 * written as the emitters write them (the entry contract of `src/audit-log/entry.ts`). The expected numbers are
 * written out by hand in the tests, from the list below — not computed from these entries.
 *
 * miemasu-delete-one (confirm node `confirm-delete`, consequences no-refund, license-forfeit, data-loss):
 *   c1  web   ja  shown, 3 acks, confirmed, action ok, ended completed            (contained)
 *   c2  slack ja  shown, 3 acks, confirmed, action ok, ended completed, handoff request afterwards
 *   c3  web   en  shown, acks no-refund + license-forfeit, ended abandoned
 *   c4  web   ja  shown, ended stopped
 *   c5  teams ja  handoff live, handoff claimed, ended handoff
 *   c6  web   ja  shown, 3 acks, confirmed, action unknown, ended unknown
 *   c7  web   ja  shown, 3 acks, confirmed, action refused, ended failed
 *   c8  line  ja  ended completed, no action at all (claimed, not shown by the trail → unknown)
 *   c9  web   ja  started 2026-11-21T23:30Z (= 2026-11-22 08:30 in Tokyo), ended abandoned
 *   c10 web   ja  ended resolved (2026-11-21)
 * csps-cancel (confirm node `confirm-cancel`, consequence minimum-term-charge), both 2026-11-21:
 *   c11 web   en  shown, ack, confirmed, action ok, ended completed              (contained)
 *   c12 slack ja  ended stopped
 * c1..c8 start on 2026-11-20 (Tokyo). Satisfaction: c1 5, c2 4, c11 3, c4 skipped.
 * FAQ (dialog `faq`, web, 2026-11-21): answered ×3; declined 「請求書の再発行はできますか」×3,
 * 「ポイントの有効期限」×2, "a one-off question" ×1 (en); escalated ×1; not-helpful ×2.
 */
import { type AuditEntry, type AuditWhat, conversationDigest } from '../../src/audit-log/entry.js';

type Step =
  | { kind: 'shown' }
  | { kind: 'ack'; id: string }
  | { kind: 'confirmed' }
  | { kind: 'action'; result: AuditEntry['result'] }
  | { kind: 'handoff'; handoff: 'live' | 'request' | 'claimed' }
  | { kind: 'end'; closure: NonNullable<AuditWhat['closure']> }
  | { kind: 'satisfaction'; score?: number };

interface Run {
  id: string;
  channel: string;
  language: 'ja' | 'en';
  dialogId: string;
  node: string;
  consequences: string[];
  start: string;
  steps: Step[];
}

const DELETE = {
  dialogId: 'miemasu-delete-one',
  node: 'confirm-delete',
  consequences: ['no-refund', 'license-forfeit', 'data-loss'],
};
const CANCEL = { dialogId: 'csps-cancel', node: 'confirm-cancel', consequences: ['minimum-term-charge'] };
const acks = (ids: string[]): Step[] => ids.map((id) => ({ kind: 'ack', id }));
const full = (consequences: string[], result: AuditEntry['result']): Step[] => [
  { kind: 'shown' },
  ...acks(consequences),
  { kind: 'confirmed' },
  { kind: 'action', result },
];
/** Minutes after 2026-11-20T01:00Z (10:00 in Tokyo). */
const day20 = (minutes: number) =>
  new Date(Date.parse('2026-11-20T01:00:00.000Z') + minutes * 60_000).toISOString();

export const RUNS: Run[] = [
  {
    id: 'c1',
    channel: 'web',
    language: 'ja',
    ...DELETE,
    start: day20(0),
    steps: [
      ...full(DELETE.consequences, 'ok'),
      { kind: 'end', closure: 'completed' },
      { kind: 'satisfaction', score: 5 },
    ],
  },
  {
    id: 'c2',
    channel: 'slack',
    language: 'ja',
    ...DELETE,
    start: day20(10),
    steps: [
      ...full(DELETE.consequences, 'ok'),
      { kind: 'end', closure: 'completed' },
      { kind: 'handoff', handoff: 'request' },
      { kind: 'satisfaction', score: 4 },
    ],
  },
  {
    id: 'c3',
    channel: 'web',
    language: 'en',
    ...DELETE,
    start: day20(20),
    steps: [
      { kind: 'shown' },
      ...acks(['no-refund', 'license-forfeit']),
      { kind: 'end', closure: 'abandoned' },
    ],
  },
  {
    id: 'c4',
    channel: 'web',
    language: 'ja',
    ...DELETE,
    start: day20(30),
    steps: [{ kind: 'shown' }, { kind: 'end', closure: 'stopped' }, { kind: 'satisfaction' }],
  },
  {
    id: 'c5',
    channel: 'teams',
    language: 'ja',
    ...DELETE,
    start: day20(40),
    steps: [
      { kind: 'handoff', handoff: 'live' },
      { kind: 'handoff', handoff: 'claimed' },
      { kind: 'end', closure: 'handoff' },
    ],
  },
  {
    id: 'c6',
    channel: 'web',
    language: 'ja',
    ...DELETE,
    start: day20(50),
    steps: [...full(DELETE.consequences, 'unknown'), { kind: 'end', closure: 'unknown' }],
  },
  {
    id: 'c7',
    channel: 'web',
    language: 'ja',
    ...DELETE,
    start: day20(60),
    steps: [...full(DELETE.consequences, 'refused'), { kind: 'end', closure: 'failed' }],
  },
  {
    id: 'c8',
    channel: 'line',
    language: 'ja',
    ...DELETE,
    start: day20(70),
    steps: [{ kind: 'end', closure: 'completed' }],
  },
  {
    id: 'c9',
    channel: 'web',
    language: 'ja',
    ...DELETE,
    start: '2026-11-21T23:30:00.000Z',
    steps: [{ kind: 'end', closure: 'abandoned' }],
  },
  {
    id: 'c10',
    channel: 'web',
    language: 'ja',
    ...DELETE,
    start: '2026-11-21T03:00:00.000Z',
    steps: [{ kind: 'end', closure: 'resolved' }],
  },
  {
    id: 'c11',
    channel: 'web',
    language: 'en',
    ...CANCEL,
    start: '2026-11-21T04:00:00.000Z',
    steps: [
      ...full(CANCEL.consequences, 'ok'),
      { kind: 'end', closure: 'completed' },
      { kind: 'satisfaction', score: 3 },
    ],
  },
  {
    id: 'c12',
    channel: 'slack',
    language: 'ja',
    ...CANCEL,
    start: '2026-11-21T05:00:00.000Z',
    steps: [{ kind: 'end', closure: 'stopped' }],
  },
];

/** A unique conversation key per run of a test (the digest is what the log stores). */
const digestOf = (run: string, id: string) => conversationDigest(`web:analytics-${run}-${id}`);

function runEntries(run: Run, tag: string): AuditEntry[] {
  const conversation = digestOf(tag, run.id);
  let minute = 0;
  const at = () => new Date(Date.parse(run.start) + minute++ * 60_000).toISOString();
  const base = {
    actor: { kind: 'customer' as const, id: `${run.channel}:user-${run.id}` },
    customerId: `CUS-${run.id.toUpperCase()}`,
    channel: run.channel,
    conversation,
    dialogId: run.dialogId,
  };
  const entry = (
    kind: AuditEntry['kind'],
    what: AuditWhat,
    result: AuditEntry['result'] = 'ok',
  ): AuditEntry => ({
    at: at(),
    kind,
    ...base,
    what: { language: run.language, ...what },
    result,
  });
  const out: AuditEntry[] = [entry('dialog-started', {})];
  for (const step of run.steps) {
    switch (step.kind) {
      case 'shown':
        out.push(entry('disclosure-shown', { node: run.node, consequences: run.consequences }));
        break;
      case 'ack':
        out.push(
          entry('acknowledged', { node: run.node, acknowledgement: { id: step.id, text: `ack ${step.id}` } }),
        );
        break;
      case 'confirmed':
        out.push(entry('confirmed', { node: run.node }));
        break;
      case 'action':
        out.push(entry('action', { operation: 'deleteMiemasuDevice', destructive: true }, step.result));
        break;
      case 'handoff':
        out.push(
          entry('handoff', {
            handoff: step.handoff,
            ...(step.handoff === 'claimed' ? { waitedMs: 30_000 } : {}),
          }),
        );
        break;
      case 'end':
        out.push(entry('dialog-ended', { closure: step.closure, outcome: `end-${step.closure}` }));
        break;
      case 'satisfaction':
        out.push(
          entry('satisfaction', step.score === undefined ? { outcome: 'skipped' } : { score: step.score }),
        );
        break;
    }
  }
  return out;
}

function faqEntries(tag: string): AuditEntry[] {
  const rows: Array<{ what: AuditWhat; language: 'ja' | 'en' }> = [
    ...Array.from({ length: 3 }, () => ({
      what: { outcome: 'answered', entry: 'faq-login' },
      language: 'ja' as const,
    })),
    ...Array.from({ length: 3 }, () => ({
      what: { outcome: 'declined', declined: '請求書の再発行はできますか' },
      language: 'ja' as const,
    })),
    ...Array.from({ length: 2 }, () => ({
      what: { outcome: 'declined', declined: 'ポイントの有効期限' },
      language: 'ja' as const,
    })),
    { what: { outcome: 'declined', declined: 'a one-off question' }, language: 'en' },
    { what: { outcome: 'escalated', entry: 'faq-login' }, language: 'ja' },
    ...Array.from({ length: 2 }, () => ({
      what: { outcome: 'not-helpful', entry: 'faq-refund' },
      language: 'ja' as const,
    })),
  ];
  return rows.map((row, i) => ({
    at: new Date(Date.parse('2026-11-21T06:00:00.000Z') + i * 60_000).toISOString(),
    kind: 'faq',
    actor: { kind: 'customer', id: `web:faq-user-${i}` },
    channel: 'web',
    conversation: digestOf(tag, `faq-${i}`),
    dialogId: 'faq',
    what: { language: row.language, ...row.what },
    result: 'ok',
  }));
}

/**
 * Runs in December (outside the November data set), for runs left open and for `what.run`, all csps-cancel on web:
 *   o1  menu started (run menu), csps-cancel started 2026-12-10T01:00Z (run procedure), identify started and
 *       ended (run sub); no end of csps-cancel: the customer never came back
 *   o2  csps-cancel started 2026-12-11T12:00Z, no end yet
 *   o3  csps-cancel started 2026-12-11T00:00Z, a disclosure shown by its sub-dialog csps-terms (what.procedure
 *       csps-cancel), ended stopped
 */
export const OPEN_RUNS_WINDOW = {
  since: new Date('2026-12-10T00:00:00.000Z'),
  until: new Date('2026-12-12T00:00:00.000Z'),
};

function openRunEntries(tag: string): AuditEntry[] {
  const entry = (
    id: string,
    at: string,
    kind: AuditEntry['kind'],
    dialogId: string,
    what: AuditWhat,
  ): AuditEntry => ({
    at,
    kind,
    actor: { kind: 'customer', id: `web:user-${id}` },
    channel: 'web',
    conversation: digestOf(tag, id),
    dialogId,
    what: { language: 'ja', ...what },
    result: 'ok',
  });
  return [
    entry('o1', '2026-12-10T01:00:00.000Z', 'dialog-started', 'menu', { run: 'menu' }),
    entry('o1', '2026-12-10T01:00:01.000Z', 'dialog-started', 'csps-cancel', { run: 'procedure' }),
    entry('o1', '2026-12-10T01:00:02.000Z', 'dialog-started', 'identify', { run: 'sub' }),
    entry('o1', '2026-12-10T01:01:00.000Z', 'dialog-ended', 'identify', {
      run: 'sub',
      outcome: 'verified',
      closure: 'resolved',
    }),
    entry('o2', '2026-12-11T12:00:00.000Z', 'dialog-started', 'csps-cancel', { run: 'procedure' }),
    entry('o3', '2026-12-11T00:00:00.000Z', 'dialog-started', 'csps-cancel', { run: 'procedure' }),
    entry('o3', '2026-12-11T00:00:30.000Z', 'disclosure-shown', 'csps-terms', {
      node: 'confirm-terms',
      procedure: 'csps-cancel',
    }),
    entry('o3', '2026-12-11T00:01:00.000Z', 'dialog-ended', 'csps-cancel', {
      run: 'procedure',
      outcome: 'stopped',
      closure: 'stopped',
    }),
  ];
}

/** Every entry of the data set, in time order (as the outbox delivers them). */
export function seedEntries(tag: string): AuditEntry[] {
  return [...RUNS.flatMap((run) => runEntries(run, tag)), ...faqEntries(tag), ...openRunEntries(tag)].sort(
    (a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0),
  );
}

/** The digests of the seeded conversations (no output may contain one). */
export function seedDigests(tag: string): string[] {
  return [
    ...RUNS.map((run) => digestOf(tag, run.id)),
    ...['o1', 'o2', 'o3'].map((id) => digestOf(tag, id)),
    ...Array.from({ length: 12 }, (_, i) => digestOf(tag, `faq-${i}`)),
  ];
}
