// "Xuất Excel": asks the core for the day-end report workbook and saves it as a file.
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { saveBase64File } from './save-file';

export function ExcelButton({ businessDate, onError }: { businessDate: string; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      saveBase64File(await call('dayEnd.exportExcel', { businessDate }));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={() => void run()} loading={busy} data-testid="day-report-excel">
      {t('dayReport.excel')}
    </Button>
  );
}
