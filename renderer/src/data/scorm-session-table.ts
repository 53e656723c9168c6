import type { Table } from 'dexie';
import type { OutpostDb } from '../db/outpost-db';
import type { ScormSessionLocalRow } from '../db/schema-v7';

/** scormSessions rows carry the sitting bookkeeping of schema v7 beside the seed's fields. */
export function scormSessionTable(db: OutpostDb): Table<ScormSessionLocalRow, string> {
  return db.scormSessions as unknown as Table<ScormSessionLocalRow, string>;
}

/** The seed's view of a row: the kiosk's bookkeeping stays on the kiosk. */
export function sessionView(row: ScormSessionLocalRow) {
  const { sitting_id: _sitting, sitting_seq: _seq, sitting_seconds: _seconds, attempts: _attempts, ...session } = row;
  return session;
}
