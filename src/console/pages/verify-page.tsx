// Verify a receipt: paste the code printed under a receipt's QR (or the URL it encodes), or scan it
// with a USB scanner into the box (it types the code and Enter) → the central's verdict in plain
// words — genuine and recorded, genuine but not yet synced, voided or refunded on a date, differing
// from the record, forged, or signed by no known device — and what the receipt says.
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CentralVerification } from '../../shared/verification/central-verification';
import { payloadText } from '../../shared/verification/receipt-payload';
import { isConsoleError } from '../api/console-client';
import { verifyReceipt } from '../api/console-queries';
import { errorText } from '../api/error-text';
import { formatDate, formatDong, formatInstant, formatMonth } from '../format';
import { PageFrame } from './page-frame';
import { TONE, verdictOf } from './verdict';

function VerdictCard({ t, result }: { t: TFunction; result: CentralVerification }) {
  const verdict = verdictOf(result);
  const r = result.receipt;
  const what = t(r.type === 'refund' ? 'verify.voucher' : 'verify.receipt');
  return (
    <>
      <Alert
        type={TONE[verdict]}
        showIcon
        role="status"
        data-testid="verify-verdict"
        data-verdict={verdict}
        title={<span className="verdict-title">{t(`verify.title_${verdict}`, { what })}</span>}
        description={t(`verify.text_${verdict}`, { on: result.voided ? formatDate(result.voided.on) : '', voucher: result.voided?.voucher ?? '' })}
        style={{ marginBottom: 12 }}
      />
      <Card size="small">
        <Descriptions column={2} size="small" data-testid="verify-details">
          <Descriptions.Item label={t(r.type === 'refund' ? 'verify.voucherLabel' : 'verify.label')}>
            <code>{r.label}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t('verify.amount')}>{formatDong(r.amount)}</Descriptions.Item>
          <Descriptions.Item label={t('verify.scheme')}>{t(`scheme.${r.scheme}`)}</Descriptions.Item>
          <Descriptions.Item label={t('verify.period')}>{`${formatMonth(r.periodFrom)} – ${formatMonth(r.periodTo)}`}</Descriptions.Item>
          <Descriptions.Item label={t('verify.businessDate')}>{formatDate(r.businessDate)}</Descriptions.Item>
          <Descriptions.Item label={t('verify.payer')}>•••• •••• {r.personalIdLast4}</Descriptions.Item>
          {r.refundOf && <Descriptions.Item label={t('verify.refundOf')}>{r.refundOf}</Descriptions.Item>}
          {result.office && <Descriptions.Item label={t('verify.office')}>{`${result.office.code} · ${result.office.name}`}</Descriptions.Item>}
          {result.deviceRevokedAt && <Descriptions.Item label={t('verify.deviceRevoked')}>{formatInstant(result.deviceRevokedAt)}</Descriptions.Item>}
        </Descriptions>
      </Card>
    </>
  );
}

export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ payload: string }>();
  const [result, setResult] = useState<CentralVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    const payload = payloadText(form.getFieldValue('payload') ?? '');
    if (!payload) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await verifyReceipt(payload));
    } catch (e) {
      setError(isConsoleError(e, 'VALIDATION') ? t('verify.unreadable') : errorText(t, e, i18n.language));
    } finally {
      setBusy(false);
      // Ready for the next scan: the box is emptied and keeps the focus.
      form.setFieldValue('payload', '');
      form.getFieldInstance('payload')?.focus();
    }
  };

  return (
    <PageFrame title={t('nav.verify')} testId="verify-page">
      <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={() => void check()} style={{ maxWidth: 760 }}>
        <Form.Item name="payload" label={t('verify.box')}>
          <Input.TextArea
            autoFocus
            rows={3}
            maxLength={2000}
            spellCheck={false}
            data-testid="verify-input"
            onPressEnter={(event) => {
              if (event.shiftKey) return;
              event.preventDefault();
              form.submit();
            }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="verify-submit">
          {t('verify.check')}
        </Button>
      </Form>
      <div style={{ maxWidth: 760, marginTop: 16 }} aria-live="polite">
        {error && <Alert type="error" showIcon role="alert" title={error} data-testid="verify-error" />}
        {result && <VerdictCard t={t} result={result} />}
      </div>
    </PageFrame>
  );
}
