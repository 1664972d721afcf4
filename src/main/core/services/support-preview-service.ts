// Which share applies and why, for the facts on a form before it is saved: the same derivation the
// quote uses (support-facts.ts), with today's schedule and the commune's dated status.
import type { z } from 'zod';
import type { supportPreview, supportPreviewInput } from '../../../shared/contract/participant';
import { businessDate } from '../../../shared/domain/business-date';
import { chosenCategory } from '../../../shared/domain/contribution-calculator';
import { valueOn } from '../../../shared/domain/reference-schedule';
import { supportBasis } from '../../../shared/domain/support-facts';
import type { CoreContext } from '../core-context';
import { communeStatusesOf } from '../db/repositories/reference-repository';
import { activeSchedule } from './reference-schedule-store';

type Input = z.output<typeof supportPreviewInput>;
type Preview = z.output<typeof supportPreview>;

export async function previewSupport(ctx: CoreContext, input: Input): Promise<Preview> {
  const paidOn = businessDate(ctx.clock.now());
  const schedule = await activeSchedule(ctx.db);
  const statuses = input.communeCode ? await communeStatusesOf(ctx.db, input.communeCode) : [];
  const facts = { poverty: input.poverty, ethnicity: input.ethnicity, communeCode: input.communeCode, student: input.student, agriAverage: input.agriAverage };
  const notes: Preview['notes'] = [];
  const of = (scheme: 'VSI' | 'HHI'): Preview['vsi'] => {
    const basis = supportBasis(facts, statuses, scheme, paidOn);
    if (scheme === 'VSI') notes.push(...basis.notes);
    const shares = scheme === 'VSI' ? schedule.vsi.supportShares : schedule.hhi.supportShares;
    const table = valueOn(shares, paidOn);
    const statePaidList = scheme === 'HHI' && schedule.hhi.statePaid ? valueOn(schedule.hhi.statePaid, paidOn) : [];
    const statePaid = basis.applies.find((a) => statePaidList.includes(a.category));
    const category = statePaid
      ? statePaid.category
      : chosenCategory(
          table,
          basis.applies.map((a) => a.category),
        );
    const reason = basis.applies.find((a) => a.category === category);
    const share = table[category];
    const entry = shares.filter((e) => e.from <= paidOn).at(-1)!;
    return {
      category,
      share: statePaid ? '100/100' : share ? `${share.num}/${share.den}` : '0/1',
      reasonVi: reason?.vi ?? (scheme === 'VSI' ? 'Người tham gia khác (mức hỗ trợ chung)' : 'Không thuộc diện được hỗ trợ'),
      reasonEn: reason?.en ?? (scheme === 'VSI' ? 'Any other participant (the general share)' : 'Not in a supported category'),
      source: statePaid ? schedule.hhi.statePaid!.filter((e) => e.from <= paidOn).at(-1)!.source : entry.source,
      statePaid: !!statePaid,
    };
  };
  return { paidOn, vsi: of('VSI'), hhi: of('HHI'), notes };
}
