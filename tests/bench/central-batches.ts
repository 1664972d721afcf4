// The central benchmark's batches, as an office's outbox holds them: 250 registrations and 250
// contributions a batch, whose amounts are computed with the shared rules, so every operation must
// come back APPLIED. Shared by `bench:central` (over HTTP, central-bench.ts) and the in-process
// step driver (central-ingest-steps.ts), so both measure the same work.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { canonicalJson } from '../../src/shared/canonical-json';
import { businessDate } from '../../src/shared/domain/business-date';
import { computeQuote } from '../../src/shared/domain/contribution-quote';
import { parseSchedule } from '../../src/shared/domain/reference-schedule';
import type { WireOp } from '../../src/shared/sync/protocol';
import { registrationPayload, wireOp } from '../integration/fixtures/wire-ops';
import { root } from './central-server';

export const PER_BATCH = 500;
/** The collector of every bench payment (a staff id is a UUID). */
const clerk = '01937f00-0000-7000-8000-00000000c1e4';
const resourcesDir = join(root, 'resources');

const schedule = parseSchedule(JSON.parse(readFileSync(join(resourcesDir, 'reference', 'contribution-rates.json'), 'utf8')));
const today = businessDate(new Date());
const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const middle = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Ngọc'];
const letters = (n: number) => {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** One device's batches: person i registered, then 1 month of VSI collected from them. */
export function makeBatches(deviceIndex: number, series: string, count: number): WireOp[][] {
  const batches: WireOp[][] = [];
  let seq = 0;
  let receipt = 0;
  const at = new Date().toISOString();
  for (let b = 0; b < count; b++) {
    const ops: WireOp[] = [];
    for (let k = 0; k < PER_BATCH / 2; k++) {
      const serial = deviceIndex * 100_000 + b * 1000 + k;
      const female = serial % 2 === 1;
      const year = 1960 + (serial % 40);
      const personalId = `001${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
      const id = uuidv7();
      ops.push(
        wireOp(
          ++seq,
          'participant.register',
          registrationPayload({
            id,
            fullName: `${family[serial % 8]} ${female ? 'Thị' : middle[serial % 6]} Z${letters(serial).toLowerCase()}`,
            dateOfBirth: `${year}-${String(1 + (serial % 12)).padStart(2, '0')}-${String(1 + (serial % 28)).padStart(2, '0')}`,
            sex: female ? 'female' : 'male',
            personalId,
            at,
          }),
          uuidv7(),
        ),
      );
      const question = {
        scheme: 'VSI' as const,
        paidOn: today,
        fromMonth: today.slice(0, 7),
        months: 1,
        method: 'monthly' as const,
        incomeBasis: 2_000_000,
        memberPosition: null,
        supportCategory: 'other',
        supportedMonthsUsed: 0,
        provinceCode: '01',
        participantId: id,
      };
      const quote = computeQuote(schedule, question);
      ops.push(
        wireOp(
          ++seq,
          'contribution.record',
          {
            ...question,
            id: uuidv7(),
            householdId: null,
            // What an office of this release sends besides (contribution-recording.ts): the rule and
            // top-up applied, the payer's province it priced by, the collector, the receipt's dates.
            support: quote.support ?? null,
            topUp: quote.topUp ?? null,
            contributedMonths: null,
            lines: quote.lines,
            total: quote.total,
            referenceVersion: schedule.version,
            collectorStaffId: clerk,
            collectorName: 'Trần Thu Hà',
            receipt: { id: uuidv7(), series, number: ++receipt, businessDate: today, issuedAt: at },
          },
          uuidv7(),
        ),
      );
    }
    batches.push(ops);
  }
  return batches;
}

/**
 * A device's batch bodies, as its office's sync engine writes them from the outbox (canonical
 * JSON), made before the timed part: real devices build them on their own laptops, so only the
 * signing and the HTTP exchange — what every push costs the device at that moment — share this
 * machine's cores with the servers while they are timed.
 */
export function batchBodies(deviceId: string, batches: WireOp[][]): string[] {
  return batches.map((ops, index) => canonicalJson({ deviceId, batchNo: index + 1, ops }));
}
