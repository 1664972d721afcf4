// Kysely table types of the office store: the field officer's hamlets, areas and visits (see schema.ts for the whole Database).
// Columns are snake_case in SQL and camelCase here (CamelCasePlugin). Money columns are integer đồng.
import type { DeclineReason, VisitOutcome } from '../../../shared/contract/field';
import type { HamletKind } from '../../../shared/domain/hamlets';

/** A commune's hamlet as the supervisor keeps it (migration 0026). */
export interface HamletsTable {
  id: string;
  communeCode: string;
  kind: HamletKind;
  name: string;
  /** kind|folded name: one hamlet per spelling in a commune (domain/hamlets.ts hamletKey). */
  nameKey: string;
  active: number;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
}

/** A field officer's area by username (migration 0026): JSON `[{communeCode, hamletIds}]`. */
export interface FieldAssignmentsTable {
  username: string;
  areas: string;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
}

/** A visit's outcome (migration 0026), to a person or a household; made here or pulled. */
export interface VisitsTable {
  id: string;
  participantId: string | null;
  householdId: string | null;
  outcome: VisitOutcome;
  promisedOn: string | null;
  declineReason: DeclineReason | null;
  note: string | null;
  /** JSON array of receipt ids ("paid"). */
  receiptIds: string;
  visitedOn: string;
  visitedAt: string;
  staffId: string | null;
  staffName: string;
  staffUsername: string | null;
  /** NULL: made on this device. */
  sourceDeviceId: string | null;
}

/** One row (id 1): `pulling` 1 while a pulled page is applied (migrations 0028, 0031). */
export interface FieldChangesTable {
  id: number;
  pulling: number;
}

/** A person's visit-list facts that do not depend on the day (migration 0031, visit-facts-repository.ts). */
export interface VisitFactsTable {
  communeCode: string;
  participantId: string;
  placedIn: string | null;
  /** The household's id, or the person's own for a person alone. */
  householdKey: string;
  /** The place in the household (999: none, or alone). */
  position: number;
  nameFolded: string;
  /** ' ' + the folded words a search runs over (name, address, hamlet, personal ID, phone). */
  search: string;
  closed: number;
  /** The last visit's promised date (the last visit a promise), or null. */
  promisedOn: string | null;
  covered: number;
  vsiOn: number;
  vsiNever: number;
  vsiNextFrom: string | null;
  vsiDeadline: string | null;
  hhiOn: number;
  hhiValidTo: string | null;
}

/** What was written since the visit facts were brought up to date (migration 0031). */
export interface VisitDirtyTable {
  kind: 'p' | 'h' | 'r' | 'c' | 'q' | 'all';
  key: string;
}

export interface FieldTables {
  fieldChanges: FieldChangesTable;
  visitFacts: VisitFactsTable;
  visitFactsBuilt: { communeCode: string };
  visitDirty: VisitDirtyTable;
  hamlets: HamletsTable;
  fieldAssignments: FieldAssignmentsTable;
  visits: VisitsTable;
}
