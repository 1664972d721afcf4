// On a fresh install: open a sealed copy from the USB stick (file + passphrase) instead of setting
// up a new office. The copy takes over at once (the core reopens its store), so after it opens the
// page says what it holds and leads to the sign-in, with the office's own accounts.
import { Alert, Button, Input, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { officeDateTime } from '../../components/office-time';
import { PickPathButton } from '../../components/pick-path-button';
import { useProgressWhile } from '../../components/store-copy-queries';

export function RestoreForm({ storeFile, onRestored }: { storeFile: string; onRestored: (message: string) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  // A path the shell's chooser could not give.
  const [pickError, setPickError] = useState<unknown>(null);
  const restore = useCallMutation('store.restore', {
    onSuccess: (copy) =>
      onRestored(
        t('setup.restoreDone', {
          office: `${copy.officeName} (${copy.officeCode})`,
          people: copy.participants,
          receipts: copy.receipts,
          takenAt: officeDateTime(copy.takenAt),
        }),
      ),
  });
  const busy = restore.isPending;
  // Decrypting and checking a large office's copy takes a while: how far it has got.
  const progress = useProgressWhile('store.restoreProgress', busy);
  const run = () => {
    if (busy || !file.trim() || !passphrase) return;
    setPickError(null);
    restore.mutate({ file: file.trim(), passphrase });
  };
  return (
    <>
      <Typography.Paragraph>{t('setup.restoreHelp')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text code copyable data-testid="restore-store-file">
          {storeFile}
        </Typography.Text>
      </Typography.Paragraph>
      <ErrorAlert error={restore.error ?? pickError} />
      <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
        <Input
          addonBefore={t('setup.restoreFile')}
          aria-label={t('setup.restoreFile')}
          value={file}
          onChange={(e) => setFile(e.target.value)}
          placeholder={'E:\\field-office-….sqlite.age'}
          data-testid="restore-file"
        />
        <PickPathButton kind="backup-file" onPicked={setFile} onError={setPickError} />
      </Space.Compact>
      <Space.Compact style={{ width: '100%' }}>
        <Input.Password
          addonBefore={t('setup.restorePassphrase')}
          aria-label={t('setup.restorePassphrase')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          onPressEnter={run}
          data-testid="restore-passphrase"
        />
        <Button type="primary" onClick={run} loading={busy} disabled={!file.trim() || !passphrase} data-testid="restore-run">
          {t('setup.restoreRun')}
        </Button>
      </Space.Compact>
      {busy && (
        <div style={{ marginTop: 8 }} data-testid="restore-running">
          <Progress percent={progress.data?.percent ?? 0} status="active" size="small" />
          <Typography.Text type="secondary">{t(progress.data?.phase === 'checking' ? 'setup.restoreChecking' : 'setup.restoreOpening')}</Typography.Text>
        </div>
      )}
    </>
  );
}

/** Shown once a copy is open and in use: what it holds, then on to the sign-in. */
export function RestoredNotice({ message, onContinue }: { message: string; onContinue: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="success" showIcon title={message} data-testid="restore-done" style={{ marginBottom: 16 }} />
      <Button type="primary" autoFocus onClick={onContinue} data-testid="restore-continue">
        {t('setup.restoreContinue')}
      </Button>
    </>
  );
}
