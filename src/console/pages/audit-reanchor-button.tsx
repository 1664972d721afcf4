// Settling a device whose audit entries the central refused (ADR 0028): an administrator, once the
// refusal has been looked into with the office, holds the device's log from the newest head it
// signed, with a note saying what was found (10–1000 characters). A reviewer sees the button
// disabled with the reason. The refused heads stay at the central as evidence.
import { Button, Input, Modal, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRow } from '../../shared/console/console-api';
import { errorText } from '../api/error-text';
import { useReanchorAudit } from '../api/console-queries';

export function AuditReanchorButton({ device, admin }: { device: DeviceRow; admin: boolean }) {
  const { t, i18n } = useTranslation();
  const reanchor = useReanchorAudit();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const close = () => {
    setOpen(false);
    setNote('');
    reanchor.reset();
  };
  return (
    <>
      <Tooltip title={admin ? undefined : t('devices.onlyAdministrator')}>
        <Button size="small" disabled={!admin} onClick={() => setOpen(true)} data-testid="audit-reanchor">
          {t('audit.reanchor')}
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title={t('audit.reanchorTitle', { name: device.name })}
        okText={t('audit.reanchor')}
        okButtonProps={{ danger: true, disabled: note.trim().length < 10, 'data-testid': 'audit-reanchor-ok' } as never}
        confirmLoading={reanchor.isPending}
        cancelText={t('app.cancel')}
        onCancel={close}
        onOk={() => reanchor.mutate({ id: device.id, note: note.trim() }, { onSuccess: close })}
      >
        <Typography.Paragraph>{t('audit.reanchorText', { problem: device.auditHead?.problem ?? '' })}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          value={note}
          maxLength={1000}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('audit.reanchorNote')}
          data-testid="audit-reanchor-note"
        />
        {reanchor.error ? <Typography.Text type="danger">{errorText(t, reanchor.error, i18n.language)}</Typography.Text> : null}
      </Modal>
    </>
  );
}
