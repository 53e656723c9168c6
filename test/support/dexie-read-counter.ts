import type { DBCore, Middleware } from 'dexie';

export interface ReadCounts {
  /** Row values handed back by getAll-style queries. */
  values: number;
  /** Cursors opened that carry row values (Dexie's offset(), filter(), each()). */
  valueCursors: number;
  /** Rows found by key (get, bulkGet). */
  gets: number;
}

/**
 * A Dexie middleware that counts what reads fetch, to show a query reads only the rows it answers. Install
 * with `db.use(middleware)` before the database opens; reset the counts between the reads measured.
 */
export function readCounter(): { readonly counts: ReadCounts; readonly middleware: Middleware<DBCore> } {
  const counts: ReadCounts = { values: 0, valueCursors: 0, gets: 0 };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'test-read-counter',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          query: async (request) => {
            const answer = await table.query(request);
            if (request.values) counts.values += answer.result.length;
            return answer;
          },
          getMany: async (request) => {
            const rows = await table.getMany(request);
            counts.gets += rows.filter((row) => row !== undefined).length;
            return rows;
          },
          openCursor: (request) => {
            if (request.values) counts.valueCursors += 1;
            return table.openCursor(request);
          },
        };
      },
    }),
  };
  return { counts, middleware };
}
