// One button that flips zh-CN ⇄ en-US; its label is written in the language it switches to.
import type { Locale } from '../../shared/i18n';
import { useLocale } from './locale';

const OTHER: Record<Locale, { locale: Locale; label: string }> = {
  'zh-CN': { locale: 'en-US', label: 'English' },
  'en-US': { locale: 'zh-CN', label: '中文' },
};

export function LanguageSwitch({ signedIn, className }: { signedIn: boolean; className?: string }) {
  const { locale, setLocale, tr } = useLocale();
  const other = OTHER[locale];
  return (
    <button
      type="button"
      className={className}
      lang={other.locale}
      aria-label={tr('common.switchLanguage', { language: other.label })}
      onClick={() => setLocale(other.locale, signedIn)}
    >
      {other.label}
    </button>
  );
}
