import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogPullRecord } from '../sync/catalog-pull-log';
import { useRelativeTime } from './use-relative-time';

const COUNTS = ['learners', 'packages', 'activities', 'lessons'] as const;

/** What the last catalog pull brought for offline use, or why it brought nothing. */
export function CatalogPullSummary({ record }: { record: CatalogPullRecord }) {
  const { t } = useTranslation();
  const when = useRelativeTime(record.at);
  const { result } = record;
  if (!result.ok) {
    const reason = result.reason === 'failed' ? t('sync.catalog.reasons.failed', { message: result.message }) : t(`sync.catalog.reasons.${result.reason}`);
    return <p role="alert">{t('sync.catalog.failed', { reason })}</p>;
  }
  return (
    <div role="status" className="catalog-pull" data-testid="catalog-pull">
      <h3>{t('sync.catalog.title')}</h3>
      {when && (
        <p className="hint">
          <time dateTime={record.at} title={when.absolute}>
            {t('sync.catalog.at', { when: when.relative })}
          </time>
        </p>
      )}
      <dl className="facts">
        {COUNTS.map((name) => (
          <Fragment key={name}>
            <dt>{t(`sync.catalog.${name}`)}</dt>
            <dd>{result.counts[name]}</dd>
          </Fragment>
        ))}
      </dl>
      {result.skipped > 0 && <p className="warn">{t('sync.catalog.skipped', { count: result.skipped })}</p>}
    </div>
  );
}
