// The supervisor's sync page: enroll this device (central URL + one-time code), see where sync
// stands, push now with progress and a result summary, and sync by file when there is no link
// (export pending batches to a folder, import the result file the central gives back).
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PushSummary, SyncStatus } from '../../../shared/contract/sync';
import { invalidateCalls, setCallData, useCallMutation, useQueryClient } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { inLanguage } from '../../components/api-errors';
import { placeFieldError, unplacedError } from '../../components/field-errors';
import { PickPathButton } from '../../components/pick-path-button';
import { ShortcutBar } from '../../components/shortcut-bar';
import { officeWhen } from '../../components/office-time';
import { SyncProgress, syncStatusKey, useSyncStatus } from '../../components/sync-status';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack, href } from '../../routing/hash-router';
import { PictureCard } from './picture-card';

/** "Push now" with the live progress and the result summary; shared by this page and day-end. */
export function PushNowBlock({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const pushNow = useCallMutation('sync.pushNow', {
    onMutate: () => invalidateCalls(queryClient, syncStatusKey),
    onSettled: () => invalidateCalls(queryClient, syncStatusKey),
  });
  const { data: status } = useSyncStatus(pushNow.isPending);
  const summary = pushNow.data ?? null;
  const busy = pushNow.isPending;
  const push = () => pushNow.mutate({});
  const summaryTitle = (pushed: PushSummary, now: SyncStatus | undefined) => {
    if (pushed.error) return t('sync.summaryFailed', { error: inLanguage(pushed.error, pushed.errorEn) });
    if (pushed.batches > 0 || pushed.pulled > 0) return t('sync.summary', pushed);
    // Nothing left to send, often because the background sync sent the day's work a moment ago:
    // the supervisor closing the day still sees what the central answered for it.
    if (now && now.today.batches > 0) return t('sync.nothingToday', { ...now.today, when: officeWhen(now.today.lastAt, '') });
    return t('sync.nothing');
  };
  return (
    <div data-testid="push-now-block">
      <Space wrap>
        <Button type="primary" onClick={push} loading={busy} disabled={!status?.enrolled} autoFocus={autoFocus} data-testid="push-now">
          {busy ? t('sync.pushing') : t('sync.pushNow')}
        </Button>
        {status && <SyncProgress status={status} />}
      </Space>
      <ErrorAlert error={pushNow.error} />
      {summary && (
        <Alert
          style={{ marginTop: 12 }}
          type={summary.error ? 'warning' : summary.rejected + summary.held > 0 ? 'info' : 'success'}
          showIcon
          data-testid="push-summary"
          title={summaryTitle(summary, status)}
          description={summary.rejected + summary.held > 0 ? <a href={href('sync-issues')}>{t('sync.issuesLink')}</a> : undefined}
        />
      )}
    </div>
  );
}

function EnrollCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ centralUrl: string; code: string; deviceName?: string }>();
  const fields = ['centralUrl', 'code', 'deviceName'];
  const enroll = useCallMutation('sync.enroll', {
    onSuccess: (status) => setCallData(queryClient, 'sync.status', {}, status),
    onError: (e) => placeFieldError(form, e, fields),
  });
  return (
    <Card title={t('sync.enrollTitle')} style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t('sync.enrollHelp')}</Typography.Paragraph>
      <ErrorAlert error={unplacedError(enroll.error, fields)} />
      <Form form={form} layout="vertical" onFinish={(v) => enroll.mutate(v)} data-testid="enroll-form">
        <Form.Item name="centralUrl" label={t('sync.centralUrl')} rules={[{ required: true }]}>
          <Input autoFocus placeholder="https://bhxh-trungtam.example.vn/" data-testid="central-url" />
        </Form.Item>
        <Form.Item name="code" label={t('sync.code')} rules={[{ required: true }]}>
          <Input style={{ textTransform: 'uppercase', letterSpacing: 2 }} data-testid="enroll-code" />
        </Form.Item>
        <Form.Item name="deviceName" label={t('sync.deviceName')} extra={t('sync.deviceNameHelp')}>
          <Input maxLength={60} placeholder={t('sync.deviceNamePlaceholder')} data-testid="device-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={enroll.isPending} data-testid="enroll-submit">
          {t('sync.enroll')}
        </Button>
      </Form>
    </Card>
  );
}

function FileSyncCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [directory, setDirectory] = useState('');
  const [file, setFile] = useState('');
  const [pickError, setPickError] = useState<unknown>(null);
  const settled = { onSettled: () => invalidateCalls(queryClient, syncStatusKey) };
  const exportFile = useCallMutation('sync.exportFile', settled);
  const importResult = useCallMutation('sync.importResult', settled);
  const message = exportFile.data ? t('sync.exported', { ...exportFile.data }) : importResult.data ? t('sync.imported', { ...importResult.data }) : null;
  return (
    <Card title={t('sync.fileTitle')} size="small" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('sync.fileHelp')}</Typography.Paragraph>
      <ErrorAlert error={exportFile.error ?? importResult.error ?? pickError} />
      {message && <Alert type="success" showIcon title={message} style={{ marginBottom: 12 }} data-testid="file-sync-message" />}
      <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
        <Input
          addonBefore={t('sync.exportDir')}
          aria-label={t('sync.exportDir')}
          value={directory}
          onChange={(e) => setDirectory(e.target.value)}
          placeholder={'E:\\'}
          data-testid="export-dir"
        />
        <PickPathButton kind="export-folder" onPicked={setDirectory} onError={setPickError} />
        <Button
          disabled={!directory.trim()}
          loading={exportFile.isPending}
          onClick={() => (importResult.reset(), exportFile.mutate({ directory: directory.trim() }))}
          data-testid="export-file"
        >
          {t('sync.export')}
        </Button>
      </Space.Compact>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          addonBefore={t('sync.resultFile')}
          aria-label={t('sync.resultFile')}
          value={file}
          onChange={(e) => setFile(e.target.value)}
          placeholder={'E:\\….results.json'}
          data-testid="result-file"
        />
        <PickPathButton kind="result-file" onPicked={setFile} onError={setPickError} />
        <Button
          disabled={!file.trim()}
          loading={importResult.isPending}
          onClick={() => (exportFile.reset(), importResult.mutate({ file: file.trim() }))}
          data-testid="import-result"
        >
          {t('sync.import')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

export function SyncPage() {
  const { t } = useTranslation();
  const { data: status, error } = useSyncStatus();
  useHotkeys({ Escape: goBack });
  return (
    <div data-testid="sync-page">
      <div className="page-title">
        <Typography.Title level={2}>{t('sync.title')}</Typography.Title>
      </div>
      <ErrorAlert error={error} />
      {status && !status.enrolled && <EnrollCard />}
      {status?.enrolled && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={2} data-testid="sync-details">
              <Descriptions.Item label={t('sync.enrolled')}>
                <Tag color={status.online ? 'green' : 'orange'}>{status.online ? t('sync.online') : t('sync.offline')}</Tag> {status.centralUrl}
              </Descriptions.Item>
              <Descriptions.Item label={t('sync.deviceId')}>
                <Typography.Text code>{status.centralDeviceId}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('sync.pendingOps')}>
                <strong data-testid="sync-pending-ops">{status.pendingOps}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('sync.unanswered')}>{status.unansweredBatches}</Descriptions.Item>
              <Descriptions.Item label={t('sync.lastSuccess', { when: '' }).replace(/:\s*$/, '')}>
                {officeWhen(status.lastSuccessAt, t('sync.never'))}
              </Descriptions.Item>
              <Descriptions.Item label={t('sync.nextAttempt')}>{officeWhen(status.nextAttemptAt, '—')}</Descriptions.Item>
              <Descriptions.Item label={t('sync.today')}>
                <span data-testid="sync-today">{status.today.batches > 0 ? t('sync.todaySummary', status.today) : t('sync.todayNone')}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('sync.keyProtection')}>
                <Tag color={status.keyProtection === 'os-keychain' ? 'green' : 'orange'}>{t(`sync.key.${status.keyProtection}`)}</Tag>
              </Descriptions.Item>
              {status.openIssues > 0 && (
                <Descriptions.Item label={t('nav.syncIssues')}>
                  <a href={href('sync-issues')}>{t('sync.openIssues', { count: status.openIssues })}</a>
                </Descriptions.Item>
              )}
              {status.lastError && (
                <Descriptions.Item label={t('sync.lastError')} span={2}>
                  <Typography.Text type="warning" data-testid="sync-last-error">
                    {inLanguage(status.lastError, status.lastErrorEn)}
                  </Typography.Text>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <PictureCard status={status} />
          <PushNowBlock autoFocus />
          <p style={{ marginTop: 12 }}>
            <a href={href('sync-issues')} data-testid="issues-link">
              {t('sync.issuesLink')}
            </a>
          </p>
          <FileSyncCard />
        </>
      )}
      <ShortcutBar items={[{ keys: 'Esc', labelKey: 'shortcuts.back' }]} />
    </div>
  );
}
