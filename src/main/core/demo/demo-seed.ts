// `--seed demo`: a demo office with three users (password `demo-password`) and a few hundred
// people registered through the real services, so the demo data obeys every rule real data does.
import type { OfficeCore } from '../office-core';
import { demoPerson, seededRandom } from './demo-people';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_USERS = [
  { username: 'supervisor', fullName: 'Trần Thị Giám Sát', role: 'supervisor' },
  { username: 'counter', fullName: 'Lê Văn Quầy', role: 'counter' },
  { username: 'field', fullName: 'Phạm Thị Thực Địa', role: 'field' },
] as const;

async function call<T>(core: OfficeCore, method: string, input: unknown, token?: string): Promise<T> {
  const result = await core.invoke(method, input, token);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { data: result.error });
  return result.value as T;
}

/** Seeds once: returns false when the office already exists. */
export async function seedDemo(core: OfficeCore, people = 300): Promise<boolean> {
  const state = await call<{ state: string }>(core, 'session.current', {});
  if (state.state !== 'not-set-up') return false;
  const session = await call<{ token: string }>(core, 'office.setup', {
    officeCode: 'DEMO01',
    officeName: 'BHXH cơ sở Demo (dữ liệu thử nghiệm)',
    provinceCode: '01',
    supervisor: { username: 'supervisor', fullName: DEMO_USERS[0].fullName, password: DEMO_PASSWORD },
  });
  for (const user of DEMO_USERS.slice(1)) {
    await call(core, 'staff.create', { ...user, password: DEMO_PASSWORD }, session.token);
  }
  const communes = await call<{ items: { code: string }[] }>(core, 'reference.communes', { provinceCode: '01' });
  const rand = seededRandom(20260701);
  let made = 0;
  for (let serial = 1; made < people; serial++) {
    const person = demoPerson(rand, serial);
    const commune = communes.items[Math.floor(rand() * communes.items.length)]!;
    try {
      await call(core, 'participants.register', { ...person, provinceCode: '01', communeCode: commune.code }, session.token);
      made++;
    } catch (error) {
      const data = (error as { data?: { code: string } }).data;
      if (data?.code !== 'POSSIBLE_DUPLICATE' && data?.code !== 'DUPLICATE_PERSON') throw error;
    }
  }
  await call(core, 'auth.logout', {}, session.token);
  return true;
}
