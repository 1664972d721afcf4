// The address's hamlet (thôn/ấp/bản/tổ dân phố) chosen from the commune's list (issue 21); left
// empty, the hamlet is the one the address line names, if it is on the list.
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/use-call';
import { filterOption } from '../../components/reference-selects';

export function HamletField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const communeCode = Form.useWatch('communeCode', form) as string | undefined;
  const hamlets = useCall('hamlets.list', communeCode && /^\d{5}$/.test(communeCode) ? { communeCode } : null, { staleTime: 60_000 });
  return (
    <Form.Item name="hamletId" label={t('hamlet.label')}>
      <Select
        allowClear
        showSearch={{ filterOption }}
        disabled={!communeCode}
        loading={hamlets.isLoading}
        placeholder={t('hamlet.none')}
        options={(hamlets.data?.items ?? []).filter((h) => h.active).map((h) => ({ value: h.id, label: h.label }))}
        data-testid="field-hamletId"
      />
    </Form.Item>
  );
}
