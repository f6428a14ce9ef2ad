/**
 * Connects the bot to its backend: `BACKEND_URL` when set, otherwise the reference sandbox started in-process
 * on 127.0.0.1 (the embedded default). Returns the engine's operation registry.
 */
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { OperationRegistry } from '../engine/operations.js';
import { withIdentityCredentials } from '../identity/credentials.js';
import type { OutboxMail } from '../sandbox/api/route.js';
import { createSandbox } from '../sandbox/server.js';
import { type BackendCallObserver, createBackendClient, createOperationRegistry } from './client/index.js';
import { loadOperationCatalog } from './operation-metadata.js';

export interface BackendConnection {
  operations: OperationRegistry;
  url: string;
  /** True when the sandbox runs in this process. */
  embedded: boolean;
  close(): Promise<void>;
}

export interface ConnectOptions {
  clock: Clock;
  /** Where the embedded sandbox "sends" one-time codes (demo: printed; tests: read). */
  onMail?: (mail: OutboxMail) => void;
  /** Embedded sandbox storage: the SQLite file from config, or memory for tests. */
  sandboxStore?: 'memory' | 'file';
  /** Told of every backend call's status and outcome (metrics). */
  onBackendCall?: BackendCallObserver;
}

export async function connectBackend(config: Config, options: ConnectOptions): Promise<BackendConnection> {
  let url = config.BACKEND_URL;
  let close = async () => {};
  if (!url) {
    const sandbox = await createSandbox({
      store: options.sandboxStore === 'memory' ? 'memory' : { sqlitePath: config.SANDBOX_PATH },
      clock: options.clock,
      seed: true,
      // The support site's secret, shared with the web chat: site assertions are exchanged for customer tokens.
      siteTokenSecret: config.WEB_TOKEN_SECRET,
      siteTokenAudience: config.WEB_TOKEN_AUDIENCE,
      ...(options.onMail ? { onMail: options.onMail } : {}),
    });
    url = (await sandbox.listen(config.SANDBOX_PORT, '127.0.0.1')).url;
    close = () => sandbox.close();
  }
  const client = createBackendClient({ baseUrl: url, timeoutMs: config.BACKEND_TIMEOUT_MS });
  const registry = createOperationRegistry(
    client,
    loadOperationCatalog(),
    undefined,
    undefined,
    options.onBackendCall,
  );
  const operations = withIdentityCredentials(registry);
  return { operations, url, embedded: !config.BACKEND_URL, close };
}
