// The route sheet (issue 21 item 4): a day's walk through some hamlets of one commune, by hamlet
// and household, each member with their statuses, what they owe today and the last visit, and
// empty columns for notes and signatures (the renderer prints it on A4 and the shell archives the
// PDF like the day report); the same sheet as an Excel workbook.
import { OfficeError } from '../../../shared/contract/errors';
import { NO_HAMLET, type RouteSheet } from '../../../shared/contract/field';
import { businessDate, vietnameseDate } from '../../../shared/domain/business-date';
import { hamletLabel } from '../../../shared/domain/hamlets';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { requireOfficeRow } from '../db/repositories/office-repository';
import { placeNames } from '../db/repositories/reference-repository';
import { findStaffById } from '../db/repositories/staff-repository';
import type { VisitStatus } from '../../../shared/domain/visit-status';
import { orderedPeople, toVisitPerson } from './visit-list-service';
import { householdHeadNames } from '../db/repositories/visit-list-repository';

/** More than a day's walk: the officer is asked to choose hamlets. */
export const ROUTE_SHEET_MAX_PEOPLE = 800;

const outcomeWords: Record<string, string> = {
  paid: 'đã đóng',
  promised: 'hẹn đóng',
  declined: 'từ chối',
  'not-home': 'vắng nhà',
  moved: 'đã chuyển đi',
  deceased: 'đã mất',
  'wrong-address': 'sai địa chỉ',
};

export async function routeSheet(
  ctx: CoreContext,
  caller: Caller,
  input: { date?: string | undefined; communeCode: string; hamletIds?: string[] | undefined; statuses?: VisitStatus[] | undefined },
): Promise<RouteSheet> {
  const date = input.date ?? businessDate(ctx.clock.now());
  const { people, hamlets } = await orderedPeople(ctx, caller, { communeCodes: [input.communeCode], asOf: date, statuses: input.statuses });
  const chosen = input.hamletIds && input.hamletIds.length > 0 ? new Set(input.hamletIds) : null;
  const walked = chosen ? people.filter((p) => chosen.has(p.placedIn ?? NO_HAMLET)) : people;
  if (walked.length > ROUTE_SHEET_MAX_PEOPLE) {
    throw new OfficeError('VALIDATION', {
      field: 'hamletIds',
      vi: `Lộ trình có ${walked.length} người, quá nhiều cho một ngày (tối đa ${ROUTE_SHEET_MAX_PEOPLE}); chọn một vài thôn.`,
      en: `The route has ${walked.length} people, too many for a day (at most ${ROUTE_SHEET_MAX_PEOPLE}); choose a few hamlets.`,
    });
  }
  const office = await requireOfficeRow(ctx.db);
  const officer = caller.staffId ? await findStaffById(ctx.db, caller.staffId) : undefined;
  const place = await placeNames(ctx.db, office.provinceCode, input.communeCode);
  const sheet: RouteSheet = {
    office: { code: office.code, name: office.name },
    officerName: officer?.fullName ?? '',
    date,
    communeName: place.commune || input.communeCode,
    generatedAt: nowIso(ctx),
    hamlets: [],
    people: walked.length,
    totalDue: 0,
  };
  const heads = await householdHeadNames(ctx.db, [...new Set(walked.flatMap((p) => (p.householdId ? [p.householdId] : [])))]);
  let lastHousehold = '';
  for (const p of walked) {
    const h = p.placedIn ? hamlets.get(p.placedIn) : undefined;
    const label = h ? hamletLabel(h) : 'Chưa rõ thôn/ấp';
    let group = sheet.hamlets[sheet.hamlets.length - 1];
    if (!group || group.label !== label) {
      sheet.hamlets.push((group = { label, households: [] }));
      lastHousehold = '';
    }
    const householdKey = p.householdId ?? `person:${p.id}`;
    let household = group.households[group.households.length - 1];
    if (!household || lastHousehold !== householdKey) {
      household = { label: p.householdId ? `Hộ ${heads.get(p.householdId) ?? p.fullName}` : p.fullName, addressLine: p.addressLine, members: [], totalDue: 0 };
      group.households.push(household);
      lastHousehold = householdKey;
    }
    const view = await toVisitPerson(ctx, p, date, true);
    const v = view.lastVisit;
    household.members.push({
      fullName: p.fullName,
      birthYear: p.dateOfBirth.slice(0, 4),
      phone: p.phone,
      statuses: view.statuses,
      totalDue: view.totalDue,
      lastVisit: v ? `${vietnameseDate(v.visitedOn)} ${outcomeWords[v.outcome] ?? v.outcome}${v.promisedOn ? ` ${vietnameseDate(v.promisedOn)}` : ''}` : null,
    });
    household.totalDue += view.totalDue;
    sheet.totalDue += view.totalDue;
  }
  return sheet;
}
