// Devices: every enrolled laptop and counter PC (of one office, or all) with when it last synced,
// what it reported as not yet pushed, its last closed day and its audit head. An administrator
// revokes a lost or stolen device here (after a confirmation naming it) and issues an office's
// one-time enrollment code, shown large to read out; a reviewer sees both buttons disabled.
import { Button, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRow } from '../../shared/console/console-api';
import { useRoute } from '../../renderer/routing/hash-router';
import { useDevices, useEnrollmentCode, useRevokeDevice } from '../api/console-queries';
import { formatDate, formatDong, formatInstant, shortHash } from '../format';
import { isAdministrator, useSignedIn } from '../session/session-context';
import { useConfirmAction } from './confirm-action';
import { OfficeSelect, setRouteParams } from './office-select';
import { PageFrame } from './page-frame';

export function DevicesPage() {
  const { t } = useTranslation();
  const { params } = useRoute();
  const office = params.get('office') ?? undefined;
  const admin = isAdministrator(useSignedIn());
  const devices = useDevices(office);
  const revoke = useRevokeDevice();
  const enrollment = useEnrollmentCode();
  const { confirm, fail, contextHolder } = useConfirmAction();
  const [code, setCode] = useState<{ code: string; officeCode: string } | null>(null);
  const onlyAdmin = admin ? undefined : t('devices.onlyAdministrator');

  const confirmRevoke = (device: DeviceRow) =>
    confirm({
      title: t('devices.revokeTitle', { name: device.name }),
      content: t('devices.revokeText', { office: device.officeCode }),
      okText: t('devices.revoke'),
      danger: true,
      testId: 'confirm-revoke',
      run: () => revoke.mutateAsync(device.id),
    });

  const issueCode = async () => {
    if (!office) return;
    try {
      setCode(await enrollment.mutateAsync(office));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <PageFrame
      title={t('nav.devices')}
      error={devices.error}
      testId="devices-page"
      extra={
        <Space>
          <OfficeSelect value={office} onChange={(v) => setRouteParams('devices', params, { office: v })} />
          <Tooltip title={onlyAdmin ?? (office ? undefined : t('devices.pickOfficeFirst'))}>
            <Button disabled={!admin || !office} loading={enrollment.isPending} onClick={() => void issueCode()} data-testid="issue-code">
              {t('devices.issueCode')}
            </Button>
          </Tooltip>
        </Space>
      }
    >
      {contextHolder}
      <Table<DeviceRow>
        size="small"
        rowKey="id"
        loading={devices.isLoading}
        dataSource={devices.data?.devices ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        onRow={() => ({ 'data-testid': 'device-row' }) as never}
        columns={[
          {
            title: t('devices.device'),
            key: 'name',
            render: (_, d) => (
              <>
                <strong>{d.name}</strong> · {d.officeCode}
                <br />
                <Typography.Text type="secondary">{t('devices.enrolledAt', { at: formatInstant(d.enrolledAt) })}</Typography.Text>
              </>
            ),
          },
          { title: t('devices.lastSync'), dataIndex: 'lastSyncAt', render: (v: string | null) => formatInstant(v) },
          {
            title: t('devices.backlog'),
            key: 'backlog',
            render: (_, d) =>
              d.backlogOps === null ? (
                <Typography.Text type="secondary">{t('devices.neverReported')}</Typography.Text>
              ) : (
                <span>
                  {t('devices.backlogOps', { n: d.backlogOps })}
                  {d.backlogReceipts ? (
                    <>
                      <br />
                      {t('devices.backlogReceipts', { n: d.backlogReceipts, total: formatDong(d.backlogTotal ?? 0) })}
                    </>
                  ) : null}
                </span>
              ),
          },
          { title: t('devices.lastClosedDay'), dataIndex: 'lastClosedDay', render: (v: string | null) => (v ? formatDate(v) : '—') },
          {
            title: t('devices.auditHead'),
            key: 'audit',
            render: (_, d) =>
              d.auditHead ? (
                <span data-testid="device-audit-head">
                  #{d.auditHead.seq} · <code title={d.auditHead.hash}>{shortHash(d.auditHead.hash)}</code>
                  <br />
                  <Typography.Text type="secondary">{formatInstant(d.auditHead.at)}</Typography.Text>
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: t('devices.state'),
            key: 'state',
            render: (_, d) =>
              d.revokedAt ? (
                <Tag color="error" data-testid="device-revoked">
                  {t('devices.revokedAt', { at: formatInstant(d.revokedAt) })}
                </Tag>
              ) : (
                <Tag color="success">{t('devices.active')}</Tag>
              ),
          },
          {
            title: t('app.actions'),
            key: 'actions',
            render: (_, d) =>
              d.revokedAt ? null : (
                <Tooltip title={onlyAdmin}>
                  <Button danger size="small" disabled={!admin} onClick={() => confirmRevoke(d)} data-testid="revoke-device">
                    {t('devices.revoke')}
                  </Button>
                </Tooltip>
              ),
          },
        ]}
      />
      <Modal
        open={code !== null}
        title={t('devices.codeTitle', { office: code?.officeCode ?? '' })}
        onCancel={() => setCode(null)}
        footer={
          <Button type="primary" onClick={() => setCode(null)}>
            {t('app.close')}
          </Button>
        }
      >
        <Typography.Paragraph>{t('devices.codeText')}</Typography.Paragraph>
        <Typography.Text copyable={{ text: code?.code ?? '' }} className="enrollment-code" data-testid="enrollment-code">
          {code?.code}
        </Typography.Text>
      </Modal>
    </PageFrame>
  );
}
