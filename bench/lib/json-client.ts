/** A minimal keep-alive JSON POST client on `node:http` (no fetch overhead in the load driver). */
import { Agent, request } from 'node:http';

export interface JsonClient {
  post<T>(path: string, body: unknown): Promise<T>;
  close(): void;
}

export function jsonClient(baseUrl: string, timeoutMs = 30_000): JsonClient {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  return {
    post<T>(path: string, body: unknown): Promise<T> {
      const payload = JSON.stringify(body);
      return new Promise<T>((resolve, reject) => {
        const req = request(
          {
            agent,
            method: 'POST',
            host: base.hostname,
            port: base.port,
            path,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              if ((res.statusCode ?? 0) >= 300)
                reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
              else resolve(JSON.parse(text) as T);
            });
            res.on('error', reject);
          },
        );
        req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
        req.on('error', reject);
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}
