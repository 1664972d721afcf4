// Reminders (issue 21 item 5): the people of the area who owe something, with their own phone
// number, the amount and the deadline, and a Vietnamese message filled in for each, as .xlsx or
// .csv for the office's SMS or Zalo tool. Only each person's own contact data leaves (no personal
// ID, birth date or address line; people without a phone are counted, not listed). Every export
// is audited: who, how many, which area.
import type { VisitListInput } from '../../../shared/contract/field';
import { hamletLabel } from '../../../shared/domain/hamlets';
import type { VisitStatus } from '../../../shared/domain/visit-status';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { appendAudit } from '../db/mutation-log';
import { requireOfficeRow } from '../db/repositories/office-repository';
import { listCommunes } from '../db/repositories/reference-repository';
import { findStaffById } from '../db/repositories/staff-repository';
import { type ReminderRow, XLSX_MIME, reminderHeaders, reminderValues, remindersWorkbook } from './field-workbooks';
import { reminderMessage, statusWords } from './reminder-messages';
import { keptAmountsDue, orderedPeople } from './visit-list-service';

/** Statuses a reminder is about: money owed (not people in no scheme). */
const OWING: VisitStatus[] = ['promise-due', 'vsi-overdue', 'vsi-due', 'hhi-expired', 'hhi-expiring', 'never-paid'];

/** A phone as an SMS tool dials it in Viet Nam: 0 and the subscriber number. */
export function localPhone(phone: string): string {
  const compact = phone.replace(/[\s.-]/g, '');
  return compact.startsWith('+84') ? `0${compact.slice(3)}` : compact;
}

/** A CSV cell: quoted when needed; a cell a spreadsheet would read as a formula starts with an apostrophe. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function exportReminders(
  ctx: CoreContext,
  caller: Caller,
  input: Pick<VisitListInput, 'communeCodes' | 'hamlet' | 'statuses'> & { format: 'xlsx' | 'csv' },
) {
  const wanted = (input.statuses && input.statuses.length > 0 ? input.statuses : OWING).filter((s) => OWING.includes(s));
  const { asOf, people, hamlets } = await orderedPeople(ctx, caller, { communeCodes: input.communeCodes, hamlet: input.hamlet, statuses: wanted });
  const office = await requireOfficeRow(ctx.db);
  const communeNames = new Map((await listCommunes(ctx.db, office.provinceCode)).map((c) => [c.code, c.name]));
  const officer = caller.staffId ? await findStaffById(ctx.db, caller.staffId) : undefined;
  const rows: ReminderRow[] = [];
  let withoutPhone = 0;
  for (const p of people) {
    if (!p.phone) {
      withoutPhone++;
      continue;
    }
    const h = p.placedIn ? hamlets.get(p.placedIn) : undefined;
    const status = p.standing.statuses.map((s) => statusWords[s]).join('; ');
    for (const due of await keptAmountsDue(ctx, p, asOf)) {
      const overdue = due.scheme === 'VSI' ? p.standing.statuses.includes('vsi-overdue') : p.standing.statuses.includes('hhi-expired');
      rows.push({
        fullName: p.fullName,
        phone: localPhone(p.phone),
        hamlet: h ? hamletLabel(h) : '',
        commune: communeNames.get(p.communeCode) ?? p.communeCode,
        scheme: due.scheme === 'VSI' ? 'BHXH tự nguyện' : 'BHYT hộ gia đình',
        amount: due.total,
        deadline: due.deadline ?? '',
        status,
        message: reminderMessage({
          sex: p.sex,
          fullName: p.fullName,
          scheme: due.scheme,
          overdue,
          neverPaid: p.enrolled[due.scheme] && p.paid[due.scheme] === null,
          amount: due.total,
          deadline: due.deadline,
          officeName: office.name,
          officerName: officer?.fullName ?? office.name,
          officerPhone: null,
        }),
      });
    }
  }
  const communes = [...new Set(people.map((p) => p.communeCode))];
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: nowIso(ctx),
      staffId: caller.staffId,
      action: 'field.exportReminders',
      entity: 'reminders',
      entityId: null,
      details: {
        by: officer?.username ?? null,
        rows: rows.length,
        people: new Set(rows.map((r) => r.phone + r.fullName)).size,
        withoutPhone,
        communes,
        hamlet: input.hamlet ?? null,
        statuses: wanted,
        format: input.format,
        asOf,
      },
    }),
  );
  const name = `nhac-dong-${office.code}-${asOf}`;
  if (input.format === 'csv') {
    const lines = [reminderHeaders, ...rows.map(reminderValues)].map((r) => r.map(csvCell).join(','));
    // A byte-order mark so spreadsheet programs read the Vietnamese as UTF-8.
    const text = `\uFEFF${lines.join('\r\n')}\r\n`;
    return {
      fileName: `${name}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      base64: Buffer.from(text, 'utf8').toString('base64'),
      rows: rows.length,
      withoutPhone,
    };
  }
  const bytes = await remindersWorkbook(rows);
  return { fileName: `${name}.xlsx`, mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64'), rows: rows.length, withoutPhone };
}
