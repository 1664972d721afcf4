// Builds the office core from a data folder: opens (and migrates) the store, loads shipped
// reference data, and returns the one `invoke` that IPC and the loopback harness both serve.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Clock, systemClock } from './clock';
import type { CoreContext } from './core-context';
import { createDispatcher, type Invoke } from './dispatcher';
import { openDatabase, type OfficeDatabase } from './db/open-database';
import { loadAdminUnits } from './db/repositories/reference-repository';
import { handlers } from './handlers';
import { SessionRegistry } from './services/session-registry';

export interface OfficeCoreOptions {
  dataDir: string;
  resourcesDir: string;
  clock?: Clock;
  log?: (error: unknown) => void;
}

export interface OfficeCore {
  invoke: Invoke;
  context: CoreContext;
  database: OfficeDatabase;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'field-office.sqlite';

export async function createOfficeCore(options: OfficeCoreOptions): Promise<OfficeCore> {
  mkdirSync(options.dataDir, { recursive: true });
  const database = await openDatabase(join(options.dataDir, DATABASE_FILE));
  const clock = options.clock ?? systemClock;
  await loadAdminUnits(database.db, join(options.resourcesDir, 'reference', 'admin-units.json'), clock.now().toISOString());
  const context: CoreContext = { db: database.db, clock, sessions: new SessionRegistry(), resourcesDir: options.resourcesDir };
  return {
    invoke: createDispatcher(context, handlers, options.log),
    context,
    database,
    close: () => database.close(),
  };
}
