import { useTranslation } from 'react-i18next';
import type { Headset } from '../../../shared/headsets/headset';
import type { HeadsetLaunch } from './launch-on-all';
import { SideloadError } from './sideload-error';

/** The cart in one line (how many run, how many did not), then one line per headset with the reason. */
export function LaunchResults({ results, headsets }: { results: readonly HeadsetLaunch[]; headsets: readonly Headset[] }) {
  const { t } = useTranslation();
  const name = (serial: string) => {
    const headset = headsets.find((h) => h.serial === serial);
    return t('headsets.bulk.headsetName', { model: headset?.model ?? t('headsets.unknownModel'), serial });
  };
  const running = results.filter((result) => result.ok).length;
  return (
    <>
      {results.length > 1 && (
        <p role="status" data-testid="launch-summary">
          {t('headsets.bulk.launchSummary', { running, failed: results.length - running })}
        </p>
      )}
      <ul className="launch-results" aria-label={t('headsets.bulk.launchResults')}>
        {results.map((result) => (
          <li key={result.serial} data-ok={result.ok}>
            {result.ok ? (
              <>
                {t(result.sessionStarted ? 'headsets.bulk.launchedSession' : 'headsets.bulk.launched', { headset: name(result.serial) })}
                {result.cannotReport && <strong className="warn"> {t('headsets.bulk.cannotReport')}</strong>}
              </>
            ) : (
              <>
                {t('headsets.bulk.launchFailed', { headset: name(result.serial) })} <SideloadError code={result.code} />
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
