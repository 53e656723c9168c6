import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { LessonPlay } from '../../../shared/schemas/lesson-play';
import { useServices } from '../ui/services-context';
import { lessonPlaySignal } from '../data/lesson-plays-queries';
import { useLessonPlaysClient } from './use-lesson-plays-client';

export type LessonPlayState = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly play: LessonPlay } | { readonly kind: 'failed'; readonly status: number; readonly message: string };

/** One play through GET /api/lesson-plays/:id, read again whenever that play or the lessons change. */
export function useLessonPlay(playId: string): LessonPlayState {
  const { db } = useServices();
  const client = useLessonPlaysClient();
  const signal = useLiveQuery(() => lessonPlaySignal(db, playId), [db, playId]);
  const [state, setState] = useState<LessonPlayState>({ kind: 'loading' });
  useEffect(() => {
    if (!client || signal === undefined) return;
    let live = true;
    void client.get(playId).then((result) => {
      if (live) setState(result.ok ? { kind: 'ready', play: result.value } : { kind: 'failed', status: result.status, message: result.message });
    });
    return () => {
      live = false;
    };
  }, [client, signal, playId]);
  return state;
}
