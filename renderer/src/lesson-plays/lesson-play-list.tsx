import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { FIRST_PAGE, nextPage, previousPage } from './lesson-play-paging';
import { LIST_SORTS } from './lesson-play-sorts';
import type { ListSort } from './lesson-play-sorts';
import { localTitle } from './lesson-text';
import { useLessonPlayList } from './use-lesson-play-list';

/** The learner's plays, a page at a time (the API's cursor), newest first unless they choose otherwise. */
export function LessonPlayList({ owner, onOpen }: { owner: { id: string; tenant_id: string }; onOpen: (playId: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [sort, setSort] = useState<ListSort>('newest');
  const [paging, setPaging] = useState(FIRST_PAGE);
  const state = useLessonPlayList(owner, sort, paging);
  return (
    <section aria-labelledby="lesson-plays-list-title">
      <h2 id="lesson-plays-list-title" className="visually-hidden">
        {t('lessonPlays.title')}
      </h2>
      <label className="inline-field">
        {t('lessonPlays.sort.label')}{' '}
        <select
          value={sort}
          onChange={(event) => {
            setSort(event.target.value as ListSort);
            setPaging(FIRST_PAGE);
          }}
        >
          {(Object.keys(LIST_SORTS) as ListSort[]).map((key) => (
            <option key={key} value={key}>
              {t(`lessonPlays.sort.${key}`)}
            </option>
          ))}
        </select>
      </label>
      {state.kind === 'loading' && <p>{t('lessonPlays.loading')}</p>}
      {state.kind === 'failed' && <p role="alert">{t('lessonPlays.loadFailed', { reason: state.message })}</p>}
      {state.kind === 'ready' && state.page.data.length === 0 && paging.index === 0 && <p>{t('lessonPlays.empty')}</p>}
      {state.kind === 'ready' && state.page.data.length > 0 && (
        <table className="table" data-testid="lesson-plays-table">
          <thead>
            <tr>
              <th>{t('lessonPlays.item.lesson')}</th>
              <th>{t('lessonPlays.detail.facts.started')}</th>
              <th>{t('lessonPlays.detail.facts.averageGrade')}</th>
              <th>{t('lessonPlays.detail.facts.completed')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {state.page.data.map((play) => (
              <tr key={play.id} data-testid="lesson-play-row">
                <td>{localTitle(play.lesson?.title, locale) ?? t('lessonPlays.item.unknownLesson')}</td>
                <td>{formatDateTime(play.createdAt, locale)}</td>
                <td>{play.averageGrade ?? t('lessonPlays.item.noGrade')}</td>
                <td>{play.completedAt ? t('lessonPlays.item.completed') : t('lessonPlays.item.inProgress')}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => onOpen(play.id)}>
                    {t('lessonPlays.item.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.kind === 'ready' && (paging.index > 0 || state.page.hasMore) && (
        <nav className="pager" aria-label={t('lessonPlays.pager.label')}>
          <button type="button" className="secondary" disabled={paging.index === 0} onClick={() => setPaging(previousPage(paging))}>
            {t('lessonPlays.pager.previous')}
          </button>
          <span>{t('lessonPlays.pager.page', { page: paging.index + 1 })}</span>
          <button type="button" className="secondary" disabled={!state.page.hasMore} onClick={() => setPaging(nextPage(paging, state.page.nextPageToken === null ? null : String(state.page.nextPageToken)))}>
            {t('lessonPlays.pager.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
