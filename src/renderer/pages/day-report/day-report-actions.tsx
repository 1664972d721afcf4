// The day-end page's way to the report: open the printable A4 report, or save it as Excel.
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { href } from '../../routing/hash-router';
import { ExcelButton } from './excel-button';

export function DayReportActions({ businessDate, onError }: { businessDate: string; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button href={href('day-report', businessDate)} data-testid="open-day-report">
        {t('dayReport.open')}
      </Button>
      <ExcelButton businessDate={businessDate} onError={onError} />
    </Space>
  );
}
