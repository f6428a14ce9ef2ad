/**
 * "Slack" for the Slack benchmark, in its own process so it does not share an event loop with the app under test:
 * the local fake Web API (test/support/fake-slack.ts) the bot posts its replies to, and the open-loop generator
 * that sends signed Events API deliveries (direct messages) to the app at a fixed rate.
 *
 * Run by bench/sections/slack.ts as `node --import tsx bench/slack/world.ts` with an IPC channel; messages are
 * {@link ToWorld} and {@link FromWorld}. Exits when told to close or when the parent goes away.
 */
import { startFakeSlack } from '../../test/support/fake-slack.js';
import { directMessage, slackSignature } from '../../test/support/slack-requests.js';
import { type PlannedRequest, runOpenLoop } from '../lib/open-loop.js';
import type { FromWorld, LoadRequest, ToWorld } from './protocol.js';

/**
 * What each simulated user says, in turn: a request the router sends to the cancellation procedure (which asks for
 * the customer's e-mail address), then "stop". No backend call: the embedded sandbox backend would run inside the
 * bot's process, and its cost (it rewrites its whole state as one JSON document per request) is not the bot's.
 */
export const SCRIPT = ['ポータルの契約を解約したい', 'やめる'] as const;

function plan(load: LoadRequest): PlannedRequest[] {
  const total = Math.round(load.ratePerSecond * (load.durationMs / 1000));
  const timestamp = Math.floor(Date.now() / 1000);
  const requests: PlannedRequest[] = [];
  for (let i = 0; i < total; i++) {
    const userIndex = i % load.users;
    const user = `U${load.userPrefix}${String(userIndex).padStart(5, '0')}`;
    const text = SCRIPT[Math.floor(i / load.users) % SCRIPT.length] ?? SCRIPT[0];
    const message = directMessage(load.teamId, `D${user}`, user, text);
    requests.push({
      body: message.body,
      headers: {
        'content-type': message.contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(load.secret, timestamp, message.body),
      },
    });
  }
  return requests;
}

function send(message: FromWorld): void {
  process.send?.(message);
}

const slack = await startFakeSlack();
process.on('disconnect', () => {
  void slack.close().finally(() => process.exit(0));
});
process.on('message', (raw: unknown) => {
  const message = raw as ToWorld;
  switch (message.type) {
    case 'load': {
      const requests = plan(message);
      runOpenLoop({
        url: message.url,
        requests,
        ratePerSecond: message.ratePerSecond,
        timeoutMs: 10_000,
      }).then(
        (result) => send({ type: 'loaded', id: message.id, result }),
        (error: unknown) => send({ type: 'failed', id: message.id, error: String(error) }),
      );
      return;
    }
    case 'api-calls':
      send({
        type: 'api-calls',
        id: message.id,
        count: slack.calls.length,
        posted: slack.calls.filter((c) => c.method === 'chat.postMessage').length,
      });
      // The bench only needs counts; dropping the recorded bodies keeps memory flat across phases.
      slack.calls.length = 0;
      return;
    case 'close':
      void slack.close().finally(() => process.exit(0));
      return;
  }
});
send({ type: 'ready', apiUrl: slack.url });
