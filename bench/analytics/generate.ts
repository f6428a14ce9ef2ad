/**
 * Synthetic audit entries for the analytics benchmark: whole procedure runs shaped like the real emitters' (the
 * entry contract of `src/audit-log/entry.ts`) — started, disclosure, acknowledgements, confirmation, action,
 * handoffs, end with a closure, satisfaction — plus FAQ answers, spread over `days` days, from a seeded PRNG
 * (the same data every run). Rows come out in the audit table's column order (`COLUMNS` of log.ts), ready for a
 * multi-row INSERT: generating a million through zod would measure zod, not the database.
 */
import { COLUMNS } from '../../src/audit-log/log.js';

export type Row = Array<string | null>;

const PROCEDURES = [
  {
    dialogId: 'miemasu-delete-one',
    node: 'confirm-delete',
    consequences: ['no-refund', 'license-forfeit', 'data-loss'],
  },
  { dialogId: 'miemasu-withdraw', node: 'confirm-withdraw', consequences: ['account-deletion'] },
  { dialogId: 'csps-cancel', node: 'confirm-cancel', consequences: ['minimum-term-charge'] },
  { dialogId: 'csps-withdraw-draft', node: 'confirm-withdraw-draft', consequences: ['data-loss'] },
];
const CHANNELS = ['web', 'web', 'web', 'slack', 'teams', 'line'];
const DECLINED = [
  '請求書の再発行はできますか',
  'ポイントの有効期限',
  '領収書の宛名を変えたい',
  'ログインできません',
  'プランの変更方法',
];

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Yields batches of rows until `total` rows were produced (the last run may be cut). */
export function* generateRows(
  total: number,
  options: { days: number; end: Date; batch: number; seed?: number },
): Generator<Row[]> {
  const random = prng(options.seed ?? 16);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const spanMs = options.days * 24 * 3600_000;
  const startMs = options.end.getTime() - spanMs;
  let produced = 0;
  let run = 0;
  let batch: Row[] = [];
  const columns = COLUMNS.length;
  while (produced < total) {
    run += 1;
    const channel = pick(CHANNELS);
    const language = random() < 0.85 ? 'ja' : 'en';
    const conversation = (0x1000000000000000 + run * 7919).toString(16).slice(-16);
    let at = startMs + Math.floor(random() * (spanMs - 3600_000));
    const entries: Array<[string, string, string, Record<string, unknown>, string]> = [];
    const add = (kind: string, dialogId: string, what: Record<string, unknown>, result = 'ok') => {
      at += 1000 + Math.floor(random() * 60_000);
      entries.push([new Date(at).toISOString(), kind, dialogId, { language, ...what }, result]);
    };
    if (random() < 0.2) {
      const r = random();
      const outcome = r < 0.6 ? 'answered' : r < 0.8 ? 'declined' : r < 0.9 ? 'escalated' : 'not-helpful';
      add(
        'faq',
        'faq',
        outcome === 'declined' ? { outcome, declined: pick(DECLINED) } : { outcome, entry: 'faq-login' },
      );
    } else {
      const p = pick(PROCEDURES);
      add('dialog-started', p.dialogId, {});
      const r = random();
      let closure: string;
      if (r < 0.1) closure = 'resolved';
      else if (r < 0.2) {
        add('disclosure-shown', p.dialogId, { node: p.node, consequences: p.consequences });
        closure = random() < 0.5 ? 'stopped' : 'abandoned';
      } else if (r < 0.28) {
        add('handoff', p.dialogId, { handoff: random() < 0.6 ? 'live' : 'request' });
        closure = 'handoff';
      } else {
        add('disclosure-shown', p.dialogId, { node: p.node, consequences: p.consequences });
        for (const id of p.consequences)
          add('acknowledged', p.dialogId, { node: p.node, acknowledgement: { id, text: id } });
        add('confirmed', p.dialogId, { node: p.node, typedConfirmation: false });
        const a = random();
        const result = a < 0.93 ? 'ok' : a < 0.97 ? 'refused' : 'unknown';
        add('action', p.dialogId, { operation: 'op', destructive: true }, result);
        closure = result === 'ok' ? 'completed' : result === 'refused' ? 'failed' : 'unknown';
      }
      add('dialog-ended', p.dialogId, { closure, outcome: closure });
      if (random() < 0.3)
        add(
          'satisfaction',
          p.dialogId,
          random() < 0.2 ? { outcome: 'skipped' } : { score: 1 + Math.floor(random() * 5) },
        );
    }
    for (const [iso, kind, dialogId, what, result] of entries) {
      if (produced >= total) break;
      const row: Row = [
        iso,
        kind,
        'customer',
        `${channel}:bench-user`,
        null,
        channel,
        conversation,
        dialogId,
        JSON.stringify(what),
        result,
        null,
        null,
      ];
      if (row.length !== columns) throw new Error('generator out of step with COLUMNS');
      batch.push(row);
      produced += 1;
      if (batch.length >= options.batch) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
