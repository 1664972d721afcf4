// The visit list's left panel: the commune (the officer's, or any of the province for a supervisor)
// and its hamlets with how many people each holds; "whole area" and "hamlet unknown" too.
import { Menu, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NO_HAMLET } from '../../../shared/contract/field';
import type { MethodOutput } from '../../../shared/contract/methods';
import { filterOption, useCommunes } from '../../components/reference-selects';
import { useCall } from '../../api/use-call';

type Area = MethodOutput<'field.myArea'>;

export function VisitAreaPanel(props: {
  area: Area;
  provinceCode: string;
  commune: string | undefined;
  hamlet: string;
  onCommune: (code: string) => void;
  onHamlet: (hamlet: string) => void;
}) {
  const { t } = useTranslation();
  const communes = useCommunes(props.area.all ? props.provinceCode : undefined);
  const options = props.area.all
    ? (communes.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))
    : props.area.communes.map((c) => ({ value: c.code, label: c.name }));
  const own = props.area.communes.find((c) => c.code === props.commune);
  // A supervisor looking at a commune no officer has: its hamlets as the list keeps them.
  const listed = useCall('hamlets.list', props.commune && !own ? { communeCode: props.commune } : null);
  const hamlets = own?.hamlets ?? listed.data?.items ?? [];
  const whole = own ? own.wholeCommune : true;
  return (
    <aside className="visit-area" aria-label={t('field.hamlets')}>
      <Typography.Text strong>{t('field.commune')}</Typography.Text>
      <Select
        showSearch={{ filterOption }}
        value={props.commune}
        placeholder={t('field.chooseCommune')}
        options={options}
        onChange={props.onCommune}
        style={{ width: '100%', margin: '4px 0 12px' }}
        data-testid="visit-commune"
        aria-label={t('field.commune')}
      />
      <Typography.Text strong>{t('field.hamlets')}</Typography.Text>
      <Menu
        mode="inline"
        selectedKeys={[props.hamlet || 'all']}
        onClick={({ key }) => props.onHamlet(key === 'all' ? '' : key)}
        data-testid="visit-hamlets"
        items={[
          { key: 'all', label: t('field.allHamlets') },
          ...hamlets.map((h) => ({ key: h.id, label: `${h.label} (${h.people})` })),
          ...(whole ? [{ key: NO_HAMLET, label: t('field.noHamlet') }] : []),
        ]}
      />
    </aside>
  );
}
