/**
 * The two SQL dialects the analytics run on, behind one small statement builder: `at` is ISO-8601 text in SQLite
 * and `timestamptz` in PostgreSQL; a summary `day` is `YYYY-MM-DD` text in SQLite and a `date` in PostgreSQL.
 * Parameters are appended in the order they appear in the statement text (SQLite's `?` is positional), so a
 * statement is always built front to back.
 */
export type Dialect = 'sqlite' | 'postgres';

export type SqlParam = string | number;

export class Statement {
  readonly params: SqlParam[] = [];
  constructor(readonly dialect: Dialect) {}

  /** A placeholder for `value`, appended to the parameters. */
  param(value: SqlParam): string {
    this.params.push(value);
    return this.dialect === 'sqlite' ? '?' : `$${this.params.length}`;
  }

  /** An instant as a comparable value of the `at` column's type. */
  instant(value: Date): string {
    const placeholder = this.param(value.toISOString());
    return this.dialect === 'sqlite' ? placeholder : `${placeholder}::timestamptz`;
  }

  /** An Asia/Tokyo day (`yyyy-mm-dd`) as a comparable value of a summary's `day` column. */
  day(value: string): string {
    const placeholder = this.param(value);
    return this.dialect === 'sqlite' ? placeholder : `${placeholder}::date`;
  }

  /** A summary `day` value as `YYYY-MM-DD` text (formatting once per day, not once per row). */
  dayText(expression: string): string {
    return this.dialect === 'sqlite' ? expression : `to_char(${expression}, 'YYYY-MM-DD')`;
  }
}
