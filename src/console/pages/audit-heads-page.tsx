// Audit heads: per device, the last audit head its batches carried (sequence number, hash, when)
// and how many of its audit entries the central holds (ADR 0028). A device whose head stopped
// moving while it still syncs, or that holds far fewer entries than its head's number, is where
// to look. A device whose entries the central refused shows the refusal, and an administrator
// settles it there once looked into (audit-reanchor-button.tsx).
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceRow } from '../../shared/console/console-api';
import { useRoute } from '../../renderer/routing/hash-router';
import { useDevices } from '../api/console-queries';
import { formatInstant } from '../format';
import { isAdministrator, useSignedIn } from '../session/session-context';
import { OfficeSelect, setRouteParams } from './office-select';
import { AuditReanchorButton } from './audit-reanchor-button';
import { PageFrame } from './page-frame';

export function AuditHeadsPage() {
  const { t } = useTranslation();
  const { params } = useRoute();
  const office = params.get('office') || undefined;
  const devices = useDevices(office);
  const admin = isAdministrator(useSignedIn());
  return (
    <PageFrame
      title={t('nav.audit')}
      error={devices.error}
      testId="audit-page"
      extra={<OfficeSelect value={office} onChange={(v) => setRouteParams('audit', params, { office: v })} />}
    >
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      <Table<DeviceRow>
        size="small"
        rowKey="id"
        loading={devices.isLoading}
        dataSource={devices.data?.devices ?? []}
        pagination={false}
        onRow={() => ({ 'data-testid': 'audit-row' }) as never}
        columns={[
          {
            title: t('devices.device'),
            key: 'device',
            render: (_, d) => (
              <>
                <strong>{d.name}</strong> · {d.officeCode}
                {d.revokedAt ? (
                  <Tag color="error" style={{ marginLeft: 8 }}>
                    {t('devices.revoked')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          { title: t('audit.seq'), key: 'seq', align: 'right', render: (_, d) => (d.auditHead ? d.auditHead.seq.toLocaleString('vi-VN') : '—') },
          {
            title: t('audit.hash'),
            key: 'hash',
            render: (_, d) =>
              d.auditHead ? <code className="audit-hash">{d.auditHead.hash}</code> : <Typography.Text type="secondary">{t('audit.noHead')}</Typography.Text>,
          },
          { title: t('audit.at'), key: 'at', render: (_, d) => formatInstant(d.auditHead?.at) },
          {
            title: t('audit.entriesHeld'),
            key: 'held',
            align: 'right',
            render: (_, d) => {
              if (!d.auditHead) return '—';
              if (d.auditHead.problem)
                return (
                  <Space direction="vertical" size={4} align="end">
                    <Tag color="error" data-testid="audit-problem">
                      {d.auditHead.problem}
                    </Tag>
                    <AuditReanchorButton device={d} admin={admin} />
                  </Space>
                );
              const missing = d.auditHead.seq - d.auditHead.entriesHeld;
              return missing > 0 ? (
                <Tag color="warning">{t('audit.entriesMissing', { held: d.auditHead.entriesHeld, missing })}</Tag>
              ) : (
                d.auditHead.entriesHeld.toLocaleString('vi-VN')
              );
            },
          },
          { title: t('devices.lastSync'), dataIndex: 'lastSyncAt', render: (v: string | null) => formatInstant(v) },
        ]}
      />
    </PageFrame>
  );
}
