// A list of values as one bound parameter that SQLite reads as a table (`json_each`), for
// `… IN ${jsonList(ids)}`: one statement text whatever the list's length — prepared once and kept
// (open-database.ts) — where `IN (?, ?, …)` makes a statement per length and binds each value (a
// pulled page asks about thousands of ids).
import { type RawBuilder, sql } from 'kysely';

export const jsonList = (values: readonly unknown[]): RawBuilder<unknown> => sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`;
