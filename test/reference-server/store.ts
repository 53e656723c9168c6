import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Scalar = string | number | boolean | null;

/**
 * One kind of stored document (VR sessions, statements, ...), kept as JSON in a shared table. Queries
 * filter on top-level fields through json_extract, which is plenty for a test server's volumes and keeps
 * every entity out of hand-written DDL.
 */
export interface Collection<T extends { readonly id: string }> {
  get(id: string): T | undefined;
  /** Throws if the id exists: ids are unique per collection. */
  insert(doc: T): void;
  /** Insert or replace; a replaced document keeps its place in insertion order. */
  put(doc: T): void;
  /** Matching documents in insertion order; `where` compares top-level fields for equality. */
  find(where?: Readonly<Record<string, Scalar>>): T[];
  count(where?: Readonly<Record<string, Scalar>>): number;
  /** The most recently inserted document, if any. */
  last(): T | undefined;
  delete(id: string): void;
}

export interface Store {
  /** Runs fn in one SQLite transaction: everything it wrote commits together, or (if it throws) nothing. */
  transaction<T>(fn: () => T): T;
  collection<T extends { readonly id: string }>(name: string): Collection<T>;
  /** `PRAGMA integrity_check`; "ok" for a healthy file. */
  integrity(): string;
  close(): void;
}

export const DATABASE_FILE = 'reference-server.sqlite';
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Opens (creating if needed) the server's database in dataDir. WAL with synchronous=FULL makes every
 * committed transaction durable before the response leaves: a kill -9 (or power cut) after a 2xx can
 * never lose that write, which is what the sync and chaos tests rely on.
 */
export function openStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 2000');
  db.exec(`CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    doc TEXT NOT NULL,
    UNIQUE (collection, id)
  )`);
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const whereClause = (where: Readonly<Record<string, Scalar>>): { sql: string; params: Scalar[] } => {
    const parts: string[] = [];
    const params: Scalar[] = [];
    for (const [field, value] of Object.entries(where)) {
      if (!FIELD.test(field)) throw new Error(`Not a plain field name: ${field}`);
      if (value === null) {
        parts.push(`json_extract(doc, '$.${field}') IS NULL`);
      } else {
        parts.push(`json_extract(doc, '$.${field}') = ?`);
        // JSON booleans come out of json_extract as 1/0.
        params.push(typeof value === 'boolean' ? Number(value) : value);
      }
    }
    return { sql: parts.map((part) => ` AND ${part}`).join(''), params };
  };

  function collection<T extends { readonly id: string }>(name: string): Collection<T> {
    return {
      get(id) {
        const row = prepare('SELECT doc FROM documents WHERE collection = ? AND id = ?').get(name, id) as { doc: string } | undefined;
        return row ? (JSON.parse(row.doc) as T) : undefined;
      },
      insert(doc) {
        prepare('INSERT INTO documents (collection, id, doc) VALUES (?, ?, ?)').run(name, doc.id, JSON.stringify(doc));
      },
      put(doc) {
        prepare('INSERT INTO documents (collection, id, doc) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc').run(
          name,
          doc.id,
          JSON.stringify(doc),
        );
      },
      find(where = {}) {
        const clause = whereClause(where);
        const rows = prepare(`SELECT doc FROM documents WHERE collection = ?${clause.sql} ORDER BY seq`).all(name, ...clause.params) as Array<{ doc: string }>;
        return rows.map((row) => JSON.parse(row.doc) as T);
      },
      count(where = {}) {
        const clause = whereClause(where);
        const row = prepare(`SELECT COUNT(*) AS n FROM documents WHERE collection = ?${clause.sql}`).get(name, ...clause.params) as { n: number };
        return row.n;
      },
      last() {
        const row = prepare('SELECT doc FROM documents WHERE collection = ? ORDER BY seq DESC LIMIT 1').get(name) as { doc: string } | undefined;
        return row ? (JSON.parse(row.doc) as T) : undefined;
      },
      delete(id) {
        prepare('DELETE FROM documents WHERE collection = ? AND id = ?').run(name, id);
      },
    };
  }

  return {
    transaction: (fn) => db.transaction(fn)(),
    collection,
    integrity: () => String(db.pragma('integrity_check', { simple: true })),
    close: () => {
      statements.clear();
      if (db.open) db.close();
    },
  };
}
