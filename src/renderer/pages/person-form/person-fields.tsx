// The TK1-TS declaration fields as antd form items, shared by registration and editing. Field
// names are the contract's, so an error's `field` lands beside the right input.
import { Button, Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sexSuggestedByName } from '../../../shared/domain/name-sex-hint';
import { type Sex, sexOfPersonalId } from '../../../shared/domain/personal-id';
import { CommuneSelect, EthnicitySelect, ProvinceSelect } from '../../components/reference-selects';
import { DATE_FORMATS } from './date-formats';
import { HamletField } from './hamlet-field';
import { LegacyAddressField } from './legacy-address-field';
import { PersonalIdCheck } from './personal-id-check';
import { SupportFactsFields } from './support-facts-fields';

export const PERSON_FIELDS = [
  'fullName',
  'dateOfBirth',
  'sex',
  'ethnicity',
  'nationality',
  'personalId',
  'siNumber',
  'phone',
  'provinceCode',
  'communeCode',
  'addressLine',
  'hamletId',
  'poverty',
  'student',
  'agriAverage',
  'legacyAddress',
  'duplicateOverrideReason',
] as const;

export function PersonFields({ declared }: { declared?: string | null } = {}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const provinceCode = Form.useWatch('provinceCode', form) as string | undefined;
  const dateOfBirth = Form.useWatch('dateOfBirth', form) as Dayjs | null | undefined;
  // The fourth digit of the personal ID tells the sex: a sex not yet chosen is taken from it, and
  // follows the ID while the clerk has not chosen one (a mistyped digit fixed fixes the sex too).
  // Taken so, it is said beside the field, and the form is not saved until the clerk confirms it
  // against the papers (issue 23 item 6): choosing Nam or Nữ, Enter or Space on the sex chosen,
  // or "Đúng" beside the hint. A sex the clerk chose, a restored draft's or a stored one needs none.
  // The ref answers the validator at once (the state only re-renders the hint).
  const [sexTakenFromId, setSexTakenFromIdState] = useState(false);
  const unconfirmed = useRef(false);
  const setSexTakenFromId = (taken: boolean) => {
    unconfirmed.current = taken;
    setSexTakenFromIdState(taken);
  };
  const confirmSex = () => {
    if (!unconfirmed.current) return;
    setSexTakenFromId(false);
    void form.validateFields(['sex']).catch(() => undefined);
  };
  const sexConfirmed = {
    validator: () => (unconfirmed.current ? Promise.reject(new Error(t('person.sexConfirm'))) : Promise.resolve()),
  };
  const takeSexFromId = (personalId: string) => {
    const sex = sexOfPersonalId(personalId);
    if (sex && (sexTakenFromId || !form.getFieldValue('sex'))) {
      form.setFieldValue('sex', sex);
      setSexTakenFromId(true);
    }
  };
  const sex = Form.useWatch('sex', form) as Sex | undefined;
  const fullName = Form.useWatch('fullName', form) as string | undefined;
  const personalId = Form.useWatch('personalId', form) as string | undefined;
  const idDigit = sexTakenFromId ? (personalId ?? '').replace(/\s/g, '').charAt(3) : '';
  // A middle name that says otherwise ("Thị" for a man by the ID): the fourth digit may be mistyped.
  const byName = fullName ? sexSuggestedByName(fullName) : null;
  const nameDisagrees = !!sex && !!byName && byName !== sex;
  const required = { required: true, message: t('common.required') };
  // Two columns at 1366×768 (issue 23): who and where on the left, the old address and the support
  // facts on the right, so the tallest form (an ID being checked, a certificate, the support that
  // applies) fits above the shortcut bar. The fields keep their order: Enter and Tab go down the
  // left column, then the right.
  return (
    <Row gutter={24} className="person-form-columns">
      <Col xs={24} lg={13}>
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="fullName" label={t('person.fullName')} rules={[required]}>
              <Input autoFocus autoComplete="off" data-testid="field-fullName" />
            </Form.Item>
          </Col>
          <Col xs={12} md={10}>
            <Form.Item name="dateOfBirth" label={t('person.dateOfBirth')} rules={[required]}>
              <DatePicker format={DATE_FORMATS} placeholder="dd/mm/yyyy" style={{ width: '100%' }} data-testid="field-dateOfBirth" />
            </Form.Item>
          </Col>
          <Col xs={12} md={10} onKeyDown={(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && (e.target as HTMLInputElement).checked && confirmSex()}>
            <Form.Item
              name="sex"
              label={t('person.sex')}
              rules={[required, sexConfirmed]}
              {...(nameDisagrees ? { validateStatus: 'warning' as const } : {})}
              extra={
                nameDisagrees ? (
                  <span className="field-warning" data-testid="sex-name-warning">
                    {t('person.sexNameWarning', { sex: t(`sex.${sex}`), word: byName === 'female' ? 'Thị' : 'Văn' })}
                  </span>
                ) : sexTakenFromId && sex ? (
                  <span>
                    <span data-testid="sex-from-id">{t('person.sexFromId', { sex: t(`sex.${sex}`), digit: idDigit })}</span>{' '}
                    <Button size="small" onClick={confirmSex} data-testid="sex-confirm">
                      {t('person.sexConfirmButton')}
                    </Button>
                  </span>
                ) : undefined
              }
            >
              <Radio.Group
                optionType="button"
                onChange={() => setSexTakenFromId(false)}
                options={[
                  { value: 'male', label: t('sex.male') },
                  { value: 'female', label: t('sex.female') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="ethnicity" label={t('person.ethnicity')} rules={[required]}>
              <EthnicitySelect data-testid="field-ethnicity" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="nationality" label={t('person.nationality')} rules={[required]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item
              name="personalId"
              label={t('person.personalId')}
              rules={[required]}
              extra={
                (personalId ?? '').length >= 3 ? (
                  <PersonalIdCheck personalId={personalId} dateOfBirth={dateOfBirth} sex={sex} sexFromId={sexTakenFromId} />
                ) : (
                  t('person.personalIdHint')
                )
              }
            >
              <Input inputMode="numeric" maxLength={12} autoComplete="off" onChange={(e) => takeSexFromId(e.target.value)} data-testid="field-personalId" />
            </Form.Item>
          </Col>
          <Col xs={12} md={10}>
            <Form.Item name="siNumber" label={t('person.siNumber')}>
              <Input inputMode="numeric" maxLength={10} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="phone" label={t('person.phone')}>
              <Input inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="provinceCode" label={t('person.province')} rules={[required]}>
              <ProvinceSelect onChange={() => (form.setFieldValue('communeCode', undefined), form.setFieldValue('hamletId', undefined))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="communeCode" label={t('person.commune')} rules={[required]}>
              <CommuneSelect
                provinceCode={provinceCode}
                placeholder={t('person.communePlaceholder')}
                onChange={() => form.setFieldValue('hamletId', undefined)}
                data-testid="field-communeCode"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="addressLine" label={t('person.addressLine')} rules={[required]}>
              <Input placeholder={t('person.addressLinePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <HamletField />
          </Col>
        </Row>
      </Col>
      <Col xs={24} lg={11}>
        <LegacyAddressField />
        <SupportFactsFields declared={declared ?? null} />
      </Col>
    </Row>
  );
}
