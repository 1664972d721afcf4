// The day-end report for a business date (`#/day-report/<YYYY-MM-DD>`), supervisors only: the A4
// sheet as it will print, with Print (Electron's print bridge, archived as a PDF, or the browser's
// print) and the same report as an Excel file.
import { useMutation } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, hasShell } from '../../api/client';
import { useCall } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack } from '../../routing/hash-router';
import { DayReportDocument } from './day-report-document';
import { ExcelButton } from './excel-button';
import '../../styles/print-table.css';
import './day-report.css';

export function DayReportPage({ businessDate }: { businessDate: string }) {
  const { t } = useTranslation();
  const q = useCall('dayEnd.report', { businessDate }, { staleTime: 0 });
  const [excelError, setExcelError] = useState<unknown>(null);
  const r = q.data;
  // Electron's print bridge (archived as a PDF), or the browser's print.
  const printing = useMutation({
    mutationFn: async (report: NonNullable<typeof r>) => {
      if (hasShell()) await call('shell.print', { archiveName: `chot-so-${report.office.code}-${report.businessDate}`, pageSize: 'A4' });
      else window.print();
    },
  });
  const print = () => r && !printing.isPending && printing.mutate(r);
  const error = printing.error ?? excelError;

  useHotkeys({ 'Ctrl+P': print, Escape: goBack });

  if (q.isLoading) return <Spin />;
  if (!r) return <ErrorAlert error={q.error} />;

  return (
    <div data-testid="day-report-page">
      <div className="day-report-toolbar no-print">
        <Button onClick={goBack}>
          {t('common.back')} <kbd>Esc</kbd>
        </Button>
        <Button type="primary" onClick={print} loading={printing.isPending} data-testid="day-report-print">
          {t('dayReport.print')} <kbd>Ctrl+P</kbd>
        </Button>
        <ExcelButton businessDate={businessDate} onError={setExcelError} />
      </div>
      <div className="no-print">
        <ErrorAlert error={error} onClose={() => (printing.reset(), setExcelError(null))} />
      </div>
      <DayReportDocument report={r} />
    </div>
  );
}
