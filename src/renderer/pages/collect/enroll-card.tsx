// Inline enrollment for a person not yet in the chosen scheme: VSI needs the chosen monthly
// income and a payment method, HHI only the method. Saved with `enrollments.set`.
import { Button, Card, Col, DatePicker, Form, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paymentMethods, type PaymentMethod, type Scheme } from '../../../shared/contract/contribution';
import { call } from '../../api/client';
import { placeFieldError } from '../../components/field-errors';
import { ErrorAlert } from '../../components/error-alert';
import { dongInputProps } from './dong-input';

interface EnrollValues {
  method: PaymentMethod;
  incomeBasis?: number;
  fromMonth: Dayjs;
}

export function EnrollCard({ participantId, scheme, onEnrolled }: { participantId: string; scheme: Scheme; onEnrolled: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EnrollValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: EnrollValues) => {
    setBusy(true);
    setError(null);
    try {
      await call('enrollments.set', {
        participantId,
        scheme,
        method: v.method,
        fromMonth: v.fromMonth.format('YYYY-MM'),
        ...(scheme === 'VSI' && v.incomeBasis != null ? { incomeBasis: v.incomeBasis } : {}),
      });
      onEnrolled();
    } catch (e) {
      if (!placeFieldError(form, e, ['method', 'incomeBasis', 'fromMonth'])) setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('enrollment.enrollTitle', { scheme: t(`scheme.${scheme}`) })} style={{ marginBottom: 16 }} data-testid="enroll-card">
      <Typography.Paragraph type="secondary">{t(`enrollment.notEnrolled.${scheme}`)}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ method: scheme === 'VSI' ? 'monthly' : 'annual', fromMonth: dayjs() }}
      >
        <Row gutter={16} align="bottom">
          <Col xs={12} md={6}>
            <Form.Item name="method" label={t('collect.method')}>
              <Select
                options={paymentMethods
                  .filter((m) => scheme === 'VSI' || ['quarterly', 'semiannual', 'annual'].includes(m))
                  .map((m) => ({ value: m, label: t(`method.${m}`) }))}
              />
            </Form.Item>
          </Col>
          {scheme === 'VSI' && (
            <Col xs={12} md={6}>
              <Form.Item name="incomeBasis" label={t('collect.income')} rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber {...dongInputProps} style={{ width: '100%' }} data-testid="enroll-income" />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={6}>
            <Form.Item name="fromMonth" label={t('collect.fromMonth')} rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker picker="month" format="MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item>
              <Button htmlType="submit" type="primary" ghost loading={busy} data-testid="enroll-submit">
                {t('enrollment.enroll')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
