// A commune's hamlets (issue 21 item 1, ADR 0029): listed with how many people each holds, learned
// from the address lines the office already has, made and edited by the supervisor (each change an
// audited `hamlet.set` operation the office's other devices pull). A person's hamlet is the one on
// their record or, failing that, the one their address names (domain/hamlets.ts), so a learned
// list places the commune's people at once without rewriting their records.
import { uuidv7 } from 'uuidv7';
import { OfficeError } from '../../../shared/contract/errors';
import type { Hamlet } from '../../../shared/contract/field';
import { HamletMatcher, type HamletKind, hamletKey, hamletLabel, learnHamlets } from '../../../shared/domain/hamlets';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { logMutation } from '../db/mutation-log';
import * as hamlets from '../db/repositories/hamlets-repository';
import { staffFullName } from '../db/repositories/staff-repository';
import type { Database, HamletsTable } from '../db/schema';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export function toHamlet(row: HamletsTable, people = 0): Hamlet {
  return {
    id: row.id,
    communeCode: row.communeCode,
    kind: row.kind,
    name: row.name,
    label: hamletLabel(row),
    active: row.active === 1,
    version: row.version,
    people,
  };
}

/** A hamlet chosen on a record must be one of the record's commune (active or not: old records keep theirs). */
export async function requireHamletOfCommune(db: Db, hamletId: string | null, communeCode: string): Promise<void> {
  if (hamletId === null) return;
  const row = await hamlets.findHamlet(db, hamletId);
  if (!row || row.communeCode !== communeCode) {
    throw new OfficeError('VALIDATION', {
      field: 'hamletId',
      vi: 'Thôn/ấp/bản đã chọn không thuộc xã/phường của địa chỉ; chọn lại.',
      en: 'The chosen hamlet is not in the address’s commune; choose again.',
    });
  }
}

/** The commune's hamlets with the people each holds. */
export async function listHamlets(ctx: CoreContext, input: { communeCode: string; includeInactive?: boolean | undefined }): Promise<{ items: Hamlet[] }> {
  const rows = await hamlets.hamletsOfCommunes(ctx.db, [input.communeCode]);
  const matcher = new HamletMatcher(rows);
  const counts = new Map<string, number>();
  for (const person of await hamlets.addressesOfCommune(ctx.db, input.communeCode)) {
    const id = matcher.hamletOf(person);
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const items = rows.filter((r) => input.includeInactive || r.active === 1).map((r) => toHamlet(r, counts.get(r.id) ?? 0));
  return { items: items.sort((a, b) => a.label.localeCompare(b.label, 'vi', { numeric: true })) };
}

/** What the commune's addresses name, with the list's hamlet each already is (if any). */
export async function learnCommuneHamlets(ctx: CoreContext, communeCode: string) {
  const people = await hamlets.addressesOfCommune(ctx.db, communeCode);
  const known = new Map((await hamlets.hamletsOfCommunes(ctx.db, [communeCode])).map((h) => [h.nameKey, h.id]));
  const items = learnHamlets(people.map((p) => p.addressLine)).map((h) => ({
    kind: h.kind,
    name: h.name,
    label: hamletLabel(h),
    people: h.people,
    knownId: known.get(h.key) ?? null,
  }));
  return { communeCode, addresses: people.length, items };
}

export interface SaveHamlet {
  id?: string | undefined;
  expectedVersion?: number | undefined;
  communeCode: string;
  kind: HamletKind;
  name: string;
  active: boolean;
}

/** Makes or changes a hamlet (supervisor): one per kind and name in a commune, edits on the version seen. */
export async function saveHamlet(ctx: CoreContext, caller: Caller, input: SaveHamlet): Promise<Hamlet> {
  const at = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const current = input.id ? await hamlets.findHamlet(trx, input.id) : undefined;
    if (input.id && !current) throw new OfficeError('NOT_FOUND', { field: 'id', vi: 'Không tìm thấy thôn/ấp/bản này.', en: 'Hamlet not found.' });
    if (current && current.communeCode !== input.communeCode) {
      throw new OfficeError('VALIDATION', {
        field: 'communeCode',
        vi: 'Không chuyển thôn sang xã khác; tạo thôn mới ở xã đó.',
        en: 'A hamlet stays in its commune; make a new one there.',
      });
    }
    if (current && input.expectedVersion !== current.version) {
      throw new OfficeError('CONFLICT', {
        vi: 'Thôn này vừa được sửa ở nơi khác; mở lại danh sách rồi sửa.',
        en: 'This hamlet was changed elsewhere; reload the list and edit again.',
        details: { currentVersion: current.version },
      });
    }
    const nameKey = hamletKey(input.kind, input.name);
    const same = await hamlets.findHamletByKey(trx, input.communeCode, nameKey);
    if (same && same.id !== current?.id) {
      throw new OfficeError('CONFLICT', {
        field: 'name',
        vi: `${hamletLabel(same)} đã có trong danh sách của xã.`,
        en: `${hamletLabel(same)} is already on the commune’s list.`,
        details: { hamletId: same.id },
      });
    }
    const row: HamletsTable = {
      id: current?.id ?? uuidv7(),
      communeCode: input.communeCode,
      kind: input.kind,
      name: input.name,
      nameKey,
      active: input.active ? 1 : 0,
      version: (current?.version ?? 0) + 1,
      updatedAt: at,
      updatedByName: caller.staffId ? ((await staffFullName(trx, caller.staffId)) ?? null) : null,
    };
    await hamlets.putHamlet(trx, row);
    const { nameKey: _key, active, ...rest } = row;
    await logMutation(trx, { at, staffId: caller.staffId, operation: { kind: 'hamlet.set', payload: { ...rest, active: active === 1 } } });
    return toHamlet(row);
  });
}
