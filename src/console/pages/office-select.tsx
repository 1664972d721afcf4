// The office filter of the lists: the province's offices by code and name, or all of them.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOffices } from '../api/console-queries';

export function OfficeSelect({ value, onChange }: { value: string | undefined; onChange: (office: string | undefined) => void }) {
  const { t } = useTranslation();
  const offices = useOffices();
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 280 }}
      placeholder={t('filter.allOffices')}
      aria-label={t('filter.office')}
      data-testid="office-filter"
      value={value}
      onChange={(v: string | undefined) => onChange(v || undefined)}
      options={(offices.data?.offices ?? []).map((o) => ({ value: o.code, label: `${o.code} · ${o.name}` }))}
    />
  );
}

/** Sets query parameters of the current hash route (a filter change keeps the page and its other filters). */
export function setRouteParams(page: string, params: URLSearchParams, changes: Record<string, string | undefined>): void {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  const query = next.toString();
  window.location.hash = `#/${page}${query ? `?${query}` : ''}`;
}
