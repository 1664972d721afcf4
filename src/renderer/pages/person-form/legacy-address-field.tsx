// An address as on papers from before the 2025 mergers (63 provinces): the clerk types the old
// commune, district and province without accents, picks the old commune, and the form fills today's
// province and commune (reference.legacyCommunes). An old commune divided between several new ones
// lists each of them — the hamlet or street tells which. The old address is kept beside the new one.
import { AutoComplete, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegacyCommuneMatch } from '../../../shared/contract/reference';
import { useCall } from '../../api/use-call';
import { useDebounced } from '../../components/use-debounced';

function oldAddressText(m: LegacyCommuneMatch): string {
  return `${m.legacyCommune}, ${m.legacyDistrict}, ${m.legacyProvince}`;
}

export function LegacyAddressField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const chosen = Form.useWatch('legacyAddress', form) as { legacyCommuneCode: string; text: string } | null | undefined;
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 200);
  const found = useCall('reference.legacyCommunes', settled.length >= 2 ? { query: settled, limit: 20 } : null);
  const matches = found.data?.items ?? [];
  const pick = (key: string) => {
    const m = matches.find((x) => `${x.legacyCommuneCode}:${x.communeCode}` === key);
    if (!m) return;
    form.setFieldsValue({
      legacyAddress: { legacyCommuneCode: m.legacyCommuneCode, text: oldAddressText(m) },
      provinceCode: m.provinceCode,
      communeCode: m.communeCode,
    });
    setQuery('');
  };
  return (
    <>
      <Form.Item name="legacyAddress" hidden>
        <Input />
      </Form.Item>
      <Form.Item
        label={t('legacy.label')}
        extra={
          chosen ? (
            <span>
              <span data-testid="legacy-chosen">{t('legacy.chosen', { text: chosen.text })}</span>{' '}
              <Button type="link" size="small" onClick={() => form.setFieldValue('legacyAddress', null)} style={{ padding: 0, height: 'auto' }}>
                {t('legacy.clear')}
              </Button>
            </span>
          ) : undefined
        }
      >
        <AutoComplete
          value={query}
          popupMatchSelectWidth={520}
          onChange={setQuery}
          onSelect={(key: string) => pick(key)}
          options={matches.map((m) => ({
            value: `${m.legacyCommuneCode}:${m.communeCode}`,
            label: (
              <div data-testid="legacy-option">
                <div>{oldAddressText(m)}</div>
                <Typography.Text type={m.divided ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                  {t('legacy.went', { commune: m.commune })}
                  {m.divided ? ` — ${t('legacy.divided')}` : ''}
                </Typography.Text>
              </div>
            ),
          }))}
        >
          <Input placeholder={t('legacy.placeholder')} autoComplete="off" data-testid="field-legacyAddress" />
        </AutoComplete>
      </Form.Item>
    </>
  );
}
