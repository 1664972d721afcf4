// The personal ID checked against the form while the clerk types (issue 23 item 6): the province
// of birth registration, the century/sex digit and the birth year, each with its reason — the same
// rules the core applies on save (personal-id.ts), shown before the clerk gets there.
import { Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { checkPersonalId } from '../../../shared/domain/personal-id';

/**
 * `sexFromId`: the sex shown was taken from this very ID, so "agrees with the sex" would say
 * nothing — the line then speaks of the date of birth only (the sex is for the clerk to confirm).
 */
export function PersonalIdCheck({
  personalId,
  dateOfBirth,
  sex,
  sexFromId = false,
}: {
  personalId?: string;
  dateOfBirth?: Dayjs | null;
  sex?: 'male' | 'female';
  sexFromId?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const compact = (personalId ?? '').replace(/\s/g, '');
  if (compact.length < 3) return null;
  // While fewer than 12 digits are typed, only what is there is checked: the province prefix first.
  const padded = compact.length < 12 ? null : compact;
  const problems = padded
    ? dateOfBirth && sex
      ? checkPersonalId(padded, dateOfBirth.format('YYYY-MM-DD'), sex)
      : checkPersonalId(padded, '2000-01-01', 'male').filter((p) => p.reason === 'format' || p.reason === 'province')
    : checkPersonalId(`${compact.slice(0, 3)}000000000`, '2000-01-01', 'male').filter((p) => p.reason === 'province' && /^\d{3}/.test(compact));
  if (problems.length === 0) {
    return padded && dateOfBirth && sex ? (
      <Typography.Text type="success" data-testid="personal-id-check">
        {t(sexFromId ? 'idCheck.okDate' : 'idCheck.ok')}
      </Typography.Text>
    ) : null;
  }
  return (
    <div data-testid="personal-id-check">
      {problems.map((p) => (
        <Typography.Text key={p.reason} type="danger" style={{ display: 'block' }}>
          {i18n.language === 'en' ? p.en : p.vi}
        </Typography.Text>
      ))}
    </div>
  );
}
