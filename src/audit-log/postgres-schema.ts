/**
 * The PostgreSQL tables, triggers and functions of the audit log: migration 1 of `postgres-migrations.ts`, applied
 * by `npm run db:migrate` (an owner role) under an advisory lock, never by the bot.
 *
 * Append-only, enforced by the database for every role, the owner and superusers included:
 * - `BEFORE UPDATE` and `BEFORE TRUNCATE` triggers always raise;
 * - the `BEFORE DELETE` trigger raises unless the row is older than a cutoff in the purge-flag table
 *   (`<table>_purge`), which only the purge function `<table>_purge_older_than(cutoff)` writes, inside its own
 *   transaction, removing it again before it returns: no other session ever sees a flag (it is never committed).
 * Both functions are `SECURITY DEFINER` with a fixed `search_path`. `EXECUTE` on the purge function and every
 * privilege on the flag table are revoked from `PUBLIC`, so in a deployment where the bot's role is not the
 * owner (recommended: grant it only `INSERT, SELECT` on the table, `USAGE` on its sequence and `EXECUTE` on the
 * purge function) it cannot forge a flag or change history at all. A role that owns the table can still drop
 * triggers: the database protects against mistakes and against the application, not against its owner.
 */
import { escapeIdentifier } from 'pg';
import type { PgSummaryNames } from './summary.js';

/** Quoted SQL names: schema-qualified for tables and functions, bare for indexes and triggers. */
export interface PgNames {
  schema: string;
  /** `"schema"."table"` */
  table: string;
  flag: string;
  guard: string;
  truncateGuard: string;
  purge: string;
  indexAt: string;
  indexCustomer: string;
  /** `(kind, at)`: migration 2, for the dashboard's queries. */
  indexKindAt: string;
  appendOnlyTrigger: string;
  truncateTrigger: string;
  /** `<table>_schema_version`: one row per applied migration. */
  versionTable: string;
  /** The advisory lock taken while the objects are created. */
  lockKey: string;
  /** The analytics summary (migration 3, `summary.ts`). */
  summary: PgSummaryNames;
}

export function pgNames(schema: string, table: string): PgNames {
  const s = escapeIdentifier(schema);
  const q = (name: string) => `${s}.${escapeIdentifier(name)}`;
  return {
    schema: s,
    table: q(table),
    flag: q(`${table}_purge`),
    guard: q(`${table}_guard`),
    truncateGuard: q(`${table}_truncate_guard`),
    purge: q(`${table}_purge_older_than`),
    indexAt: escapeIdentifier(`${table}_at`),
    indexCustomer: escapeIdentifier(`${table}_customer_at`),
    indexKindAt: escapeIdentifier(`${table}_kind_at`),
    appendOnlyTrigger: escapeIdentifier(`${table}_append_only`),
    truncateTrigger: escapeIdentifier(`${table}_no_truncate`),
    versionTable: q(`${table}_schema_version`),
    lockKey: `audit-log:${schema}.${table}`,
    summary: {
      facts: q(`${table}_facts`),
      factsKindAt: escapeIdentifier(`${table}_facts_kind_at`),
      factsConversation: escapeIdentifier(`${table}_facts_conversation`),
      runs: q(`${table}_runs`),
      daily: q(`${table}_daily`),
      dailyKey: escapeIdentifier(`${table}_daily_key`),
      add: q(`${table}_summary_add`),
      remove: q(`${table}_summary_remove`),
      addTrigger: escapeIdentifier(`${table}_summary_add`),
      removeTrigger: escapeIdentifier(`${table}_summary_remove`),
    },
  };
}

/** The statements that create or update the schema objects; run in one transaction after the advisory lock. */
export function schemaStatements(n: PgNames): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${n.table} (
      seq bigserial PRIMARY KEY,
      at timestamptz NOT NULL, kind text NOT NULL, actor_kind text NOT NULL, actor_id text NOT NULL,
      customer_id text, channel text NOT NULL, conversation text NOT NULL, dialog_id text NOT NULL,
      what jsonb NOT NULL, result text NOT NULL, result_code text, receipt_id text)`,
    `CREATE INDEX IF NOT EXISTS ${n.indexAt} ON ${n.table} (at)`,
    `CREATE INDEX IF NOT EXISTS ${n.indexCustomer} ON ${n.table} (customer_id, at)`,
    `CREATE TABLE IF NOT EXISTS ${n.flag} (cutoff timestamptz NOT NULL)`,
    `REVOKE ALL ON ${n.flag} FROM PUBLIC`,
    `CREATE OR REPLACE FUNCTION ${n.guard}() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
      BEGIN
        IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM ${n.flag} f WHERE OLD.at < f.cutoff) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION '% is append-only: % refused (rows are removed only by the retention purge)',
          TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $fn$`,
    `CREATE OR REPLACE FUNCTION ${n.truncateGuard}() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
      BEGIN
        RAISE EXCEPTION '% is append-only: TRUNCATE refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $fn$`,
    `CREATE OR REPLACE TRIGGER ${n.appendOnlyTrigger} BEFORE UPDATE OR DELETE ON ${n.table}
      FOR EACH ROW EXECUTE FUNCTION ${n.guard}()`,
    `CREATE OR REPLACE TRIGGER ${n.truncateTrigger} BEFORE TRUNCATE ON ${n.table}
      FOR EACH STATEMENT EXECUTE FUNCTION ${n.truncateGuard}()`,
    `CREATE OR REPLACE FUNCTION ${n.purge}(cutoff timestamptz) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
      DECLARE removed bigint;
      BEGIN
        INSERT INTO ${n.flag} (cutoff) VALUES (cutoff);
        DELETE FROM ${n.table} WHERE at < cutoff;
        GET DIAGNOSTICS removed = ROW_COUNT;
        DELETE FROM ${n.flag};
        RETURN removed;
      END $fn$`,
    `REVOKE EXECUTE ON FUNCTION ${n.purge}(timestamptz) FROM PUBLIC`,
  ];
}
