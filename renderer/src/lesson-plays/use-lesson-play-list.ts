import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { ListLessonPlaysResponse } from '../../../shared/schemas/lesson-play';
import { useServices } from '../ui/services-context';
import { learnerLessonPlaysSignal } from '../data/lesson-plays-queries';
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
 * over the learner's plays and the lessons is only the signal to read again.
 */
export function useLessonPlayList(owner: { id: string; tenant_id: string }, sort: ListSort, paging: Paging): LessonPlayListState {
  const { db } = useServices();
  const client = useLessonPlaysClient();
  const signal = useLiveQuery(() => learnerLessonPlaysSignal(db, owner), [db, owner.id, owner.tenant_id]);
  const [state, setState] = useState<LessonPlayListState>({ kind: 'loading' });
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
