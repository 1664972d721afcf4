// "Địa bàn" (#/area), supervisors only: a commune's hamlets, the officers' areas and the coverage
// figures, in three tabs.
import { Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/contract/staff';
import { useCall } from '../../api/use-call';
import { filterOption, useCommunes } from '../../components/reference-selects';
import { AssignmentsTab } from './assignments-tab';
import { CoverageTab } from './coverage-tab';
import { HamletsTab } from './hamlets-tab';
import './area.css';

export function AreaPage({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const communes = useCommunes(session.office.provinceCode);
  const area = useCall('field.myArea', {});
  const assigned = (area.data?.communes ?? []).map((c) => c.code);
  const [commune, setCommune] = useState<string | undefined>(undefined);
  const current = commune ?? assigned[0];
  return (
    <div data-testid="area-page">
      <div className="page-title">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('area.title')}
        </Typography.Title>
      </div>
      <Tabs
        items={[
          {
            key: 'hamlets',
            label: t('area.hamletsTab'),
            children: (
              <>
                <Select
                  showSearch={{ filterOption }}
                  value={current}
                  placeholder={t('field.chooseCommune')}
                  aria-label={t('field.commune')}
                  options={(communes.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
                  onChange={setCommune}
                  style={{ width: 300, marginBottom: 12 }}
                  data-testid="area-commune"
                />
                {current && <HamletsTab key={current} communeCode={current} />}
              </>
            ),
          },
          { key: 'assign', label: t('area.assignTab'), children: <AssignmentsTab provinceCode={session.office.provinceCode} /> },
          { key: 'coverage', label: t('area.coverageTab'), children: <CoverageTab communeCodes={assigned.length > 0 ? [] : current ? [current] : []} /> },
        ]}
      />
    </div>
  );
}
