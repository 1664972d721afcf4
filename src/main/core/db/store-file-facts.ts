// What a store file says about itself, read on a connection of its own before it becomes the
// office's store (a copy being opened, the store a restored copy would replace): the migrations
// that wrote it, the mark a copy carries, whether an office was set up in it. SQL only; the restore
// service decides.
import type Sqlite from 'better-sqlite3-multiple-ciphers';

/** The names of the migrations the file's store went through. */
export function appliedMigrations(store: Sqlite.Database): string[] {
  return store.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all() as string[];
}

/** The office the file holds, with when it was copied (null in a store that is not a copy). */
export function officeOfFile(store: Sqlite.Database): { code: string; name: string; takenAt: string | null } | undefined {
  return store.prepare('SELECT code, name, copy_taken_at AS takenAt FROM office').get() as { code: string; name: string; takenAt: string | null } | undefined;
}

/** Whether an office was set up in the file's store. */
export function hasOffice(store: Sqlite.Database): boolean {
  const hasTable = store.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'office'`).get();
  return Boolean(hasTable) && (store.prepare('SELECT count(*) FROM office').pluck().get() as number) > 0;
}
