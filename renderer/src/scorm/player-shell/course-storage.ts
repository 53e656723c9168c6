/**
 * The course origin's localStorage, or an in-memory stand-in where the browser denies storage to a
 * cross-site frame (incognito profiles, "block third-party cookies"). Then the shell's crash copy lives
 * only as long as the page; the app's own copy (pending-commits.ts) still covers a commit it received.
 */
export function courseStorage(): Storage {
  try {
    const storage = window.localStorage;
    storage.getItem('outpost-probe');
    return storage;
  } catch {
    const map = new Map<string, string>();
    return {
      get length() {
        return map.size;
      },
      clear: () => map.clear(),
      getItem: (key) => map.get(key) ?? null,
      key: (index) => [...map.keys()][index] ?? null,
      removeItem: (key) => void map.delete(key),
      setItem: (key, value) => void map.set(key, value),
    };
  }
}
