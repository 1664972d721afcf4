// "Kiểm tra biên lai": a receipt's or voucher's QR code checked offline (ADR 0027). The box has
// focus: a USB scanner types the code and Enter, a clerk may paste it. The answer says whether the
// device key it names signed it, what it says, which device of the province that is, and whether
// this office holds the receipt (with the way to open it); the box clears for the next scan.
import { Alert, Button, Card, Descriptions, Input, Space, Tag, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptVerification } from '../../../shared/contract/verification';
import { useCallMutation } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate, formatDong, formatMonth } from '../../components/money';
import { officeDateTime } from '../../components/office-time';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack, href } from '../../routing/hash-router';

const TONE = { GENUINE: 'success', FORGED: 'error', UNKNOWN_DEVICE: 'warning' } as const;

function Result({ result }: { result: ReceiptVerification }) {
  const { t } = useTranslation();
  const r = result.receipt;
  const local = result.local;
  return (
    <Card size="small" data-testid="verify-result" data-status={result.status}>
      <Alert type={TONE[result.status]} showIcon message={t(`verify.status.${result.status}`)} description={t(`verify.statusHelp.${result.status}`)} />
      <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }}>
        <Descriptions.Item label={t(r.type === 'refund' ? 'verify.voucher' : 'verify.receipt')}>{r.label}</Descriptions.Item>
        {r.refundOf && <Descriptions.Item label={t('verify.refundOf')}>{r.refundOf}</Descriptions.Item>}
        <Descriptions.Item label={t('verify.amount')}>{formatDong(r.amount)}</Descriptions.Item>
        <Descriptions.Item label={t('verify.scheme')}>{t(`scheme.${r.scheme}`)}</Descriptions.Item>
        <Descriptions.Item label={t('verify.period')}>
          {formatMonth(r.periodFrom)} – {formatMonth(r.periodTo)}
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.day')}>{formatDate(r.businessDate)}</Descriptions.Item>
        <Descriptions.Item label={t('verify.personalId')}>•••• •••• {r.personalIdLast4}</Descriptions.Item>
        {result.device && (
          <Descriptions.Item label={t('verify.device')}>
            {result.device.own ? t('verify.ownDevice') : [result.device.officeCode, result.device.name].filter(Boolean).join(' · ')}
            {result.device.revokedAt && (
              <Tag color="orange" style={{ marginLeft: 8 }}>
                {t('verify.revoked', { at: officeDateTime(result.device.revokedAt) })}
              </Tag>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
      {local ? (
        <Alert
          style={{ marginTop: 12 }}
          type={local.matches ? 'info' : 'error'}
          data-testid="verify-local"
          message={local.matches ? t('verify.localMatches') : t('verify.localDiffers')}
          description={
            <>
              {local.refundedOn ? t('verify.localRefunded', { day: formatDate(local.refundedOn) }) : local.voided ? t('verify.localVoided') : null}{' '}
              <a href={href('receipt', local.receiptId)} data-testid="verify-open-receipt">
                {t('verify.openReceipt')}
              </a>
            </>
          }
        />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('verify.notHere')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function VerifyPage({ initial }: { initial?: string | undefined }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const inputRef = useRef<InputRef>(null);
  const verify = useCallMutation('receipts.verify', { onSettled: () => (setText(''), inputRef.current?.focus()) });
  useEffect(() => {
    inputRef.current?.focus();
    if (initial) verify.mutate({ payload: initial });
    // Once, for the code the search box passed on.
  }, [initial]); // eslint-disable-line react-hooks/exhaustive-deps
  useHotkeys({ Escape: goBack });
  const submit = () => text.trim() && verify.mutate({ payload: text });
  return (
    <div data-testid="verify-page">
      <div className="page-title">
        <Typography.Title level={2}>{t('verify.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('verify.help')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%', maxWidth: 760, marginBottom: 16 }}>
        <Input
          ref={inputRef}
          size="large"
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={submit}
          placeholder={t('verify.placeholder')}
          aria-label={t('verify.placeholder')}
          data-testid="verify-input"
        />
        <Button size="large" type="primary" loading={verify.isPending} onClick={submit} data-testid="verify-check">
          {t('verify.check')}
        </Button>
      </Space.Compact>
      <ErrorAlert error={verify.error} />
      {verify.data && <Result result={verify.data} />}
    </div>
  );
}
