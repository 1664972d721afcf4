// VI / EN switch of the console (its own i18n instance, src/console/i18n/setup.ts).
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setConsoleLanguage } from '../i18n/setup';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented
      size="small"
      aria-label={t('app.language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      options={[
        { label: 'Tiếng Việt', value: 'vi' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(v) => setConsoleLanguage(v as 'vi' | 'en')}
    />
  );
}
