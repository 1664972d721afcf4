// Inline search to add a member to a household: type a name, ID or phone, pick with ↑/↓ + Enter.
// Its input has the id `member-search` so the household screen's Alt+M can put the cursor there.
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/use-call';
import { formatDate } from '../../components/money';
import { useDebounced } from '../../components/use-debounced';

export function MemberSearch({ excludeIds, onPick, disabled }: { excludeIds: string[]; onPick: (id: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 200);
  const results = useCall('participants.search', query ? { query, limit: 20 } : null);
  const options = (results.data?.items ?? [])
    .filter((p) => !excludeIds.includes(p.id))
    .map((p) => ({
      value: p.id,
      label: `${p.fullName} · ${formatDate(p.dateOfBirth)} · ${p.personalId}`,
      disabled: !!p.householdId,
    }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      value={null}
      disabled={disabled}
      placeholder={t('household.addPlaceholder')}
      style={{ width: '100%' }}
      loading={results.isFetching}
      notFoundContent={query ? t('search.none') : t('household.addHint')}
      options={options}
      id="member-search"
      aria-label={t('household.addMember')}
      data-testid="member-search"
      onChange={(id: string | null) => {
        if (id) {
          setText('');
          onPick(id);
        }
      }}
    />
  );
}
