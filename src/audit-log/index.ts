/**
 * The append-only audit log: disclosures shown, acknowledgements and actions (who, for whom, when, what,
 * result), derived from the engine's events, kept in memory, SQLite or PostgreSQL, with retention.
 */
export {
  type AuditTrail,
  createAuditTrail,
  createEntryDeriver,
  type DeriveOptions,
  declinedQuestion,
  handoffEntry,
} from './derive.js';
export {
  AUDIT_KINDS,
  type AuditEntry,
  AuditEntrySchema,
  type AuditKind,
  conversationDigest,
} from './entry.js';
export type { AuditLog, AuditQuery } from './log.js';
export { createMemoryAuditLog } from './memory.js';
export { auditSqlitePath, describeAuditLog, openAuditLog } from './open.js';
export {
  type AuditOutbox,
  type AuditOutboxOptions,
  createAuditOutbox,
  DEFAULT_OUTBOX_TTL_MS,
  type OutboxRecord,
} from './outbox.js';
export { createPostgresAuditLog, redactDatabaseUrl } from './postgres.js';
export { type Retention, retentionCutoff, startRetention } from './retention.js';
export { userTextFacts } from './scrub.js';
export { createSqliteAuditLog } from './sqlite.js';
