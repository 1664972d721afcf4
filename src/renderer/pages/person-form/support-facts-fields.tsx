// The facts the state's support follows (ADR 0018): a poor or near-poor household certificate with
// its number and dates, pupil/student, farming household of average living standard — and, as the
// clerk types, which share each scheme applies today and why (participants.supportPreview, the
// same rules as the quote). The ethnicity and the commune are facts too, typed above.
import { Alert, Checkbox, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/use-call';
import { useDebounced } from '../../components/use-debounced';
import { DATE_FORMATS } from './date-formats';

export interface FactValues {
  povertyKind?: 'none' | 'poor' | 'near-poor';
  povertyNumber?: string;
  povertyValidFrom?: Dayjs | null;
  povertyValidTo?: Dayjs | null;
  student?: boolean;
  agriAverage?: boolean;
}

/** The form's poverty fields as the contract's certificate (null when none is chosen). */
export function povertyOf(v: FactValues) {
  if (!v.povertyKind || v.povertyKind === 'none') return null;
  return {
    kind: v.povertyKind,
    number: v.povertyNumber?.trim() ?? '',
    validFrom: v.povertyValidFrom?.format('YYYY-MM-DD') ?? '',
    validTo: v.povertyValidTo?.format('YYYY-MM-DD') ?? '',
  };
}

function sharePercent(share: string): string {
  const [num, den] = share.split('/').map(Number) as [number, number];
  return `${Math.round((num * 1000) / den) / 10}%`.replace('.', ',');
}

export function SupportFactsFields({ declared }: { declared: string | null }) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance();
  const watched = {
    povertyKind: Form.useWatch('povertyKind', form) as FactValues['povertyKind'],
    povertyNumber: Form.useWatch('povertyNumber', form) as string | undefined,
    povertyValidFrom: Form.useWatch('povertyValidFrom', form) as Dayjs | null | undefined,
    povertyValidTo: Form.useWatch('povertyValidTo', form) as Dayjs | null | undefined,
    student: Form.useWatch('student', form) as boolean | undefined,
    agriAverage: Form.useWatch('agriAverage', form) as boolean | undefined,
  };
  const ethnicity = Form.useWatch('ethnicity', form) as string | undefined;
  const communeCode = Form.useWatch('communeCode', form) as string | undefined;
  const hasCertificate = watched.povertyKind === 'poor' || watched.povertyKind === 'near-poor';
  const poverty = povertyOf(watched);
  const facts = useDebounced(
    {
      ethnicity: ethnicity ?? 'Kinh',
      communeCode: communeCode ?? '',
      poverty: poverty ? { ...poverty, number: poverty.number || null, validFrom: poverty.validFrom || null, validTo: poverty.validTo || null } : null,
      student: !!watched.student,
      agriAverage: !!watched.agriAverage,
    },
    250,
  );
  const preview = useCall('participants.supportPreview', facts);
  const vi = i18n.language !== 'en';
  const required = { required: true, message: t('common.required') };
  return (
    <div data-testid="support-facts">
      <Typography.Text strong>{t('facts.title')}</Typography.Text>
      <Row gutter={12} style={{ marginTop: 4 }}>
        <Col xs={12}>
          <Form.Item name="povertyKind" label={t('facts.poverty')}>
            <Select
              data-testid="field-povertyKind"
              options={[
                { value: 'none', label: t('facts.povertyNone') },
                { value: 'poor', label: t('facts.povertyPoor') },
                { value: 'near-poor', label: t('facts.povertyNearPoor') },
              ]}
            />
          </Form.Item>
        </Col>
        {hasCertificate && (
          <>
            <Col xs={12}>
              <Form.Item name="povertyNumber" label={t('facts.certificateNo')} rules={[required]}>
                <Input autoComplete="off" data-testid="field-povertyNumber" />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="povertyValidFrom" label={t('facts.validFrom')} rules={[required]}>
                <DatePicker format={DATE_FORMATS} placeholder="dd/mm/yyyy" style={{ width: '100%' }} data-testid="field-povertyValidFrom" />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="povertyValidTo" label={t('facts.validTo')} rules={[required]}>
                <DatePicker format={DATE_FORMATS} placeholder="dd/mm/yyyy" style={{ width: '100%' }} data-testid="field-povertyValidTo" />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24}>
          <Form.Item name="student" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid="field-student">{t('facts.student')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="agriAverage" valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox data-testid="field-agriAverage">{t('facts.agriAverage')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      {declared && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('facts.declared', { category: t(`support.${declared}`) })} />}
      {preview.data && (
        <div data-testid="support-preview" className="support-preview">
          <Typography.Text type="secondary">{t('facts.applies')}: </Typography.Text>
          {(['vsi', 'hhi'] as const).map((scheme) => {
            const s = preview.data[scheme];
            const reason = vi ? s.reasonVi : s.reasonEn;
            const what = s.statePaid ? t('facts.statePaid') : t('facts.share', { share: sharePercent(s.share) });
            return (
              <div key={scheme} data-testid={`support-preview-${scheme}`}>
                <Typography.Text strong>{t(`facts.${scheme}`)}</Typography.Text>: {what} — {reason}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  ({s.source})
                </Typography.Text>
              </div>
            );
          })}
          {preview.data.notes.map((n) => (
            <Typography.Text key={n.vi} type="warning" style={{ display: 'block' }}>
              {vi ? n.vi : n.en}
            </Typography.Text>
          ))}
        </div>
      )}
    </div>
  );
}
