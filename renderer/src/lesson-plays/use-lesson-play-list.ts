import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { ListLessonPlaysResponse } from '../../../shared/schemas/lesson-play';
import { useServices } from '../ui/services-context';
import { lessonPlayPageSignal } from '../data/lesson-plays-queries';
import { cursorOf } from './lesson-play-paging';
import type { Paging } from './lesson-play-paging';
import { LIST_PAGE_SIZE, LIST_SORTS } from './lesson-play-sorts';
import type { ListSort } from './lesson-play-sorts';
import { useLessonPlaysClient } from './use-lesson-plays-client';

export type LessonPlayListState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly page: ListLessonPlaysResponse }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * One page of the learner's plays, read through the local API (what a remote would send). A live query
 * over what the page depends on (lessonPlayPageSignal: the sort index's keys, the rows shown, the lessons)
 * is only the signal to read again; it never reads the learner's whole history.
 */
export function useLessonPlayList(owner: { id: string; tenant_id: string }, sort: ListSort, paging: Paging): LessonPlayListState {
  const { db } = useServices();
  const client = useLessonPlaysClient();
  const [state, setState] = useState<LessonPlayListState>({ kind: 'loading' });
  const shown = state.kind === 'ready' ? state.page.data.map((play) => play.id).join('\n') : '';
  const { sortBy } = LIST_SORTS[sort];
  const signal = useLiveQuery(() => lessonPlayPageSignal(db, owner, sortBy, shown === '' ? [] : shown.split('\n')), [db, owner.id, owner.tenant_id, sortBy, shown]);
  const cursor = cursorOf(paging);
  useEffect(() => {
    if (!client || signal === undefined) return;
    let live = true;
    const { sortBy, sortOrder } = LIST_SORTS[sort];
    void client.list({ clientId: owner.tenant_id, pageSize: LIST_PAGE_SIZE, sortBy, sortOrder, ...(cursor ? { startAfter: cursor } : {}) }).then((result) => {
      if (live) setState(result.ok ? { kind: 'ready', page: result.value } : { kind: 'failed', message: result.message });
    });
    return () => {
      live = false;
    };
  }, [client, signal, owner.tenant_id, sort, cursor]);
  return state;
}
