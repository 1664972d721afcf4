// Staff are made on an office's device and known to the central only through that device's audit
// chain: `staff.create` names the new member (its entity) and `office.setup` the supervisor (its
// staff). A finding names staff by id; the console shows the name instead. Offices before the full
// name was audited give the sign-in name; a member no pushed entry names stays null (the console
// then shows the id). Details are the canonical JSON the office hashed, read only for these fields.
import type { Kysely } from 'kysely';
import type { CentralDb } from '../db/schema';

const textOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** Each id's name (its full name, else its sign-in name), for the ids the audit entries name. */
export async function staffNames(db: Kysely<CentralDb>, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return names;
  const rows = await db
    .selectFrom('auditEntries')
    .select(['action', 'staffId', 'entityId', 'details'])
    .where((eb) =>
      eb.or([
        eb.and([eb('action', '=', 'staff.create'), eb('entityId', 'in', wanted)]),
        eb.and([eb('action', '=', 'office.setup'), eb('staffId', 'in', wanted)]),
      ]),
    )
    .orderBy('receivedAt')
    .execute();
  for (const row of rows) {
    const id = row.action === 'staff.create' ? row.entityId : row.staffId;
    if (!id) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.details);
    } catch {
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null) continue;
    const details = parsed as Record<string, unknown>;
    const name =
      row.action === 'staff.create' ? (textOf(details.fullName) ?? textOf(details.username)) : (textOf(details.supervisorName) ?? textOf(details.supervisor));
    if (name) names.set(id, name);
  }
  return names;
}
