/** The typed backend client and its adapter to the engine's operation registry. */
export { actingAsMiddleware } from './acting-as-middleware.js';
export { authMiddleware, type CredentialProvider, conversationCredentials } from './auth-middleware.js';
export { type CallContext, CREDENTIAL_NAMES } from './call-context.js';
export {
  type ContractVerdict,
  compileResponseContract,
  type ResponseContract,
  responseContract,
} from './contract.js';
export {
  type BackendClient,
  type BackendClientOptions,
  createBackendClient,
} from './create-backend-client.js';
export {
  type BackendError,
  type BackendErrorKind,
  errorFromResponse,
  errorFromThrown,
  MISUSE_PROBLEM_CODES,
  type Problem,
  problemSchema,
} from './errors.js';
export { AUTHORIZATION_HEADER, IDEMPOTENCY_KEY_HEADER, ON_BEHALF_OF_HEADER } from './headers.js';
export { type BackendLogger, redactPath, silentLogger } from './logger.js';
export { type BackendApi, OPERATION_BINDINGS, type OperationBinding } from './operation-bindings.js';
export {
  type BackendCallObserver,
  createOperationRegistry,
  type RoutedOperationCatalog,
} from './operation-registry.js';
export {
  createResilientFetch,
  DEFAULT_TIMEOUT_MS,
  type FetchLike,
  type ResilientFetchOptions,
  type Sleep,
} from './resilient-fetch.js';
export {
  type BackendResult,
  type FetchResultLike,
  outcomeFromError,
  type ResponseCheck,
  settle,
  settleChecked,
  toOperationOutcome,
} from './result.js';
export { DEFAULT_RETRY_OPTIONS, type RetryOptions } from './retry-policy.js';
export { TransportError, type TransportFailure } from './transport-error.js';
