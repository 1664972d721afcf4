// VI / EN switch of the console (its own i18n instance, src/console/i18n/setup.ts).
import { useTranslation } from 'react-i18next';
import { LanguageSegmented } from '../../renderer/components/language-segmented';
import { setConsoleLanguage } from '../i18n/setup';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return <LanguageSegmented label={t('app.language')} language={i18n.language} onChange={setConsoleLanguage} />;
}
