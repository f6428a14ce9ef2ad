/**
 * A Server-Sent Events client for tests, as a browser's EventSource reads a stream: `id:` and `data:` fields,
 * comments (`: …`) counted as heartbeats, events dispatched at a blank line. Bounded waits only.
 */
export interface SseEvent {
  id: string | undefined;
  data: string;
}

export interface SseStream {
  status: number;
  headers: Headers;
  events: SseEvent[];
  comments: number;
  /** Resolves once the server ended the stream. */
  ended: Promise<void>;
  /** Waits (bounded) until `count` events have arrived; returns them all. */
  waitFor(count: number, timeoutMs?: number): Promise<SseEvent[]>;
  /** Waits (bounded) until at least `count` comments (heartbeats) have arrived. */
  waitForComments(count: number, timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const events: SseEvent[] = [];
  const stream: SseStream = {
    status: response.status,
    headers: response.headers,
    events,
    comments: 0,
    ended: Promise.resolve(),
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (Date.now() > deadline)
          throw new Error(`${events.length} of ${count} events within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return events;
    },
    async waitForComments(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (stream.comments < count) {
        if (Date.now() > deadline) throw new Error(`no ${count} heartbeats within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => abort.abort(),
  };
  if (!response.body || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    await response.text().catch(() => '');
    return stream;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  stream.ended = (async () => {
    let buffer = '';
    let id: string | undefined;
    let data: string[] = [];
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
          const line = buffer.slice(0, at);
          buffer = buffer.slice(at + 1);
          if (line === '') {
            if (data.length > 0) events.push({ id, data: data.join('\n') });
            id = undefined;
            data = [];
          } else if (line.startsWith(':')) stream.comments += 1;
          else if (line.startsWith('id: ')) id = line.slice(4);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
      }
    } catch {
      // Aborted by `close`, or the connection dropped: the stream has ended.
    }
  })();
  return stream;
}
