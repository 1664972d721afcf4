// Which share applies and why, on the quote (issue 23): the state's support rule with its reason
// and legal source, the province's top-up as its own line, the facts that did not count today
// (an expired certificate), and the reference values used that are not confirmed (provisional).
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../shared/contract/contribution';
import { formatDong } from '../../components/money';

function percent(share: string, vi: boolean): string {
  const [num, den] = share.split('/').map(Number) as [number, number];
  const figure = String(Math.round((num * 1000) / den) / 10);
  return `${vi ? figure.replace('.', ',') : figure}%`;
}

/** A category's name read inside a sentence ("20% vì người tham gia khác"). */
const inSentence = (reason: string) => reason.charAt(0).toLocaleLowerCase('vi') + reason.slice(1);

export function QuoteLaw({ quote }: { quote: Partial<Pick<Quote, 'support' | 'topUp' | 'provisional' | 'supportNotes'>> }) {
  const { t, i18n } = useTranslation();
  const vi = i18n.language !== 'en';
  const { support = null, topUp = null, provisional = [], supportNotes = [] } = quote;
  if (!support && !topUp && provisional.length === 0 && supportNotes.length === 0) return null;
  return (
    <div data-testid="quote-law" style={{ marginBottom: 8, fontSize: 13 }}>
      {support && (
        <div data-testid="quote-support">
          <Typography.Text strong>{t('quoteLaw.rule')}:</Typography.Text> {percent(support.share, vi)} {t('quoteLaw.because')}{' '}
          {inSentence(vi ? support.reasonVi : support.reasonEn)} <Typography.Text type="secondary">({support.source})</Typography.Text>
        </div>
      )}
      {topUp && (
        <div data-testid="quote-top-up">
          <Typography.Text strong>
            {t('quoteLaw.topUp')} {topUp.provinceName ?? topUp.provinceCode}:
          </Typography.Text>{' '}
          {topUp.share ? percent(topUp.share, vi) : t('quoteLaw.perMonth', { amount: formatDong(topUp.amountPerMonth ?? 0) })} = −{formatDong(topUp.total)}{' '}
          <Typography.Text type="secondary">({topUp.source})</Typography.Text>
        </div>
      )}
      {/* Where the state supports, say a province's top-up is absent rather than leave the clerk to wonder (none is shipped). */}
      {support && !topUp && (
        <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="quote-no-top-up">
          {t('quoteLaw.noTopUp')}
        </Typography.Text>
      )}
      {supportNotes.map((n) => (
        <Typography.Text key={n.vi} type="warning" style={{ display: 'block' }}>
          {t('quoteLaw.notes')}: {vi ? n.vi : n.en}
        </Typography.Text>
      ))}
      {provisional.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="quote-provisional">
          {t('quoteLaw.provisional')}: {provisional.map((p) => (vi ? p.what : p.whatEn)).join('; ')}
        </Typography.Text>
      )}
    </div>
  );
}
