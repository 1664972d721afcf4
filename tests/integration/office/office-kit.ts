// Devices of one office for the office-picture tests: each its own store, enrolled with a name
// ("Quầy 1", "Máy cán bộ thu Lan"), with a supervisor and optionally a clerk of another role
// signed in, and small helpers to take a payment and to sync.
import type { Central, Office } from '../sync/central-fixture';
import { person, startOffice } from '../sync/central-fixture';

export interface Device extends Office {
  name: string;
  /** Calls as a second staff member of this device (a counter clerk or field officer), when made. */
  as<T>(method: string, input: unknown): Promise<T>;
  staffId: string;
  clerkId: string | null;
}

export async function startDevice(
  central: Central,
  officeCode: string,
  name: string,
  options: { supervisorName: string; clerk?: { role: 'counter' | 'field'; fullName: string } },
): Promise<Device> {
  const office = await startOffice(central, officeCode, { deviceName: name, supervisorName: options.supervisorName });
  const me = await office.call<{ state: string; session: { staff: { id: string } } }>('session.current', {});
  let clerkToken = office.token;
  let clerkId: string | null = null;
  if (options.clerk) {
    const username = options.clerk.role === 'field' ? 'field' : 'counter';
    const created = await office.call<{ id: string }>('staff.create', {
      username,
      fullName: options.clerk.fullName,
      role: options.clerk.role,
      password: 'correct-horse-2',
    });
    clerkId = created.id;
    const login = await office.core.invoke('auth.login', { username, password: 'correct-horse-2' });
    if (!login.ok) throw new Error(login.error.message);
    clerkToken = (login.value as { token: string }).token;
  }
  const as = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await office.core.invoke(method, input, clerkToken);
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { data: result.error });
    return result.value as T;
  };
  return { ...office, name, as, staffId: me.session.staff.id, clerkId };
}

export async function pay(
  call: <T>(method: string, input: unknown) => Promise<T>,
  participantId: string,
  fromMonth: string,
  months = 3,
): Promise<{ receipt: { id: string; label: string; series: string; number: number; amount: number } }> {
  const question = { participantId, scheme: 'VSI', fromMonth, months, incomeBasis: 1_500_000 };
  const quote = await call<{ total: number }>('contributions.quote', question);
  return call('contributions.record', { ...question, expectedTotal: quote.total });
}

let serial = 0;
/** A person with a fresh personal ID and birth date (no two of a run trip the near-duplicate check). */
export function someone(fullName: string) {
  serial += 1;
  const year = 1960 + (serial % 40);
  const day = String(1 + (serial % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(serial / 28) % 12)).padStart(2, '0');
  return person(fullName, `${year}-${month}-${day}`, 'male', `001${0}${String(year % 100).padStart(2, '0')}${String(700000 + serial).padStart(6, '0')}`);
}

export const sync = (device: Office) =>
  device.call<{ applied: number; rejected: number; pulled: number; batches: number; error: string | null }>('sync.pushNow', {});
