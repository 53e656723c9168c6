import Papa from 'papaparse';
import { columnOf } from './class-list-columns';
import type { ClassListColumn } from './class-list-columns';

/** Same bounds as the JSON class list: 5000 learners, names of at most 120 characters. */
export const MAX_CLASS_LIST_ROWS = 5000;
export const MAX_NAME_LENGTH = 120;
export const MAX_EXTERNAL_ID_LENGTH = 64;

export interface ClassListLearner {
  readonly display_name: string;
  /** The school's id for the learner (a student number or a uuid), or null when the list has none. */
  readonly external_id: string | null;
  readonly role: 'learner' | 'instructor';
}

export type ClassListProblemKind = 'empty' | 'noNameColumn' | 'blankName' | 'nameTooLong' | 'idTooLong' | 'invalidRole' | 'duplicateId' | 'tooManyLearners' | 'unreadable';

/** `row` is the line as a spreadsheet numbers it (the header is row 1). */
export interface ClassListProblem {
  readonly kind: ClassListProblemKind;
  readonly row: number | null;
  readonly limit?: number;
}

export type ClassListCheck = { ok: true; learners: ClassListLearner[] } | { ok: false; problems: ClassListProblem[] };

const ROLES: Readonly<Record<string, ClassListLearner['role']>> = { learner: 'learner', student: 'learner', pupil: 'learner', instructor: 'instructor', teacher: 'instructor' };

function columnsOf(header: readonly string[]): Map<ClassListColumn, number> {
  const columns = new Map<ClassListColumn, number>();
  header.forEach((cell, index) => {
    const column = columnOf(cell);
    if (column && !columns.has(column)) columns.set(column, index);
  });
  return columns;
}

function nameOf(cells: readonly string[], columns: Map<ClassListColumn, number>): string {
  const at = (column: ClassListColumn) => (columns.has(column) ? (cells[columns.get(column)!] ?? '').trim() : '');
  const full = at('name');
  return (full !== '' ? full : [at('first'), at('last')].filter((part) => part !== '').join(' ')).replace(/\s+/g, ' ');
}

/**
 * Reads a class list as a school's system exports it: a header row, then one learner per row, separated by
 * commas, semicolons or tabs (papaparse guesses). A name column, or first and last name columns, is
 * required; an id and a role are optional. Everything is checked before anything is written.
 */
export function checkClassListCsv(text: string): ClassListCheck {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', preview: MAX_CLASS_LIST_ROWS + 2 });
  const [header, ...rows] = parsed.data;
  if (!header || rows.length === 0) return { ok: false, problems: [{ kind: 'empty', row: null }] };
  if (rows.length > MAX_CLASS_LIST_ROWS) return { ok: false, problems: [{ kind: 'tooManyLearners', row: null, limit: MAX_CLASS_LIST_ROWS }] };
  const columns = columnsOf(header);
  if (!columns.has('name') && !columns.has('first') && !columns.has('last')) return { ok: false, problems: [{ kind: 'noNameColumn', row: 1 }] };
  const problems: ClassListProblem[] = [];
  const learners: ClassListLearner[] = [];
  const ids = new Set<string>();
  rows.forEach((cells, index) => {
    const row = index + 2;
    const name = nameOf(cells, columns);
    const id = columns.has('id') ? (cells[columns.get('id')!] ?? '').trim() : '';
    const roleText = columns.has('role') ? (cells[columns.get('role')!] ?? '').trim().toLowerCase() : '';
    const role = roleText === '' ? 'learner' : ROLES[roleText];
    if (name === '') problems.push({ kind: 'blankName', row });
    else if ([...name].length > MAX_NAME_LENGTH) problems.push({ kind: 'nameTooLong', row, limit: MAX_NAME_LENGTH });
    if (id.length > MAX_EXTERNAL_ID_LENGTH) problems.push({ kind: 'idTooLong', row, limit: MAX_EXTERNAL_ID_LENGTH });
    else if (id !== '' && ids.has(id)) problems.push({ kind: 'duplicateId', row });
    if (!role) problems.push({ kind: 'invalidRole', row });
    if (id !== '') ids.add(id);
    learners.push({ display_name: name, external_id: id === '' ? null : id, role: role ?? 'learner' });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, learners };
}
