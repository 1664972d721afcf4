// The VI / EN choice as a small segmented control, for whichever i18n instance the caller switches
// (the office app's, or the provincial console's): it shows the language and says which one was
// picked; the caller stores and applies it.
import { Segmented } from 'antd';

export type Language = 'vi' | 'en';

export function LanguageSegmented({
  label,
  language,
  onChange,
  short = false,
}: {
  label: string;
  language: string;
  onChange: (lang: Language) => void;
  short?: boolean;
}) {
  return (
    <Segmented
      size="small"
      aria-label={label}
      value={language === 'en' ? 'en' : 'vi'}
      options={[
        { label: short ? 'VI' : 'Tiếng Việt', value: 'vi' },
        { label: short ? 'EN' : 'English', value: 'en' },
      ]}
      onChange={(v) => onChange(v as Language)}
    />
  );
}
