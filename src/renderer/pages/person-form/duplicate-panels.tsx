// What the clerk sees when the core finds the person may already exist: the same personal ID
// (refused, with a link to the existing record) or a close name with the same birth date (a
// warning; saving anyway needs a reason, which the core audits).
import { Alert, Button, Form, Input, List, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { href } from '../../routing/hash-router';
import { formatDate } from '../../components/money';

export interface DuplicateMatch {
  id: string;
  fullName: string;
  dateOfBirth: string;
  personalId: string;
}

export function ExistingPersonAlert({ message, participantId }: { message: string; participantId: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="duplicate-person"
      style={{ marginBottom: 16 }}
      title={message}
      description={participantId ? <a href={href('person', participantId)}>{t('person.openExisting')}</a> : null}
    />
  );
}

export function PossibleDuplicatePanel({
  message,
  matches,
  onSaveAnyway,
  busy,
}: {
  message: string;
  matches: DuplicateMatch[];
  onSaveAnyway: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="possible-duplicate"
      style={{ marginBottom: 16 }}
      title={message}
      description={
        <>
          <List
            size="small"
            dataSource={matches}
            renderItem={(m) => (
              <List.Item>
                <a href={href('person', m.id)} target="_self">
                  {m.fullName}
                </a>
                <span>
                  {formatDate(m.dateOfBirth)} · {m.personalId}
                </span>
              </List.Item>
            )}
          />
          <Form.Item
            name="duplicateOverrideReason"
            label={t('person.overrideReason')}
            style={{ marginTop: 12, marginBottom: 8 }}
            rules={[{ required: true, min: 5, message: t('person.overrideReasonRequired') }]}
          >
            <Input.TextArea rows={2} data-testid="override-reason" />
          </Form.Item>
          <Space>
            <Button danger onClick={onSaveAnyway} loading={busy} data-testid="save-anyway">
              {t('person.saveAnyway')}
            </Button>
          </Space>
        </>
      }
    />
  );
}
