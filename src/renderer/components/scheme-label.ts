// A contribution's scheme as lists show it; for household health insurance with the member's place
// in the household's paying order, which decides the share paid ("BHYT hộ gia đình · người thứ 2").
import type { TFunction } from 'i18next';

export function schemeLabel(t: TFunction, scheme: 'VSI' | 'HHI', memberPosition: number | null | undefined): string {
  const name = t(`scheme.${scheme}`);
  return scheme === 'HHI' && memberPosition ? t('schemeMember', { scheme: name, n: memberPosition }) : name;
}
