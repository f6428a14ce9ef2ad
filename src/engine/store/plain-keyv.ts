import { Keyv, type KeyvStoreAdapter } from 'keyv';

/**
 * A `Keyv` configured the way every store here needs it:
 * - plain `JSON.stringify`/`JSON.parse` (values are JSON; keyv's default serializer rewrites strings that
 *   start with `:`, which SQL `json_extract` and Lua `cjson` would then see escaped);
 * - no namespace and `useKeyPrefix: false`: callers pass full keys built by `storageKey`, so keyv and the
 *   compare-and-set statements address exactly the same backend key;
 * - `throwOnErrors: true`: a backend failure must surface as an error, never read as "absent".
 */
export function createPlainKeyv<V>(store: KeyvStoreAdapter | Map<string, unknown>): Keyv<V> {
  const keyv = new Keyv<V>({
    store,
    namespace: undefined,
    useKeyPrefix: false,
    throwOnErrors: true,
    serialize: JSON.stringify,
    deserialize: JSON.parse,
  });
  // The constructor defaults the namespace to "keyv" unless told otherwise; make sure adapters that prefix
  // keys themselves (e.g. @keyv/redis) see none.
  keyv.namespace = undefined;
  return keyv;
}
