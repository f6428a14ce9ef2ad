/** Where versioned (compare-and-set) records live, from the configuration: `STORE` and its path or URL. */
import type { Config } from '../config.js';
import type { StoreBackend } from '../engine/store/index.js';

export function storeBackendFor(config: Pick<Config, 'STORE' | 'SQLITE_PATH' | 'REDIS_URL'>): StoreBackend {
  if (config.STORE === 'memory') return { kind: 'memory' };
  if (config.STORE === 'redis') return { kind: 'redis', url: config.REDIS_URL ?? '' };
  return { kind: 'sqlite', path: config.SQLITE_PATH };
}
