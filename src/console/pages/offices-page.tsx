// Offices: one row per office of the province with its coverage (people, enrolments, the last 30
// days' receipts), what its devices have not pushed yet, when it was last heard from, and what
// waits for review there (held items, open fraud signals). A row opens the office's devices.
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfficeRow } from '../../shared/console/console-api';
import { hrefWith } from '../../renderer/routing/hash-router';
import { useOffices } from '../api/console-queries';
import { formatDong, formatInstant } from '../format';
import { openableRow, PageFrame } from './page-frame';

export function OfficesPage() {
  const { t } = useTranslation();
  const offices = useOffices();
  const open = (office: OfficeRow) => (window.location.hash = hrefWith(['devices'], { office: office.code }));
  return (
    <PageFrame title={t('nav.offices')} error={offices.error} testId="offices-page">
      <Table<OfficeRow>
        size="small"
        rowKey="code"
        loading={offices.isLoading}
        dataSource={offices.data?.offices ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        onRow={(office) => ({ ...openableRow(() => open(office), t('offices.open', { name: office.name })), 'data-testid': 'office-row' }) as never}
        columns={[
          {
            title: t('offices.office'),
            key: 'office',
            render: (_, o) => (
              <>
                <strong>{o.code}</strong> · {o.name}
              </>
            ),
          },
          {
            title: t('offices.devices'),
            key: 'devices',
            align: 'right',
            render: (_, o) => (o.revokedDevices > 0 ? t('offices.devicesRevoked', { n: o.devices, revoked: o.revokedDevices }) : o.devices),
          },
          { title: t('offices.lastSync'), dataIndex: 'lastSyncAt', render: (v: string | null) => formatInstant(v) },
          {
            title: t('offices.backlog'),
            key: 'backlog',
            className: 'nowrap',
            align: 'right',
            render: (_, o) =>
              o.backlogOps > 0 ? (
                <span>
                  {t('offices.backlogOps', { n: o.backlogOps })}
                  <br />
                  {formatDong(o.backlogTotal)}
                </span>
              ) : (
                '0'
              ),
          },
          { title: t('offices.people'), key: 'people', align: 'right', render: (_, o) => o.coverage.people.toLocaleString('vi-VN') },
          { title: t('offices.vsi'), key: 'vsi', align: 'right', render: (_, o) => o.coverage.vsiEnrolled.toLocaleString('vi-VN') },
          { title: t('offices.hhi'), key: 'hhi', align: 'right', render: (_, o) => o.coverage.hhiEnrolled.toLocaleString('vi-VN') },
          {
            title: t('offices.receipts30d'),
            key: 'receipts',
            className: 'nowrap',
            align: 'right',
            render: (_, o) => (
              <span>
                {o.coverage.receipts30d.toLocaleString('vi-VN')}
                <br />
                {formatDong(o.coverage.total30d)}
              </span>
            ),
          },
          { title: t('offices.openHeld'), dataIndex: 'openHeld', align: 'right', render: (n: number) => (n > 0 ? <Tag color="warning">{n}</Tag> : 0) },
          { title: t('offices.openSignals'), dataIndex: 'openSignals', align: 'right', render: (n: number) => (n > 0 ? <Tag color="error">{n}</Tag> : 0) },
        ]}
      />
    </PageFrame>
  );
}
