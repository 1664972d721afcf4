// Coverage for the supervisor: per commune the people, enrolled in VSI and household HI, lapsed,
// in no scheme and the share covered at each month's end; per officer the visits and new
// enrollments per week and month; the same figures as Excel.
import { Button, DatePicker, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../../shared/contract/field';
import { useCall, useCallMutation } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate, formatMonth } from '../../components/money';
import { officeToday } from '../../components/office-time';
import { saveBase64File } from '../day-report/save-file';

const permille = (n: number) => `${(n / 10).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;

export function CoverageTab({ communeCodes }: { communeCodes: string[] }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState(officeToday());
  const input = { asOf, weeks: 4, months: 6, ...(communeCodes.length > 0 ? { communeCodes } : {}) };
  const q = useCall('field.coverage', input);
  const excel = useCallMutation('field.coverageExcel', { onSuccess: saveBase64File });
  const c = q.data;
  return (
    <div data-testid="coverage">
      <Space style={{ marginBottom: 12 }}>
        <span>{t('area.coverageAsOf')}</span>
        <DatePicker
          value={dayjs(asOf)}
          onChange={(v) => v && setAsOf(v.format('YYYY-MM-DD'))}
          format="DD/MM/YYYY"
          allowClear={false}
          aria-label={t('area.coverageAsOf')}
        />
        <Button onClick={() => excel.mutate(input)} loading={excel.isPending} data-testid="coverage-excel">
          {t('area.coverageExcel')}
        </Button>
      </Space>
      <ErrorAlert error={q.error ?? excel.error} />
      <Table<Coverage['communes'][number]>
        size="small"
        rowKey="code"
        pagination={false}
        loading={q.isLoading}
        dataSource={c?.communes ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('area.communeCol'), dataIndex: 'name' },
          { title: t('area.people'), dataIndex: 'people', align: 'right' },
          { title: t('area.vsi'), dataIndex: 'vsi', align: 'right' },
          { title: t('area.hhi'), dataIndex: 'hhi', align: 'right' },
          { title: t('area.lapsedVsi'), dataIndex: 'lapsedVsi', align: 'right' },
          { title: t('area.lapsedHhi'), dataIndex: 'lapsedHhi', align: 'right' },
          { title: t('area.noScheme'), dataIndex: 'noScheme', align: 'right' },
          ...(c?.months ?? []).map((m, i) => ({
            title: formatMonth(m),
            key: m,
            align: 'right' as const,
            render: (_: unknown, x: Coverage['communes'][number]) => permille(x.trend[i]?.permille ?? 0),
          })),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('area.officersTitle')}
      </Typography.Title>
      <Table<Coverage['officers'][number]>
        size="small"
        rowKey={(o) => o.username ?? o.name}
        pagination={false}
        dataSource={c?.officers ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('area.officer'), key: 'n', render: (_, o) => `${o.name}${o.username ? ` (${o.username})` : ''}` },
          ...(c?.weeks ?? []).map((w, i) => ({
            title: t('area.week', { date: formatDate(w).slice(0, 5) }),
            key: w,
            align: 'right' as const,
            render: (_: unknown, o: Coverage['officers'][number]) => `${o.visitsByWeek[i]?.count ?? 0} / ${o.enrollmentsByWeek[i]?.count ?? 0}`,
          })),
          ...(c?.months ?? []).slice(-2).map((m) => ({
            title: t('area.month', { month: formatMonth(m) }),
            key: m,
            align: 'right' as const,
            render: (_: unknown, o: Coverage['officers'][number]) => {
              const i = c!.months.indexOf(m);
              return `${o.visitsByMonth[i]?.count ?? 0} / ${o.enrollmentsByMonth[i]?.count ?? 0}`;
            },
          })),
        ]}
      />
      <Typography.Text type="secondary">
        {t('area.visits')} / {t('area.enrollments')}
      </Typography.Text>
    </div>
  );
}
