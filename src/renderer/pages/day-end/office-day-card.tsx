// The office-wide day-end (issue 20 item 5, ADR 0026): every device of the office for the day — its
// takings by collector, whether it closed the day, what it had not pushed at its last sync and when
// that was — then the cash handed over by collectors of other devices (field officers), and the
// office's total. "Nhận tiền" records a collector's handover: their days not yet handed over, the
// cash counted against them, a note on any difference.
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeDay, OfficeDayDevice } from '../../../shared/contract/office-day';
import { useCall } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { formatDong } from '../../components/money';
import { officeWhen } from '../../components/office-time';
import { HandoverModal, type HandoverTarget } from './handover-modal';

type Collector = OfficeDayDevice['collectors'][number];

function DeviceState({ device: d }: { device: OfficeDayDevice }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={d.dayClosed ? 'red' : 'green'} data-testid="device-day">
        {t(d.dayClosed ? 'officeDay.closed' : 'officeDay.open')}
      </Tag>
      {d.revoked && <Tag>{t('officeDay.revoked')}</Tag>}
    </>
  );
}

export function OfficeDayCard({ businessDate }: { businessDate: string }) {
  const { t } = useTranslation();
  const q = useCall('dayEnd.office', { businessDate });
  const [handover, setHandover] = useState<HandoverTarget | null>(null);
  const day: OfficeDay | undefined = q.data;
  const devices = day?.devices ?? [];
  const lonely = devices.length <= 1 && (day?.handovers.length ?? 0) === 0;
  return (
    <Card size="small" title={t('officeDay.title')} style={{ marginTop: 16 }} data-testid="office-day">
      <ErrorAlert error={q.error} />
      {day && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('officeDay.asOf', { when: officeWhen(day.lastPullAt, t('sync.never')) })}
        </Typography.Paragraph>
      )}
      {lonely && !q.isLoading ? (
        <Typography.Text type="secondary">{t('officeDay.alone')}</Typography.Text>
      ) : (
        <Table<OfficeDayDevice>
          size="small"
          rowKey={(d) => d.deviceId ?? 'this'}
          pagination={false}
          loading={q.isLoading}
          dataSource={devices}
          onRow={(d) => ({ 'data-testid': 'office-device', 'data-name': d.name }) as React.HTMLAttributes<HTMLElement>}
          expandable={{
            // Every device's collectors are always shown: the point of the page is to see them all.
            expandedRowKeys: devices.filter((d) => d.collectors.length > 0).map((d) => d.deviceId ?? 'this'),
            showExpandColumn: false,
            rowExpandable: (d) => d.collectors.length > 0,
            expandedRowRender: (d) => (
              <Table<Collector>
                size="small"
                rowKey={(c) => c.staffId ?? c.fullName}
                pagination={false}
                dataSource={d.collectors}
                onRow={() => ({ 'data-testid': 'office-collector' }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: t('receipt.collector'), dataIndex: 'fullName' },
                  { title: t('dayEnd.receiptCount'), dataIndex: 'receiptCount', width: 110 },
                  { title: t('dayEnd.expected'), dataIndex: 'total', align: 'right', width: 140, render: formatDong },
                  { title: t('dayEnd.refunds'), dataIndex: 'refundTotal', align: 'right', width: 120, render: (n: number) => (n ? formatDong(-n) : '') },
                  { title: t('dayEnd.due'), dataIndex: 'expected', align: 'right', width: 140, render: formatDong },
                  {
                    title: t('officeDay.handover'),
                    key: 'handover',
                    width: 250,
                    render: (_, c) =>
                      d.thisDevice ? (
                        <span className="muted">{t('officeDay.countedHere')}</span>
                      ) : c.openDays.length === 0 ? (
                        <Tag color="green">{t('officeDay.handedOver')}</Tag>
                      ) : (
                        <Button
                          size="small"
                          onClick={() => setHandover({ device: d, collector: c })}
                          data-testid="record-handover"
                          aria-label={t('officeDay.receiveFrom', { name: c.fullName })}
                        >
                          {t('officeDay.receive', { count: c.openDays.length, amount: formatDong(c.openDays.reduce((n, o) => n + o.expected, 0)) })}
                        </Button>
                      ),
                  },
                ]}
              />
            ),
          }}
          columns={[
            {
              title: t('officeDay.device'),
              key: 'name',
              render: (_, d) => (
                <>
                  <strong>{d.name}</strong> {d.thisDevice && <Tag color="blue">{t('officeDay.thisDevice')}</Tag>}
                </>
              ),
            },
            { title: t('officeDay.dayState'), key: 'state', width: 150, render: (_, d) => <DeviceState device={d} /> },
            { title: t('dayEnd.receiptCount'), dataIndex: 'receiptCount', width: 100 },
            { title: t('dayEnd.due'), dataIndex: 'expected', align: 'right', width: 140, render: formatDong },
            {
              title: t('officeDay.unsent'),
              key: 'unsent',
              width: 190,
              render: (_, d) =>
                d.pendingOps === null ? (
                  <span className="muted">{t('officeDay.unknown')}</span>
                ) : d.pendingOps === 0 ? (
                  <Tag color="green">{t('officeDay.allSent')}</Tag>
                ) : (
                  <Tag color="orange" data-testid="device-unsent">
                    {t('officeDay.unsentValue', { ops: d.pendingOps, receipts: d.pendingReceipts ?? 0, amount: formatDong(d.pendingTotal ?? 0) })}
                  </Tag>
                ),
            },
            { title: t('officeDay.lastSync'), key: 'sync', width: 150, render: (_, d) => officeWhen(d.lastSyncAt, t('sync.never')) },
          ]}
        />
      )}
      {day && day.handovers.length > 0 && (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey="id"
          pagination={false}
          dataSource={day.handovers}
          title={() => <strong>{t('officeDay.handovers')}</strong>}
          onRow={() => ({ 'data-testid': 'handover-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('receipt.collector'), key: 'who', render: (_, h) => `${h.collectorName} · ${h.fromDeviceName ?? h.fromDeviceId.slice(0, 8)}` },
            { title: t('officeDay.days'), key: 'days', render: (_, h) => h.businessDates.map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}`).join(', ') },
            { title: t('dayEnd.due'), dataIndex: 'expected', align: 'right', render: formatDong },
            { title: t('dayEnd.cashCounted'), dataIndex: 'cashCounted', align: 'right', render: formatDong },
            {
              title: t('dayEnd.difference'),
              dataIndex: 'difference',
              render: (n: number) =>
                n === 0 ? (
                  <Tag color="green">{t('dayEnd.matches')}</Tag>
                ) : (
                  <Tag color={n < 0 ? 'red' : 'orange'}>{t(n < 0 ? 'dayEnd.short' : 'dayEnd.over', { amount: formatDong(Math.abs(n)) })}</Tag>
                ),
            },
            { title: t('dayEnd.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
            { title: t('officeDay.receivedBy'), key: 'by', render: (_, h) => `${h.receivedByName}${h.recordedHere ? '' : ` (${t('officeDay.otherDevice')})`}` },
          ]}
        />
      )}
      {day && devices.length > 1 && (
        <Alert
          type="info"
          style={{ marginTop: 12 }}
          data-testid="office-total"
          title={t('officeDay.total', {
            receipts: day.totals.receiptCount,
            amount: formatDong(day.totals.expected),
            handed: formatDong(day.totals.handedOver),
          })}
        />
      )}
      <HandoverModal target={handover} businessDate={businessDate} onClose={() => setHandover(null)} />
    </Card>
  );
}
