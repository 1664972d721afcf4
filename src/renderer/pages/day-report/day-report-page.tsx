// The day-end report for a business date (`#/day-report/<YYYY-MM-DD>`), supervisors only: the A4
// sheet as it will print, with Print (Electron's print bridge, archived as a PDF, or the browser's
// print) and the same report as an Excel file.
import { useQuery } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, hasShell } from '../../api/client';
import { ErrorAlert } from '../../components/error-alert';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack } from '../../routing/hash-router';
import { DayReportDocument } from './day-report-document';
import { ExcelButton } from './excel-button';
import './day-report.css';

export function DayReportPage({ businessDate }: { businessDate: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['dayEnd.report', businessDate], queryFn: () => call('dayEnd.report', { businessDate }), staleTime: 0 });
  const [error, setError] = useState<unknown>(null);
  const [printing, setPrinting] = useState(false);
  const r = q.data;

  const print = async () => {
    if (!r || printing) return;
    setPrinting(true);
    setError(null);
    try {
      if (hasShell()) {
        await call('shell.print', { archiveName: `chot-so-${r.office.code}-${r.businessDate}`, pageSize: 'A4' });
      } else {
        window.print();
      }
    } catch (e) {
      setError(e);
    } finally {
      setPrinting(false);
    }
  };

  useHotkeys({ 'Ctrl+P': () => void print(), Escape: goBack });

  if (q.isLoading) return <Spin />;
  if (!r) return <ErrorAlert error={q.error} />;

  return (
    <div data-testid="day-report-page">
      <div className="day-report-toolbar no-print">
        <Button onClick={goBack}>
          {t('common.back')} <kbd>Esc</kbd>
        </Button>
        <Button type="primary" onClick={() => void print()} loading={printing} data-testid="day-report-print">
          {t('dayReport.print')} <kbd>Ctrl+P</kbd>
        </Button>
        <ExcelButton businessDate={businessDate} onError={setError} />
      </div>
      <div className="no-print">
        <ErrorAlert error={error} onClose={() => setError(null)} />
      </div>
      <DayReportDocument report={r} />
    </div>
  );
}
