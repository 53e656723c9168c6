import { useTranslation } from 'react-i18next';
import { sideloadErrorKey } from './sideload-error-key';

/** A failure in words, with the raw code small beside it for whoever reads adb logs or calls support. */
export function SideloadError({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`headsets.errors.${sideloadErrorKey(code)}`)} <small className="code">{t('headsets.errorCode', { code })}</small>
    </>
  );
}
