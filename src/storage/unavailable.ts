/**
 * A store the request needs (web sessions, their transcripts) did not answer. The HTTP dispatcher answers it with
 * 503 and `Retry-After`, never by pretending the record is absent: a session is never replaced, nor a cookie
 * re-issued, because the store that holds it is down.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';

  constructor(what: string, options?: { cause?: unknown }) {
    super(`The ${what} store is unavailable.`, options);
  }
}

/** Seconds a client is asked to wait before retrying after a {@link StorageUnavailableError}. */
export const STORAGE_RETRY_AFTER_S = 5;

/** `work`'s result, or a {@link StorageUnavailableError} naming `what` when the store failed. */
export async function orUnavailable<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof StorageUnavailableError
      ? error
      : new StorageUnavailableError(what, { cause: error });
  }
}
