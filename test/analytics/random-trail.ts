/**
 * A seeded random audit trail for comparing the summary with the raw-SQL oracle: procedure runs on four channels
 * and both languages with every closure, runs left open, menu and sub-dialog runs whose steps count for the
 * procedure (`what.procedure`), handoffs of each kind (some after the end), actions ok/refused/unknown, ends
 * claiming `completed` without an ok action, satisfaction answers and skips, FAQ outcomes with repeated declined
 * questions. Times fall anywhere (millisecond precision) over `days` days from `start`, across Tokyo midnights.
 */
import { type AuditEntry, type AuditWhat, conversationDigest } from '../../src/audit-log/entry.js';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROCEDURES = [
  { dialogId: 'miemasu-delete-one', node: 'confirm-delete', consequences: ['no-refund', 'data-loss'] },
  { dialogId: 'csps-cancel', node: 'confirm-cancel', consequences: ['minimum-term-charge'] },
];
const CLOSURES = ['completed', 'resolved', 'stopped', 'abandoned', 'handoff', 'failed', 'unknown'] as const;
const DECLINED = ['請求書の再発行', 'ポイントの有効期限', ' ログインできません ', 'one-off'];

export function randomTrail(options: {
  seed: number;
  conversations: number;
  start: Date;
  days: number;
  tag: string;
}): AuditEntry[] {
  const random = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const out: AuditEntry[] = [];
  for (let c = 0; c < options.conversations; c++) {
    const channel = pick(['web', 'slack', 'teams', 'line']);
    const conversation = conversationDigest(`${options.tag}:${options.seed}:${c}`);
    let at = options.start.getTime() + Math.floor(random() * options.days * 86_400_000);
    const add = (
      kind: AuditEntry['kind'],
      dialogId: string,
      what: AuditWhat,
      result: AuditEntry['result'] = 'ok',
    ) => {
      at += 1 + Math.floor(random() * 40 * 60_000);
      // A language change mid-conversation, now and then.
      const language = random() < 0.8 ? 'ja' : 'en';
      out.push({
        at: new Date(at).toISOString(),
        kind,
        actor: { kind: 'customer', id: `${channel}:u${c}` },
        channel,
        conversation,
        dialogId,
        what: { ...(random() < 0.95 ? { language } : {}), ...what },
        result,
      });
    };
    if (random() < 0.2) {
      const outcome = pick(['answered', 'declined', 'escalated', 'not-helpful']);
      add('faq', 'faq', outcome === 'declined' ? { outcome, declined: pick(DECLINED) } : { outcome });
      continue;
    }
    if (random() < 0.3) add('dialog-started', 'menu', { run: 'menu' });
    const runs = 1 + Math.floor(random() * 2);
    for (let r = 0; r < runs; r++) {
      const p = pick(PROCEDURES);
      // Some entries written before `run` existed.
      add('dialog-started', p.dialogId, random() < 0.9 ? { run: 'procedure' } : {});
      if (random() < 0.3) {
        add('dialog-started', 'identify', { run: 'sub' });
        add('disclosure-shown', 'terms', { node: 'confirm-terms', procedure: p.dialogId });
        if (random() < 0.7) add('dialog-ended', 'identify', { run: 'sub', closure: 'resolved' });
      }
      if (random() < 0.7) add('disclosure-shown', p.dialogId, { node: p.node });
      for (const id of p.consequences)
        if (random() < 0.6)
          add('acknowledged', p.dialogId, { node: p.node, acknowledgement: { id, text: id } });
      if (random() < 0.5) add('confirmed', p.dialogId, { node: p.node });
      if (random() < 0.6)
        add('action', p.dialogId, { operation: 'op' }, pick(['ok', 'ok', 'ok', 'refused', 'unknown']));
      if (random() < 0.15)
        add('handoff', p.dialogId, { handoff: pick(['live', 'request', 'claimed'] as const) });
      if (random() < 0.85)
        add('dialog-ended', p.dialogId, {
          ...(random() < 0.9 ? { run: 'procedure' } : {}),
          closure: pick(CLOSURES),
        });
      if (random() < 0.1) add('handoff', p.dialogId, { handoff: pick(['live', 'request'] as const) });
      if (random() < 0.3)
        add(
          'satisfaction',
          p.dialogId,
          random() < 0.2 ? { outcome: 'skipped' } : { score: 1 + Math.floor(random() * 5) },
        );
    }
  }
  return out;
}

/** `list` in a seeded random order (entries arriving out of order, as several outboxes deliver them). */
export function shuffled<T>(list: readonly T[], seed: number): T[] {
  const random = prng(seed);
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
