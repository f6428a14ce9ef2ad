/**
 * What the dashboard's queries answer (definitions in `queries.ts`). Only counts, procedure and node names,
 * consequence ids, days, scores and redacted declined FAQ questions: never a customer id, an actor id or a
 * conversation digest.
 */
export interface FunnelStep {
  kind: 'shown' | 'acknowledged' | 'confirmed';
  /** The confirm node. */
  node: string;
  /** The acknowledgement (consequence) id, for `acknowledged` steps. */
  acknowledgement?: string;
  count: number;
}

export interface ProcedureFunnel {
  dialogId: string;
  started: number;
  steps: FunnelStep[];
  completed: number;
  resolved: number;
  stopped: number;
  abandoned: number;
  /** Ended with closure `handoff`. */
  endedHandoff: number;
  failed: number;
  /** Closure `unknown`, plus `completed` closures without an ok action. */
  unknown: number;
  /** Runs with no end yet that started within the idle limit (see `AnalyticsFilters.idle`). */
  inProgress: number;
  handoffLive: number;
  handoffRequest: number;
  /** Completed without a person. */
  contained: number;
  /** contained ÷ started; `null` when nothing started. */
  containment: number | null;
  /** abandoned ÷ started; `null` when nothing started. */
  abandonmentRate: number | null;
}

export interface DayPoint {
  /** Asia/Tokyo day, `yyyy-mm-dd`. */
  day: string;
  started: number;
  /** Conversations with a live or request handoff that day. */
  handedOff: number;
  abandoned: number;
  handoffRate: number | null;
  abandonmentRate: number | null;
}

export interface Satisfaction {
  /** Scores given (skips not included). */
  count: number;
  skipped: number;
  /** Mean score, two decimals; `null` without scores. */
  mean: number | null;
  /** Scores 1 … 5: how many each. */
  distribution: [number, number, number, number, number];
}

export interface FaqSummary {
  answered: number;
  declined: number;
  escalated: number;
  notHelpful: number;
  /** The most often declined questions (redacted text), at least `minCount` times each, most first. */
  topDeclined: Array<{ question: string; count: number }>;
}

export interface FilterChoices {
  channels: string[];
  procedures: string[];
}

export interface Dashboard {
  funnel: ProcedureFunnel[];
  daily: DayPoint[];
  satisfaction: Satisfaction;
  faq: FaqSummary;
  choices: FilterChoices;
}
