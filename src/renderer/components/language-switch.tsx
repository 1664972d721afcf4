// VI / EN switch for screens outside the signed-in header (setup, login).
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/setup';
import { LanguageSegmented } from './language-segmented';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return <LanguageSegmented label={t('header.language')} language={i18n.language} onChange={setLanguage} />;
}
