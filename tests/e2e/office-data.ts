// The office a journey starts from, made through the contract (what the journey is not about):
// first-run setup with its supervisor, and people registered in the office's province, each with
// a personal ID that agrees with their birth year and sex.
import { expect, type Page } from '@playwright/test';
import { rpc, signIn } from './harness-fixture';

export const SUPERVISOR = { username: 'giamsat', password: 'mat-khau-giam-sat', fullName: 'Đỗ Thu Hà' };

export interface PersonData {
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  personalId: string;
  addressLine?: string;
  phone?: string;
}

export interface OfficeApi {
  token: string;
  staffId: string;
  /** A contract call as the supervisor (or with another session's token). */
  call<T = any>(method: string, body: unknown, token?: string): Promise<T>;
  /** Registers a person in the first commune of Hà Nội (as the supervisor, or with another session's token). */
  register(person: PersonData, token?: string): Promise<{ id: string }>;
}

export async function officeByApi(page: Page, url: string, office: { code: string; name: string; supervisor?: typeof SUPERVISOR }): Promise<OfficeApi> {
  const setup = await rpc<{ token: string; staff: { id: string } }>(page, url, 'office.setup', {
    officeCode: office.code,
    officeName: office.name,
    provinceCode: '01',
    supervisor: office.supervisor ?? SUPERVISOR,
  });
  const call = <T = any>(method: string, body: unknown, token = setup.token) => rpc<T>(page, url, method, body, token);
  const communes = await call<{ items: { code: string }[] }>('reference.communes', { provinceCode: '01' });
  return {
    token: setup.token,
    staffId: setup.staff.id,
    call,
    register: (person, token) =>
      call<{ id: string }>('participants.register', { addressLine: 'Số 9 ngõ 3', ...person, provinceCode: '01', communeCode: communes.items[0]!.code }, token),
  };
}

/** An office (made as above) with one clerk, signed in on the registration form (F2). */
export async function openRegistrationForm(
  page: Page,
  url: string,
  office: { code: string; name: string },
  clerk: { username: string; password: string; fullName: string; role: string },
): Promise<OfficeApi> {
  const api = await officeByApi(page, url, office);
  await api.call('staff.create', clerk);
  await page.goto(url);
  await signIn(page, clerk.username, clerk.password);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('person-form')).toBeVisible();
  return api;
}

/** From the search page to the collect page of the person named. */
export async function collectFor(page: Page, typed: string, name: string) {
  const box = page.getByTestId('search-input');
  // Esc goes back a screen at a time (collect → person → search).
  for (let i = 0; i < 6 && !(await box.isVisible()); i++) await page.keyboard.press('Escape');
  await box.fill(typed);
  await expect(page.getByTestId('search-result').first()).toContainText(name);
  await box.press('Enter');
  await expect(page.getByTestId('person-name')).toHaveText(name);
  await page.keyboard.press('F4');
  await expect(page.getByTestId('collect-page')).toBeVisible();
}
