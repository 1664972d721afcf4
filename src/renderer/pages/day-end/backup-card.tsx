// Day end, for the supervisor: a copy of the whole office store to a folder (a USB stick), sealed
// with a passphrase typed twice — what an office that has been offline for days has until its
// work reaches the central service, and unreadable to whoever finds the stick.
import { Alert, Button, Card, Input, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateCalls, useCallMutation, useQueryClient } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { officeDateTime } from '../../components/office-time';
import { PickPathButton } from '../../components/pick-path-button';
import { backupStatusKey, hasWorkInNoCopy, useBackupStatus, useProgressWhile } from '../../components/store-copy-queries';
import { useSyncStatus } from '../../components/sync-status';

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

export function BackupCard() {
  const { t } = useTranslation();
  const [directory, setDirectory] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [pickError, setPickError] = useState<unknown>(null);
  const queryClient = useQueryClient();
  // The last copy and the work since that is in no copy: what a dead laptop would cost right now.
  const status = useBackupStatus();
  const backup = useCallMutation('store.backup', {
    onSuccess: () => {
      setPassphrase('');
      setRepeat('');
    },
    onSettled: () => invalidateCalls(queryClient, backupStatusKey),
  });
  const busy = backup.isPending;
  const done = backup.data;
  // While a copy runs, how far it has got (a USB stick can take a minute for a large office).
  const progress = useProgressWhile('store.backupProgress', busy);
  // The passphrase is typed twice: a copy sealed with a mistyped one could never be opened.
  const mismatch = repeat.length > 0 && repeat !== passphrase;
  const ready = directory.trim().length > 0 && passphrase.length > 0 && repeat === passphrase;
  const run = () => {
    if (busy || !ready) return;
    setPickError(null);
    backup.mutate({ directory: directory.trim(), passphrase });
  };
  const last = status.data?.last;
  const inNoCopy = !!status.data && hasWorkInNoCopy(status.data);
  // What waits to be sent: the status bar's own count, so the two never disagree.
  const pending = useSyncStatus().data?.pendingOps ?? 0;
  const upToDate = pending > 0 ? 'backup.lastUpToDatePending' : 'backup.lastUpToDate';
  return (
    <Card size="small" title={t('backup.title')} style={{ marginTop: 16 }} data-testid="backup-card">
      <Typography.Paragraph type="secondary">{t('backup.help')}</Typography.Paragraph>
      {status.data && (
        <Alert
          type={!last || inNoCopy ? 'warning' : 'info'}
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          data-testid="backup-last"
          title={
            last
              ? t(inNoCopy ? 'backup.lastWithSince' : upToDate, {
                  when: officeDateTime(last.at),
                  file: last.file,
                  receipts: status.data.receiptsSince,
                  changes: status.data.unsentSince,
                  count: pending,
                })
              : t('backup.never', { receipts: status.data.receiptsSince, changes: status.data.unsentSince })
          }
        />
      )}
      <ErrorAlert error={backup.error ?? pickError} />
      {done && (
        <Alert
          type="success"
          showIcon
          title={t('backup.done', { people: done.participants, receipts: done.receipts, size: megabytes(done.bytes), file: done.file })}
          style={{ marginBottom: 12 }}
          data-testid="backup-message"
        />
      )}
      <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
        <Input.Password
          addonBefore={t('backup.passphrase')}
          aria-label={t('backup.passphrase')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          autoComplete="new-password"
          data-testid="backup-passphrase"
        />
        <Input.Password
          placeholder={t('backup.passphraseRepeat')}
          aria-label={t('backup.passphraseRepeat')}
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          onPressEnter={run}
          status={mismatch ? 'error' : undefined}
          autoComplete="new-password"
          data-testid="backup-passphrase-repeat"
        />
      </Space.Compact>
      {mismatch && <Typography.Paragraph type="danger">{t('backup.passphraseMismatch')}</Typography.Paragraph>}
      <Space.Compact style={{ width: '100%' }}>
        <Input
          addonBefore={t('backup.folder')}
          aria-label={t('backup.folder')}
          value={directory}
          onChange={(e) => setDirectory(e.target.value)}
          onPressEnter={run}
          placeholder={'E:\\'}
          data-testid="backup-dir"
        />
        <PickPathButton kind="backup-folder" onPicked={setDirectory} onError={setPickError} />
        <Button type="primary" onClick={run} loading={busy} disabled={!ready} data-testid="backup-run">
          {t('backup.run')}
        </Button>
      </Space.Compact>
      {busy && (
        <div style={{ marginTop: 8 }} data-testid="backup-running">
          <Progress percent={progress.data?.percent ?? 0} status="active" size="small" />
          <Typography.Text type="secondary">
            {t(progress.data?.phase === 'sealing' ? 'backup.sealing' : progress.data?.phase === 'checking' ? 'backup.checking' : 'backup.running')}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
