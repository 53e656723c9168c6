import { useTranslation } from 'react-i18next';
import { focusPage } from './page-focus';

/**
 * The first thing a keyboard reaches: straight to the page's content past the top bar and sidebar. It
 * moves focus itself instead of using a #fragment, which the app's routes own.
 */
export function SkipLink({ main }: { main: React.RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href="#content"
      onClick={(event) => {
        event.preventDefault();
        focusPage(main.current);
      }}
    >
      {t('app.skipToContent')}
    </a>
  );
}
