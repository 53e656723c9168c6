import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'react';
import type { ClassLearner } from '../data/progress-grid';

interface Parts<R> {
  readonly learners: readonly ClassLearner[];
  readonly byLearner: ReadonlyMap<string, readonly R[]>;
}

/**
 * One live query per learner over one record type, joined: when one learner's records change, only that
 * learner's are read again (a class of 30 with 100,000 VR sessions re-reads that learner's VR summaries,
 * one per package, not the class's sessions).
 * Undefined until every learner has been read once for the current `learners`. `read` must be stable
 * (useCallback), or every render would subscribe again. A failed read is thrown on render, as
 * useLiveQuery does.
 */
export function usePerLearnerLive<R>(learners: readonly ClassLearner[] | undefined, read: (learner: ClassLearner) => Promise<readonly R[]>): readonly R[] | undefined {
  const [parts, setParts] = useState<Parts<R> | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (!learners) return;
    const byLearner = new Map<string, readonly R[]>();
    const subscriptions = learners.map((learner) =>
      liveQuery(() => read(learner)).subscribe({
        next: (rows) => {
          byLearner.set(learner.id, rows);
          if (byLearner.size === learners.length) setParts({ learners, byLearner: new Map(byLearner) });
        },
        error: (error: unknown) => setFailure(error ?? new Error('read failed')),
      }),
    );
    return () => {
      for (const subscription of subscriptions) subscription.unsubscribe();
    };
  }, [learners, read]);
  if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
  return useMemo(() => {
    if (learners?.length === 0) return [];
    return learners && parts && parts.learners === learners ? learners.flatMap((learner) => parts.byLearner.get(learner.id) ?? []) : undefined;
  }, [parts, learners]);
}
