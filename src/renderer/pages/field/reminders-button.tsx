// "Xuất nhắc đóng": the people of the list who owe, with their own phone, amount, deadline and a
// filled-in message, saved as .xlsx or .csv for the office's SMS or Zalo tool (the core audits it).
import { Button, Dropdown, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitStatus } from '../../../shared/domain/visit-status';
import { useCallMutation } from '../../api/use-call';
import { errorText } from '../../components/api-errors';
import { saveBase64File } from '../day-report/save-file';

export function RemindersButton({ communeCode, hamlet, statuses }: { communeCode: string; hamlet: string; statuses: VisitStatus[] }) {
  const { t } = useTranslation();
  const [toast, holder] = message.useMessage();
  const exporting = useCallMutation('field.exportReminders', {
    onSuccess: (file) => {
      saveBase64File(file);
      void toast.success(t('field.remindersDone', { rows: file.rows, withoutPhone: file.withoutPhone }));
    },
    onError: (error) => void toast.error(errorText(error)),
  });
  const run = (format: 'xlsx' | 'csv') =>
    exporting.mutate({ communeCodes: [communeCode], ...(hamlet ? { hamlet } : {}), ...(statuses.length > 0 ? { statuses } : {}), format });
  return (
    <>
      {holder}
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'xlsx', label: 'Excel (.xlsx)' },
            { key: 'csv', label: 'CSV (.csv)' },
          ],
          onClick: ({ key }) => run(key as 'xlsx' | 'csv'),
        }}
      >
        <Button loading={exporting.isPending} data-testid="visit-reminders">
          {t('field.reminders')}
        </Button>
      </Dropdown>
    </>
  );
}
