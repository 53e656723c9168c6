import { startQuestHeadset } from './headset';
import type { QuestHeadset, QuestHeadsetOptions } from './headset';
import type { QuestModel } from './quest-models';

// A charging cart: N emulated headsets in this process, each on its own port.

export interface QuestCart {
  readonly headsets: readonly QuestHeadset[];
  stop(): Promise<void>;
}

const MODEL_ROTATION: readonly QuestModel[] = ['Quest 2', 'Quest 3', 'Quest 3S', 'Quest Pro', 'Quest'];

/**
 * `count` headsets sharing `common` options (models rotate unless given), or one
 * headset per entry of `perHeadset`. All start in parallel; if any fails, the
 * ones that started are stopped again.
 */
export async function startQuestCart(
  countOrOptions: number | readonly QuestHeadsetOptions[],
  common: QuestHeadsetOptions = {},
): Promise<QuestCart> {
  const perHeadset: QuestHeadsetOptions[] =
    typeof countOrOptions === 'number'
      ? Array.from({ length: countOrOptions }, (_, i) => ({ model: MODEL_ROTATION[i % MODEL_ROTATION.length] ?? 'Quest 2', ...common }))
      : countOrOptions.map((options) => ({ ...common, ...options }));
  const results = await Promise.allSettled(perHeadset.map((options) => startQuestHeadset(options)));
  const headsets = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed !== undefined) {
    await Promise.all(headsets.map((h) => h.stop()));
    throw failed.reason;
  }
  return {
    headsets,
    async stop(): Promise<void> {
      await Promise.all(headsets.map((h) => h.stop()));
    },
  };
}
