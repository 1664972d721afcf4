// "Xuất Excel": asks the core for the day-end report workbook and saves it as a file.
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCallMutation } from '../../api/use-call';
import { saveBase64File } from './save-file';

export function ExcelButton({ businessDate, onError }: { businessDate: string; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const excel = useCallMutation('dayEnd.exportExcel', { onSuccess: saveBase64File, onError });
  return (
    <Button onClick={() => excel.mutate({ businessDate })} loading={excel.isPending} data-testid="day-report-excel">
      {t('dayReport.excel')}
    </Button>
  );
}
