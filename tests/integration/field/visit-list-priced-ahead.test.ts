// The first page after the app starts (ADR 0039): the amounts the list shows are kept in memory
// (`amountMemo`), so every start began without them and the first page asked the counter's quote
// ~100 times. The facts keeper now lists each field officer's first page a moment after the start,
// between calls: the officer's first list finds every amount kept, and shows what the quote says.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfficeCore } from '../../../src/main/core/office-core';
import { amountMemo } from '../../../src/main/core/services/visit-facts';
import { businessDate } from '../../../src/shared/domain/business-date';
import { call, type Office, openCore, openOffice, PASSWORD } from '../fixtures/office-fixture';
import { COMMUNE, seedCommune } from './field-kit';

let office: Office;
let again: OfficeCore | null = null;
beforeEach(async () => {
  office = await openOffice();
  await seedCommune(office);
}, 60_000);
afterEach(async () => {
  await again?.close();
  again = null;
  await office.close();
});

const kept = (core: OfficeCore) => amountMemo(core.context.db, businessDate(office.clock.now())).amounts;

describe('the first page after the app starts', () => {
  it('finds the officer’s amounts priced by the keeper between calls', async () => {
    await call(
      office.core,
      'field.assign',
      { username: 'field', areas: [{ communeCode: COMMUNE, hamletIds: [] }], expectedVersion: 0 },
      office.tokens.supervisor,
    );
    const before = await call(office.core, 'field.visitList', { communeCodes: [COMMUNE] }, office.tokens.field);
    const priced = before.items.filter((i) => i.due.length > 0).map((i) => i.participantId);
    expect(priced.length).toBeGreaterThan(0);
    await office.core.close();

    // The app starts again: nothing kept, and no call made yet.
    again = await openCore(office.dir, office.clock);
    const core = again;
    expect(kept(core).size).toBe(0);
    for (let i = 0; i < 100 && kept(core).size < priced.length; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect([...kept(core).keys()].sort()).toEqual(expect.arrayContaining(priced));
    const { token } = await call(core, 'auth.login', { username: 'field', password: PASSWORD });
    const after = await call(core, 'field.visitList', { communeCodes: [COMMUNE] }, token);
    // The same page, the same amounts as the counter's quote gave before the start.
    expect(after).toEqual(before);
  });

  it('prices nothing ahead where no officer was given an area', async () => {
    await office.core.close();
    again = await openCore(office.dir, office.clock);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(kept(again).size).toBe(0);
  });
});
