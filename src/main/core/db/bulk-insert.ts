// Many rows in few statements, for the office picture's pages (thousands of pulled rows each): the
// multi-row INSERT text is built once per table and row count and run as a raw compiled query, so
// the store's statement cache prepares it once (open-database.ts) and no query builder walks
// thousands of values per statement. Rows are arrays in the column order given. SQLite binds at
// most 32 766 values per statement; chunks stay far below that.
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

const ROWS_PER_STATEMENT = 100;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export interface BulkInsert<Row> {
  /** Inserts the rows (`INSERT OR IGNORE` when made with `ignoreExisting`, `INSERT OR REPLACE` with 'replace'). */
  run(db: Db, rows: readonly Row[]): Promise<void>;
}

/**
 * An inserter for `table` (snake_case) and these camelCase columns; `toValues` gives a row's values
 * in that order. `ignoreExisting`: a row whose key is already there is skipped (a page applied again);
 * 'replace': it is replaced (the last word stands).
 */
export function bulkInsert<Row>(
  table: string,
  columns: readonly string[],
  toValues: (row: Row) => unknown[],
  ignoreExisting: boolean | 'replace' = false,
): BulkInsert<Row> {
  const head = `INSERT ${ignoreExisting === 'replace' ? 'OR REPLACE ' : ignoreExisting ? 'OR IGNORE ' : ''}INTO ${table} (${columns.map(snake).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const texts = new Map<number, string>();
  const textFor = (n: number) => texts.get(n) ?? texts.set(n, head + Array.from({ length: n }, () => tuple).join(', ')).get(n)!;
  return {
    async run(db, rows) {
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
        const parameters: unknown[] = [];
        for (const row of chunk) for (const value of toValues(row)) parameters.push(value === undefined ? null : value);
        await db.executeQuery(CompiledQuery.raw(textFor(chunk.length), parameters));
      }
    },
  };
}
