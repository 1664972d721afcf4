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

/** One row (id 1): raised by a trigger on every write the visit list depends on (migration 0028). */
export interface FieldChangesTable {
  id: number;
  n: number;
}

export interface FieldTables {
  fieldChanges: FieldChangesTable;
  hamlets: HamletsTable;
  fieldAssignments: FieldAssignmentsTable;
  visits: VisitsTable;
}
