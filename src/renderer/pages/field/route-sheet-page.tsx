// The route sheet (#/route-sheet?commune=&hamlets=&date=): the hamlets to walk on a day, as it
// will print (A4 landscape), with Print (Electron's print bridge archives it as a PDF like the day
// report; the browser prints it) and the same sheet as Excel.
import { useMutation } from '@tanstack/react-query';
import { Button, DatePicker, Select, Spin } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_HAMLET } from '../../../shared/contract/field';
import { call, hasShell } from '../../api/client';
import { useCall, useCallMutation } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { officeToday } from '../../components/office-time';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack } from '../../routing/hash-router';
import { saveBase64File } from '../day-report/save-file';
import { RouteSheetDocument } from './route-sheet-document';
import '../../styles/print-table.css';
import './route-sheet.css';

export function RouteSheetPage({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const communeCode = params.get('commune') ?? '';
  const [date, setDate] = useState(params.get('date') ?? officeToday());
  const [hamletIds, setHamletIds] = useState<string[]>(() => (params.get('hamlets') ?? '').split(',').filter(Boolean));
  const area = useCall('field.myArea', {});
  const listed = useCall('hamlets.list', communeCode ? { communeCode } : null);
  const hamlets = area.data?.communes.find((c) => c.code === communeCode)?.hamlets ?? listed.data?.items ?? [];
  const input = { communeCode, date, ...(hamletIds.length > 0 ? { hamletIds } : {}) };
  const q = useCall('field.routeSheet', communeCode ? input : null, { staleTime: 0 });
  const excel = useCallMutation('field.routeSheetExcel', { onSuccess: saveBase64File });
  const printing = useMutation({
    mutationFn: async () => {
      const officer = q.data?.officerName ? `-${q.data.office.code}` : '';
      if (hasShell()) await call('shell.print', { archiveName: `lo-trinh${officer}-${communeCode}-${date}`, pageSize: 'A4' });
      else window.print();
    },
  });
  const print = () => q.data && !printing.isPending && printing.mutate();
  useHotkeys({ 'Ctrl+P': print, Escape: goBack });
  return (
    <div data-testid="route-sheet-page">
      <div className="route-sheet-toolbar no-print">
        <Button onClick={goBack}>
          {t('common.back')} <kbd>Esc</kbd>
        </Button>
        <DatePicker
          value={dayjs(date)}
          onChange={(v) => v && setDate(v.format('YYYY-MM-DD'))}
          format="DD/MM/YYYY"
          allowClear={false}
          aria-label={t('routeSheet.date')}
        />
        <Select
          mode="multiple"
          allowClear
          value={hamletIds}
          onChange={setHamletIds}
          placeholder={t('routeSheet.choose')}
          aria-label={t('routeSheet.choose')}
          style={{ minWidth: 280 }}
          options={[...hamlets.map((h) => ({ value: h.id, label: h.label })), { value: NO_HAMLET, label: t('field.noHamlet') }]}
          data-testid="route-sheet-hamlets"
        />
        <Button type="primary" onClick={print} loading={printing.isPending} disabled={!q.data} data-testid="route-sheet-print">
          {t('routeSheet.print')} <kbd>Ctrl+P</kbd>
        </Button>
        <Button onClick={() => excel.mutate(input)} loading={excel.isPending} data-testid="route-sheet-excel">
          {t('routeSheet.excel')}
        </Button>
      </div>
      <div className="no-print">
        <ErrorAlert error={q.error ?? printing.error ?? excel.error} />
      </div>
      {q.isLoading ? <Spin /> : q.data && <RouteSheetDocument sheet={q.data} />}
    </div>
  );
}
