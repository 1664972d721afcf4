// The shortcuts of the current screen, shown at the bottom so a clerk learns them by sight.
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface Shortcut {
  keys: string;
  labelKey: string;
}

export function ShortcutBar({ items }: { items: Shortcut[] }) {
  const { t } = useTranslation();
  return (
    <div className="shortcut-bar" data-testid="shortcut-bar">
      <Space size="large" wrap>
        {items.map((s) => (
          <span key={s.keys}>
            <kbd>{s.keys}</kbd> <Typography.Text type="secondary">{t(s.labelKey)}</Typography.Text>
          </span>
        ))}
      </Space>
    </div>
  );
}
