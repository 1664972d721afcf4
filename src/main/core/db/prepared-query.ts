// A Kysely query built and compiled once, then run with new values: for the few statements on a
// clerk's write path (session check, registration, payment), where building the query's node
// tree, running the camel-case plugin over it and compiling it to SQL cost more than SQLite's
// own work on a point lookup or a one-row insert (measured: Kysely's share of a registration was
// about 0.9 ms of 2.3 ms at a million people). Results still pass through the plugins, so rows
// come back camel-cased and typed as the builder says; the statement runs on whatever connection
// or transaction it is given.
import type { Compilable, CompiledQuery, Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Stands in for a named argument while the query is built; never reaches the database. */
class Slot {
  constructor(readonly name: string) {}
}

type Part = { slot: string } | { value: unknown };

/** Returns the stand-in for argument `name`, typed as its value so the builder accepts it. */
export type ArgOf<A> = <K extends keyof A & string>(name: K) => A[K];

export interface PreparedQuery<A, R> {
  /** All rows. */
  execute(db: Db, args: A): Promise<R[]>;
  /** The first row, or undefined. */
  executeTakeFirst(db: Db, args: A): Promise<R | undefined>;
}

/**
 * What the builder's own `execute` would return: the declared row type `R` of a prepared query is
 * checked against it, so a row type that does not match the builder's selection fails to compile.
 */
type RowsOf<R> = { execute(): Promise<R[]> };

/**
 * `build` receives a query builder and `arg(name)`; each `arg` becomes one bound parameter. The
 * query's shape must not depend on the values (no `in` lists whose length varies: build those per
 * call). Compiled on first use, with the dialect and plugins of the database it first runs on.
 */
export function preparedQuery<A extends object, R>(build: (db: Db, arg: ArgOf<A>) => Compilable<unknown> & RowsOf<R>): PreparedQuery<A, R> {
  let compiled: { query: CompiledQuery; parts: Part[] } | null = null;
  const compile = (db: Db) => {
    const query = build(db, ((name: string) => new Slot(name)) as ArgOf<A>).compile();
    const parts = query.parameters.map((p): Part => (p instanceof Slot ? { slot: p.name } : { value: p }));
    return { query, parts };
  };
  const execute = async (db: Db, args: A): Promise<R[]> => {
    compiled ??= compile(db);
    const parameters = compiled.parts.map((part) => ('slot' in part ? ((args as Record<string, unknown>)[part.slot] ?? null) : part.value));
    const result = await db.executeQuery<R>({ ...compiled.query, parameters });
    return result.rows;
  };
  return {
    execute,
    async executeTakeFirst(db, args) {
      return (await execute(db, args))[0];
    },
  };
}

/**
 * A prepared one-row insert that binds every column `columns` names. Typed as
 * `Record<keyof Row, true>`, the list cannot leave a column out (a column added to the row type and
 * not here fails the type check instead of being silently dropped), and the row must be insertable
 * into the table.
 */
export function preparedInsert<T extends keyof Database & string, Row extends Insertable<Database[T]>>(
  table: T,
  columns: Record<keyof Row & string, true>,
): PreparedQuery<Row, unknown> {
  const names = Object.keys(columns) as (keyof Row & string)[];
  return preparedQuery<Row, unknown>((db, arg) =>
    (db as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto(table).values(Object.fromEntries(names.map((c) => [c, arg(c)]))),
  );
}
