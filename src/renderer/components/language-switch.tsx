// VI / EN switch for screens outside the signed-in header (setup, login).
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/setup';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented
      size="small"
      aria-label={t('header.language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      options={[
        { label: 'Tiếng Việt', value: 'vi' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(v) => setLanguage(v as 'vi' | 'en')}
    />
  );
}
