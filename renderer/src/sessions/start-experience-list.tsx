import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import { listPackagesByTitle } from '../data/vr-package-queries';
import { StartSessionControl } from './start-session-control';

/**
 * What a signed-in learner can start: the kiosk's VR experiences, read-only. Managing the library
 * (importing APKs, adding packages) is the instructor's, on the VR library page.
 */
export function StartExperienceList() {
  const { t } = useTranslation();
  const { db } = useServices();
  const packages = useLiveQuery(() => listPackagesByTitle(db), [db]);
  if (!packages) return null;
  return (
    <section aria-labelledby="start-title" className="card">
      <h2 id="start-title">{t('sessions.startTitle')}</h2>
      {packages.length === 0 ? (
        <p>{t('sessions.noExperiences')}</p>
      ) : (
        <table className="table" data-testid="start-table">
          <thead>
            <tr>
              <th>{t('library.columns.title')}</th>
              <th>{t('library.columns.version')}</th>
              <th>{t('library.columns.session')}</th>
            </tr>
          </thead>
          <tbody>
            {packages.map((pkg) => (
              <tr key={pkg.id}>
                <td>{pkg.title}</td>
                <td>{pkg.version}</td>
                <td>
                  <StartSessionControl pkg={pkg} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
