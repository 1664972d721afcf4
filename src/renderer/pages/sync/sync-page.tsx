// The supervisor's sync page: enroll this device (central URL + one-time code), see where sync
// stands, push now with progress and a result summary, and sync by file when there is no link
// (export pending batches to a folder, import the result file the central gives back).
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PushSummary, SyncStatus } from '../../../shared/contract/sync';
import { call } from '../../api/client';
import { placeFieldError } from '../../components/api-errors';
import { ErrorAlert } from '../../components/error-alert';
import { PickPathButton } from '../../components/pick-path-button';
import { ShortcutBar } from '../../components/shortcut-bar';
import { formatWhen, SyncProgress, syncStatusKey, useSyncStatus } from '../../components/sync-status';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack, href } from '../../routing/hash-router';

/** "Push now" with the live progress and the result summary; shared by this page and day-end. */
export function PushNowBlock({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: status } = useSyncStatus();
  const [summary, setSummary] = useState<PushSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const push = async () => {
    setBusy(true);
    setError(null);
    setSummary(null);
    void queryClient.invalidateQueries({ queryKey: syncStatusKey });
    try {
      setSummary(await call('sync.pushNow', {}));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: syncStatusKey });
    }
  };
  const summaryTitle = (pushed: PushSummary, now: SyncStatus | undefined) => {
    if (pushed.error) return t('sync.summaryFailed', { error: pushed.error });
    if (pushed.batches > 0 || pushed.pulled > 0) return t('sync.summary', pushed);
    // Nothing left to send, often because the background sync sent the day's work a moment ago:
    // the supervisor closing the day still sees what the central answered for it.
    if (now && now.today.batches > 0) return t('sync.nothingToday', { ...now.today, when: formatWhen(now.today.lastAt, '') });
    return t('sync.nothing');
  };
  return (
    <div data-testid="push-now-block">
      <Space wrap>
        <Button type="primary" onClick={() => void push()} loading={busy} disabled={!status?.enrolled} autoFocus={autoFocus} data-testid="push-now">
          {busy ? t('sync.pushing') : t('sync.pushNow')}
        </Button>
        {status && <SyncProgress status={status} />}
      </Space>
      <ErrorAlert error={error} />
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
  const [form] = Form.useForm<{ centralUrl: string; code: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const enroll = async (values: { centralUrl: string; code: string }) => {
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(syncStatusKey, await call('sync.enroll', values));
    } catch (e) {
      if (!placeFieldError(form, e, ['centralUrl', 'code'])) setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('sync.enrollTitle')} style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t('sync.enrollHelp')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void enroll(v)} data-testid="enroll-form">
        <Form.Item name="centralUrl" label={t('sync.centralUrl')} rules={[{ required: true }]}>
          <Input autoFocus placeholder="https://bhxh-trungtam.example.vn/" data-testid="central-url" />
        </Form.Item>
        <Form.Item name="code" label={t('sync.code')} rules={[{ required: true }]}>
          <Input style={{ textTransform: 'uppercase', letterSpacing: 2 }} data-testid="enroll-code" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="enroll-submit">
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
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (work: () => Promise<string>) => {
    setError(null);
    setMessage(null);
    try {
      setMessage(await work());
    } catch (e) {
      setError(e);
    } finally {
      void queryClient.invalidateQueries({ queryKey: syncStatusKey });
    }
  };
  return (
    <Card title={t('sync.fileTitle')} size="small" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('sync.fileHelp')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      {message && <Alert type="success" showIcon title={message} style={{ marginBottom: 12 }} data-testid="file-sync-message" />}
      <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
        <Input
          addonBefore={t('sync.exportDir')}
          value={directory}
          onChange={(e) => setDirectory(e.target.value)}
          placeholder={'E:\\'}
          data-testid="export-dir"
        />
        <PickPathButton kind="export-folder" onPicked={setDirectory} onError={setError} />
        <Button
          disabled={!directory.trim()}
          onClick={() => void run(async () => t('sync.exported', await call('sync.exportFile', { directory: directory.trim() })))}
          data-testid="export-file"
        >
          {t('sync.export')}
        </Button>
      </Space.Compact>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          addonBefore={t('sync.resultFile')}
          value={file}
          onChange={(e) => setFile(e.target.value)}
          placeholder={'E:\\….results.json'}
          data-testid="result-file"
        />
        <PickPathButton kind="result-file" onPicked={setFile} onError={setError} />
        <Button
          disabled={!file.trim()}
          onClick={() => void run(async () => t('sync.imported', await call('sync.importResult', { file: file.trim() })))}
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
                {formatWhen(status.lastSuccessAt, t('sync.never'))}
              </Descriptions.Item>
              <Descriptions.Item label={t('sync.nextAttempt')}>{formatWhen(status.nextAttemptAt, '—')}</Descriptions.Item>
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
                  <Typography.Text type="warning">{status.lastError}</Typography.Text>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
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
