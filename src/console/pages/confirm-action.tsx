// An action the console asks about first (revoke a device, mark a held item reviewed): a confirm
// dialog naming what will happen, the action run on OK, and a refusal said in words in a dialog of
// its own. `contextHolder` goes in the page (antd's hook-made dialogs take the page's theme).
import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';

export interface ConfirmOptions {
  title: string;
  content: ReactNode;
  okText: string;
  danger?: boolean;
  /** The OK button's test id. */
  testId: string;
  run: () => Promise<unknown>;
}

export function useConfirmAction() {
  const { t, i18n } = useTranslation();
  const [modal, contextHolder] = Modal.useModal();
  const fail = (error: unknown) => void modal.error({ title: errorText(t, error, i18n.language) });
  const confirm = ({ title, content, okText, danger = false, testId, run }: ConfirmOptions) =>
    void modal.confirm({
      title,
      content,
      okText,
      okButtonProps: { danger, 'data-testid': testId } as never,
      cancelText: t('app.cancel'),
      onOk: async () => {
        try {
          await run();
        } catch (error) {
          fail(error);
        }
      },
    });
  return { confirm, fail, contextHolder };
}
