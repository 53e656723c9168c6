/** Requests seen per route ("POST /api/vr-sessions"), faulted ones included, for assertions. */
export interface RequestCounter {
  count(routeKey: string): number;
  all(): Readonly<Record<string, number>>;
  reset(): void;
}

export interface RequestCounterControl extends RequestCounter {
  increment(routeKey: string): void;
}

export const UNMATCHED_ROUTE = '(unmatched)';

export function routeKey(method: string, path: string): string {
  return `${method} ${path}`;
}

export function createRequestCounter(): RequestCounterControl {
  let counts = new Map<string, number>();
  return {
    increment: (key) => {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    count: (key) => counts.get(key) ?? 0,
    all: () => Object.fromEntries(counts),
    reset: () => {
      counts = new Map();
    },
  };
}
