// In the desktop app, once a release has been downloaded: a line under the header says so and that
// it installs when the app closes; "Ghi chú" shows the release notes; a supervisor may "Khởi động
// lại ngay" — refused, with the reason, while a sync, a backup, a restore or a form is under way
// (the shell decides, src/main/update-controller.ts). Nothing shows in the browser harness.
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall, useCallMutation } from '../api/use-call';
import { call, hasShell } from '../api/client';

export function UpdateBanner({ supervisor }: { supervisor: boolean }) {
  const { t } = useTranslation();
  const [notesOpen, setNotesOpen] = useState(false);
  const status = useCall('shell.updateStatus', hasShell() ? {} : null, { refetchInterval: 60_000 });
  const restart = useCallMutation('shell.updateRestart');
  const update = status.data;
  if (!update || update.state !== 'ready' || !update.version) return null;
  const blockedBy = restart.data?.blockedBy.length ? restart.data.blockedBy : update.blockedBy;
  const held = blockedBy.length > 0 ? t('update.heldBy', { reasons: blockedBy.map((r) => t(`update.busy.${r}`)).join(', ') }) : null;
  return (
    <>
      <Alert
        className="no-print"
        type="info"
        showIcon
        data-testid="update-banner"
        title={t('update.ready', { version: update.version })}
        description={held}
        action={
          <Space>
            {update.releaseNotes && (
              <Button size="small" onClick={() => setNotesOpen(true)}>
                {t('update.notes')}
              </Button>
            )}
            {supervisor && (
              <Button size="small" type="primary" disabled={blockedBy.length > 0} loading={restart.isPending} onClick={() => restart.mutate({})}>
                {t('update.restartNow')}
              </Button>
            )}
          </Space>
        }
      />
      <Modal open={notesOpen} title={t('update.notesTitle', { version: update.version })} onCancel={() => setNotesOpen(false)} footer={null}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{update.releaseNotes}</Typography.Paragraph>
      </Modal>
    </>
  );
}

/** The screens with a form a clerk may be half-way through: no "restart now" for an update meanwhile. */
function isFormScreen([first, , action]: readonly string[]): boolean {
  return first === 'new' || first === 'household' || action === 'edit' || action === 'collect';
}

/** Tells the desktop shell whether a form is open, as the screen changes. */
export function useFormActivity(segments: readonly string[]): void {
  const formOpen = isFormScreen(segments);
  useEffect(() => {
    if (hasShell()) void call('shell.activity', { formOpen }).catch(() => undefined);
  }, [formOpen]);
}
