// Coverage for the supervisor (issue 21 item 7): per commune, the people, those enrolled in VSI
// and in household HI, the lapsed (VSI overdue, HI card expired), those in no scheme, and the
// share covered at each month's end (enrolled and paid through that month, by the payments made by
// then); per officer, visits and new enrollments per week and per month — the figures offices are
// set targets on. Read from the same area picture as the visit list, so the two agree.
import type { Coverage } from '../../../shared/contract/field';
import { businessDate } from '../../../shared/domain/business-date';
import { addMonths, lastDayOf } from '../../../shared/domain/payment-periods';
import { daysBetween } from '../../../shared/domain/visit-status';
import { OfficeError } from '../../../shared/contract/errors';
import type { Caller, CoreContext } from '../core-context';
import * as hamlets from '../db/repositories/hamlets-repository';
import { requireOfficeRow } from '../db/repositories/office-repository';
import { listCommunes } from '../db/repositories/reference-repository';
import { listStaff } from '../db/repositories/staff-repository';
import * as repo from '../db/repositories/visit-list-repository';
import { areaPicture } from './area-picture';
import { VISIT_UNKNOWN_OFFICER } from './visit-service';

/** The Monday of the week holding a date ('YYYY-MM-DD'). */
export function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function defaultCommunes(ctx: CoreContext): Promise<string[]> {
  const rows = await hamlets.listAssignments(ctx.db);
  return [...new Set(rows.flatMap((r) => (JSON.parse(r.areas) as { communeCode: string }[]).map((p) => p.communeCode)))];
}

export async function coverage(
  ctx: CoreContext,
  _caller: Caller,
  input: { communeCodes?: string[] | undefined; asOf?: string | undefined; weeks: number; months: number },
): Promise<Coverage> {
  const asOf = input.asOf ?? businessDate(ctx.clock.now());
  const communes = input.communeCodes && input.communeCodes.length > 0 ? [...new Set(input.communeCodes)] : await defaultCommunes(ctx);
  if (communes.length === 0) {
    throw new OfficeError('VALIDATION', {
      field: 'communeCodes',
      vi: 'Chọn xã/phường (chưa giao địa bàn cho cán bộ nào).',
      en: 'Choose communes (no officer has an area yet).',
    });
  }
  const office = await requireOfficeRow(ctx.db);
  const names = new Map((await listCommunes(ctx.db, office.provinceCode)).map((c) => [c.code, c.name]));
  const months = Array.from({ length: input.months }, (_, i) => addMonths(asOf.slice(0, 7), i - input.months + 1));
  const thisWeek = weekStart(asOf);
  const weeks = Array.from({ length: input.weeks }, (_, i) => shiftDays(thisWeek, (i - input.weeks + 1) * 7));
  const [picture, payments, enrollments, visits, staff] = await Promise.all([
    areaPicture(ctx, communes, asOf),
    repo.paymentsOfCommunes(ctx.db, communes),
    repo.enrollmentsOfCommunes(ctx.db, { communes }),
    repo.visitsBetween(ctx.db, weeks[0]! < `${months[0]}-01` ? weeks[0]! : `${months[0]}-01`, asOf),
    listStaff(ctx.db),
  ]);
  const paidBy = new Map<string, { toMonth: string; businessDate: string }[]>();
  for (const p of payments) {
    const list = paidBy.get(p.participantId) ?? [];
    list.push(p);
    paidBy.set(p.participantId, list);
  }
  const result: Coverage['communes'] = [];
  for (const code of communes) {
    const people = picture.people.filter((p) => p.communeCode === code && !p.closed);
    const count = (f: (p: (typeof people)[number]) => boolean) => people.filter(f).length;
    const trend = months.map((month) => {
      const end = month === asOf.slice(0, 7) ? asOf : lastDayOf(month);
      const present = people.filter((p) => p.createdAt.slice(0, 10) <= end);
      const covered = present.filter((p) => (paidBy.get(p.id) ?? []).some((x) => x.businessDate <= end && x.toMonth >= month)).length;
      return { month, covered, permille: present.length === 0 ? 0 : Math.round((covered * 1000) / present.length) };
    });
    result.push({
      code,
      name: names.get(code) ?? code,
      people: people.length,
      vsi: count((p) => p.enrolled.VSI),
      hhi: count((p) => p.enrolled.HHI),
      lapsedVsi: count((p) => p.standing.statuses.includes('vsi-overdue')),
      lapsedHhi: count((p) => p.standing.statuses.includes('hhi-expired')),
      noScheme: count((p) => p.standing.statuses.includes('no-scheme')),
      trend,
    });
  }
  // Officers by username where known (the same officer on several devices), else by name.
  const byId = new Map(staff.map((s) => [s.id, s]));
  const officers = new Map<string, Coverage['officers'][number]>();
  const officer = (username: string | null, name: string) => {
    const key = username ?? `name:${name}`;
    let o = officers.get(key);
    if (!o) {
      o = {
        name,
        username,
        visitsByWeek: weeks.map((w) => ({ period: w, count: 0 })),
        visitsByMonth: months.map((m) => ({ period: m, count: 0 })),
        enrollmentsByWeek: weeks.map((w) => ({ period: w, count: 0 })),
        enrollmentsByMonth: months.map((m) => ({ period: m, count: 0 })),
      };
      officers.set(key, o);
    }
    return o;
  };
  const tally = (o: Coverage['officers'][number], day: string, kind: 'visits' | 'enrollments') => {
    const w = weeks.indexOf(weekStart(day));
    if (w >= 0 && daysBetween(day, asOf) >= 0) o[`${kind}ByWeek`][w]!.count++;
    const m = months.indexOf(day.slice(0, 7));
    if (m >= 0 && day <= asOf) o[`${kind}ByMonth`][m]!.count++;
  };
  const inArea = new Set(picture.people.map((p) => p.id));
  const households = new Set(picture.people.map((p) => p.householdId).filter(Boolean));
  for (const v of visits) {
    if (!(v.participantId ? inArea.has(v.participantId) : households.has(v.householdId))) continue;
    tally(officer(v.staffUsername, v.staffName || VISIT_UNKNOWN_OFFICER), v.visitedOn, 'visits');
  }
  for (const e of enrollments) {
    const s = e.createdBy ? byId.get(e.createdBy) : undefined;
    const day = businessDate(new Date(e.createdAt));
    tally(officer(s?.username ?? null, s?.fullName ?? VISIT_UNKNOWN_OFFICER), day, 'enrollments');
  }
  return {
    asOf,
    communes: result,
    officers: [...officers.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    weeks,
    months,
  };
}
