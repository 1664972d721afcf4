// "Chọn…": the system's folder or file chooser, in the desktop app only (the browser harness cannot
// hand out paths; there the path is typed).
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShellInput } from '../../shared/contract/shell';
import { call, hasShell } from '../api/client';

export function PickPathButton({
  kind,
  onPicked,
  onError,
}: {
  kind: ShellInput<'shell.pickPath'>['kind'];
  onPicked: (path: string) => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  if (!hasShell()) return null;
  return <Button onClick={() => void call('shell.pickPath', { kind }).then(({ path }) => path && onPicked(path), onError)}>{t('sync.choose')}</Button>;
}
