// Near matches (same birth date, same family and given name, another personal ID) are found through
// the batch's prefetch and the (birth date, family, given) index, on PGlite and PostgreSQL: inside
// one batch, against people registered before, and not for names that only share a birth date or
// a family name. The register is never empty in use, so people born that day are there too.
import { describe, expect, it } from 'vitest';
import type { WireOp } from '../../../src/shared/sync/protocol';
import { centralBackends } from '../fixtures/test-postgres';
import { registrationPayload, wireOp } from '../fixtures/wire-ops';
import type { Central } from '../sync/central-fixture';
import { type Device, enrollDevice, pushOps, useCentralAndOffice } from './central-kit';

let seq = 0;
let serial = 0;

/** A registration as an office sends it, with a valid personal ID for the birth date and sex. */
function register(fullName: string, dateOfBirth: string, sex: 'male' | 'female' = 'male'): WireOp {
  serial += 1;
  const century = Number(dateOfBirth.slice(0, 4)) >= 2000 ? (sex === 'male' ? 2 : 3) : sex === 'male' ? 0 : 1;
  const personalId = `001${century}${dateOfBirth.slice(2, 4)}${String(400000 + serial).padStart(6, '0')}`;
  return wireOp(++seq, 'participant.register', registrationPayload({ fullName, dateOfBirth, sex, personalId }));
}

const statuses = (reply: { json: { results: { status: string }[] } }) => reply.json.results.map((r) => r.status);

describe.each(centralBackends())('near matches on %s', (backend) => {
  let central: Central;
  let device: Device;

  useCentralAndOffice(backend, (c) => {
    central = c;
  });

  it('holds a close name born the same day, within one batch and against earlier batches, and nothing else', async () => {
    device = await enrollDevice(central, 'NEAR1');
    seq = 0;
    const khanh = register('Lò Văn Khánh', '1971-02-03');
    const first = await pushOps(device, [
      khanh,
      register('Lò Thị Khánh', '1971-02-03', 'female'), // same family and given name: held
      register('Lò Văn Minh', '1971-02-03'), // same family only: applied
      register('Cầm Văn Khánh', '1971-02-03'), // same given name only: applied
      register('Lò Văn Khánh', '1971-02-04'), // another birth date: applied
    ]);
    expect(statuses(first)).toEqual(['APPLIED', 'HELD', 'APPLIED', 'APPLIED', 'APPLIED']);
    expect(first.json.results[1]).toMatchObject({ heldClass: 'POSSIBLE_DUPLICATE', error: { details: { candidateId: khanh.payload.id } } });

    const second = await pushOps(device, [
      register('Lò Khánh', '1971-02-04'), // middle name missing, matches the applied one of the 4th
      register('Lò Văn Khánh Linh', '1971-02-03'), // given name differs: applied
    ]);
    expect(statuses(second)).toEqual(['HELD', 'APPLIED']);
    expect(second.json.results[0].error.message).toContain('Lò Văn Khánh');
  });
});
