/**
 * CPU-profiles a piece of work in this process (the V8 sampling profiler through `node:inspector`, as
 * `node --cpu-prof` would) and summarises where the time went: the top functions by self time, and shares of a few
 * named categories, so RESULTS.md can say *why* a number is what it is from the same run's data.
 */
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Category {
  name: string;
  /** Whether a function (by name and project-relative file) belongs to this category; first match wins. */
  matches(functionName: string, file: string): boolean;
}

export interface ProfileSummary {
  /** Sampled time, excluding idle. */
  busyMs: number;
  top: { function: string; file: string; selfPercent: number }[];
  categories: { name: string; selfPercent: number }[];
}

/**
 * The inspector's own `dispatch` (Profiler.start / Profiler.stop): its samples carry the time spent starting and
 * stopping the profiler, not the work profiled.
 */
function isProfilerControl(node: ProfileNode): boolean {
  return node.callFrame.functionName === 'dispatch' && node.callFrame.url === '';
}

function relative(url: string): string {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path.startsWith(ROOT) ? path.slice(ROOT.length) : path;
}

export async function profile(
  work: () => Promise<void>,
  categories: readonly Category[],
  topCount = 12,
): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    await work();
    const { profile: raw } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    return summarise(raw, categories, topCount);
  } finally {
    session.disconnect();
  }
}

function summarise(raw: CpuProfile, categories: readonly Category[], topCount: number): ProfileSummary {
  const byId = new Map(raw.nodes.map((node) => [node.id, node]));
  const selfByFunction = new Map<string, { fn: string; file: string; micros: number }>();
  let busy = 0;
  raw.samples.forEach((id, index) => {
    const node = byId.get(id);
    const micros = raw.timeDeltas[index] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)' || isProfilerControl(node)) return;
    busy += micros;
    const fn = node.callFrame.functionName || '(anonymous)';
    const file = relative(node.callFrame.url);
    const key = `${fn}\u0000${file}`;
    const entry = selfByFunction.get(key) ?? { fn, file, micros: 0 };
    entry.micros += micros;
    selfByFunction.set(key, entry);
  });
  const percent = (micros: number) => Math.round((micros / Math.max(1, busy)) * 1000) / 10;
  const totals = new Map<string, number>();
  for (const { fn, file, micros } of selfByFunction.values()) {
    const category = categories.find((c) => c.matches(fn, file))?.name ?? 'other';
    totals.set(category, (totals.get(category) ?? 0) + micros);
  }
  return {
    busyMs: Math.round(busy / 1000),
    top: [...selfByFunction.values()]
      .sort((a, b) => b.micros - a.micros)
      .slice(0, topCount)
      .map(({ fn, file, micros }) => ({ function: fn, file, selfPercent: percent(micros) })),
    categories: [...categories.map((c) => c.name), 'other'].map((name) => ({
      name,
      selfPercent: percent(totals.get(name) ?? 0),
    })),
  };
}
