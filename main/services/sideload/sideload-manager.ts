import pLimit from 'p-limit';
import type { HeadsetBridge } from '../headsets/headset-bridge';
import { runSideload } from './run-sideload';
import type { InstallMethod } from './run-sideload';
import type { SideloadTiming } from './sideload-timing';
import { untouchedUpdate } from './sideload-types';
import type { SideloadRequest, SideloadUpdate } from './sideload-types';

/** Jobs that may run per transfer slot: the others prepare (ask the headset) or wait for pm meanwhile. */
const JOBS_PER_TRANSFER_SLOT = 3;

export interface SideloadManagerOptions {
  readonly bridge: HeadsetBridge;
  readonly now: () => Date;
  readonly onUpdate: (update: SideloadUpdate) => void;
  /**
   * Headsets written to at once; a USB hub or Wi-Fi access point saturates well before 24. Up to three
   * times as many jobs run at once, the others checking or installing on their headsets meanwhile.
   */
  readonly concurrency: number;
  readonly timing?: SideloadTiming;
  readonly installMethod?: InstallMethod;
}

/**
 * Runs sideload jobs: many headsets in parallel up to a bound, one job at a time per headset, each
 * cancellable, and a failure on one headset never touching the others.
 */
export class SideloadManager {
  readonly #limit;
  readonly #transfers;
  readonly #controllers = new Map<string, AbortController>();
  readonly #perHeadset = new Map<string, Promise<unknown>>();

  constructor(private readonly options: SideloadManagerOptions) {
    this.#limit = pLimit(options.concurrency * JOBS_PER_TRANSFER_SLOT);
    this.#transfers = pLimit(options.concurrency);
  }

  /** Runs `work` in a transfer slot; a job cancelled while waiting for one stops waiting at once. */
  #transferSlot(signal: AbortSignal): <T>(work: () => Promise<T>) => Promise<T> {
    return <T>(work: () => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(signal.reason as Error);
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        void this.#transfers(async () => {
          if (signal.aborted) return;
          try {
            resolve(await work());
          } catch (error) {
            reject(error as Error);
          } finally {
            signal.removeEventListener('abort', onAbort);
          }
        });
      });
  }

  /** Queues a job and resolves with its final update. */
  start(request: SideloadRequest): Promise<SideloadUpdate> {
    const controller = new AbortController();
    this.#controllers.set(request.jobId, controller);
    const previous = this.#perHeadset.get(request.serial) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(() =>
        this.#limit(() => {
          if (controller.signal.aborted) return this.#cancelledBeforeStart(request);
          return runSideload(this.options.bridge, request, {
            signal: controller.signal,
            now: this.options.now,
            onUpdate: this.options.onUpdate,
            transferSlot: this.#transferSlot(controller.signal),
            ...(this.options.timing ? { timing: this.options.timing } : {}),
            ...(this.options.installMethod ? { installMethod: this.options.installMethod } : {}),
          });
        }),
      )
      .finally(() => {
        this.#controllers.delete(request.jobId);
        if (this.#perHeadset.get(request.serial) === run) this.#perHeadset.delete(request.serial);
      });
    this.#perHeadset.set(request.serial, run);
    return run;
  }

  cancel(jobId: string): boolean {
    const controller = this.#controllers.get(jobId);
    controller?.abort(new Error('Cancelled'));
    return controller !== undefined;
  }

  /** Jobs running (preparing, transferring or installing). */
  get activeCount(): number {
    return this.#limit.activeCount;
  }

  /** Jobs moving bytes right now. */
  get transferringCount(): number {
    return this.#transfers.activeCount;
  }

  #cancelledBeforeStart(request: SideloadRequest): SideloadUpdate {
    const update = untouchedUpdate(request, 'cancelled', this.options.now());
    this.options.onUpdate(update);
    return update;
  }
}
