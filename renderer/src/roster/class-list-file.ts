import { MAX_ROSTER_BYTES } from './roster-file';
import { checkClassListCsv } from './class-list-csv';
import type { ClassListCheck } from './class-list-csv';
import { tellApart } from './tell-apart';

/** Reads a CSV class list file (bounded like the JSON one) and gives learners who share a name names told apart. */
export async function readClassListFile(file: Blob): Promise<ClassListCheck> {
  if (file.size > MAX_ROSTER_BYTES) return { ok: false, problems: [{ kind: 'unreadable', row: null }] };
  const check = checkClassListCsv(await file.text());
  return check.ok ? { ok: true, learners: tellApart(check.learners) } : check;
}

/** A class name from the file's name when the instructor typed none ("5B science.csv" → "5B science"). */
export function classNameFromFile(fileName: string): string {
  return fileName.replace(/\.[^.]*$/, '').trim().slice(0, 80);
}
