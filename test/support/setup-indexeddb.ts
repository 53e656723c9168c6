// Runs before every unit test file: Dexie reads the global IndexedDB when it is first imported, and its
// liveQuery only observes databases on that global factory.
import 'fake-indexeddb/auto';
