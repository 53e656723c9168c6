/**
 * Starts a read at once and hands back a way to take its result later. Routes whose reads need only what
 * the request names (the logger's user in the query, the VR list's token user) start them while the
 * caller is still being checked (IndexedDB reads and a hash), and take the result only once the check has
 * passed: a refused caller is answered without waiting for the read, whose outcome is then dropped.
 */
export function startedRead<T>(read: () => Promise<T>): () => Promise<T> {
  const started = read();
  started.catch(() => undefined);
  return () => started;
}
