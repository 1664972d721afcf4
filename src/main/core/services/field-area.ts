// The officers' areas (issue 21 item 1): the supervisor gives each field officer communes, or some
// hamlets of them, by the username the officer signs in with on every device (staff accounts are
// per device); each change is an audited `field.assignment.set` operation the officer's laptop
// pulls. A field officer sees the visit list of their area only; a supervisor may look anywhere.
import { OfficeError } from '../../../shared/contract/errors';
import type { AreaPart, Assignment } from '../../../shared/contract/field';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { logMutation } from '../db/mutation-log';
import * as hamlets from '../db/repositories/hamlets-repository';
import { busiestCommune } from '../db/repositories/visit-list-repository';
import { findStaffById, listStaff, staffFullName } from '../db/repositories/staff-repository';
import { requireOfficeRow } from '../db/repositories/office-repository';
import { listCommunes } from '../db/repositories/reference-repository';
import type { Database, FieldAssignmentsTable } from '../db/schema';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;
import { listHamlets } from './hamlet-service';

function parseAreas(text: string): AreaPart[] {
  const parsed = JSON.parse(text) as AreaPart[];
  return Array.isArray(parsed) ? parsed : [];
}

/** Every officer's area, and the field officers of this device not yet given one. */
export async function listAssignments(ctx: CoreContext): Promise<{ items: Assignment[] }> {
  const staff = await listStaff(ctx.db);
  const names = new Map(staff.map((s) => [s.username, s.fullName]));
  const rows = await hamlets.listAssignments(ctx.db);
  const items: Assignment[] = rows.map((r) => ({
    username: r.username,
    fullName: names.get(r.username) ?? null,
    areas: parseAreas(r.areas),
    version: r.version,
    updatedAt: r.updatedAt,
    updatedByName: r.updatedByName,
  }));
  const assigned = new Set(rows.map((r) => r.username));
  for (const s of staff) {
    if (s.role === 'field' && s.active === 1 && !assigned.has(s.username)) {
      items.push({ username: s.username, fullName: s.fullName, areas: [], version: 0, updatedAt: null, updatedByName: null });
    }
  }
  return { items: items.sort((a, b) => a.username.localeCompare(b.username)) };
}

/** Sets an officer's whole area (supervisor), on the version the supervisor saw. */
export async function assignArea(
  ctx: CoreContext,
  caller: Caller,
  input: { username: string; areas: AreaPart[]; expectedVersion: number },
): Promise<Assignment> {
  const at = nowIso(ctx);
  const office = await requireOfficeRow(ctx.db);
  const provinceCommunes = new Set((await listCommunes(ctx.db, office.provinceCode)).map((c) => c.code));
  const seen = new Set<string>();
  for (const part of input.areas) {
    if (!provinceCommunes.has(part.communeCode)) {
      throw new OfficeError('VALIDATION', {
        field: 'areas',
        vi: `Xã/phường ${part.communeCode} không thuộc tỉnh của văn phòng.`,
        en: `Commune ${part.communeCode} is not in the office's province.`,
      });
    }
    if (seen.has(part.communeCode)) {
      throw new OfficeError('VALIDATION', { field: 'areas', vi: 'Mỗi xã/phường chỉ ghi một lần trong địa bàn.', en: 'Each commune appears once in an area.' });
    }
    seen.add(part.communeCode);
  }
  return ctx.db.transaction().execute(async (trx) => {
    for (const part of input.areas) {
      for (const id of part.hamletIds) {
        const h = await hamlets.findHamlet(trx, id);
        if (!h || h.communeCode !== part.communeCode) {
          throw new OfficeError('VALIDATION', {
            field: 'areas',
            vi: 'Một thôn đã chọn không thuộc xã/phường của nó trong địa bàn.',
            en: 'A chosen hamlet is not in its commune.',
          });
        }
      }
    }
    const current = await hamlets.findAssignment(trx, input.username);
    if ((current?.version ?? 0) !== input.expectedVersion) {
      throw new OfficeError('CONFLICT', {
        vi: 'Địa bàn của cán bộ này vừa được sửa ở nơi khác; mở lại rồi sửa.',
        en: "This officer's area was changed elsewhere; reload and edit again.",
        details: { currentVersion: current?.version ?? 0 },
      });
    }
    const row: FieldAssignmentsTable = {
      username: input.username,
      areas: JSON.stringify(input.areas.map((p) => ({ communeCode: p.communeCode, hamletIds: [...new Set(p.hamletIds)] }))),
      version: (current?.version ?? 0) + 1,
      updatedAt: at,
      updatedByName: caller.staffId ? ((await staffFullName(trx, caller.staffId)) ?? null) : null,
    };
    await hamlets.putAssignment(trx, row);
    const areas = parseAreas(row.areas);
    await logMutation(trx, { at, staffId: caller.staffId, operation: { kind: 'field.assignment.set', payload: { ...row, areas } } });
    const staff = (await listStaff(trx)).find((s) => s.username === row.username);
    return { username: row.username, fullName: staff?.fullName ?? null, areas, version: row.version, updatedAt: at, updatedByName: row.updatedByName };
  });
}

/** What a caller may see: null = anywhere (supervisor); else their assigned communes and hamlets. */
export async function areaOf(db: Db, caller: Caller): Promise<AreaPart[] | null> {
  if (caller.role === 'supervisor') return null;
  if (caller.role !== 'field' || !caller.staffId) return [];
  const me = await findStaffById(db, caller.staffId);
  const row = me ? await hamlets.findAssignment(db, me.username) : undefined;
  return row ? parseAreas(row.areas) : [];
}

/** The caller's area with names and hamlets (the visit list's pickers). */
export async function myArea(ctx: CoreContext, caller: Caller) {
  const office = await requireOfficeRow(ctx.db);
  const names = new Map((await listCommunes(ctx.db, office.provinceCode)).map((c) => [c.code, c.name]));
  const area = await areaOf(ctx.db, caller);
  // A supervisor's pickers start with the communes any officer was given.
  let parts = area ?? (await hamlets.listAssignments(ctx.db)).flatMap((r) => parseAreas(r.areas).map((p) => ({ communeCode: p.communeCode, hamletIds: [] })));
  // No officer given an area yet: the supervisor starts on the commune most of the office's people live in.
  if (area === null && parts.length === 0) {
    const busiest = await busiestCommune(ctx.db, office.provinceCode);
    if (busiest) parts = [{ communeCode: busiest, hamletIds: [] }];
  }
  const communes = [];
  for (const code of [...new Set(parts.map((p) => p.communeCode))]) {
    const wanted = new Set(parts.filter((p) => p.communeCode === code).flatMap((p) => p.hamletIds));
    const all = (await listHamlets(ctx, { communeCode: code })).items;
    communes.push({
      code,
      name: names.get(code) ?? code,
      wholeCommune: wanted.size === 0,
      hamlets: wanted.size === 0 ? all : all.filter((h) => wanted.has(h.id)),
    });
  }
  return { all: area === null, communes: communes.sort((a, b) => a.name.localeCompare(b.name, 'vi')) };
}
