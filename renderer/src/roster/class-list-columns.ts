import { searchKey } from '../../../shared/text/search-key';

export type ClassListColumn = 'name' | 'first' | 'last' | 'id' | 'role';

/**
 * Header names schools' systems export, compared without case, accents, spaces or punctuation
 * ("Student ID", "student_id" and "StudentId" are one). Chinese headers as Chinese schools' sheets write them.
 */
const HEADERS: Readonly<Record<ClassListColumn, readonly string[]>> = {
  name: ['name', 'displayname', 'fullname', 'studentname', 'learnername', 'pupilname', 'student', 'learner', '姓名', '名字', '学生', '學生', '学生姓名', '學生姓名'],
  first: ['firstname', 'givenname', 'forename', 'first', 'preferredname', '名'],
  last: ['lastname', 'surname', 'familyname', 'last', '姓'],
  id: ['id', 'studentid', 'studentnumber', 'userid', 'learnerid', 'pupilid', 'uuid', 'upn', 'sisid', '学号', '學號', '编号', '編號'],
  role: ['role', 'type', '角色'],
};

function headerKey(header: string): string {
  return searchKey(header).replace(/[\s_\-.#()]/g, '');
}

const BY_KEY = new Map<string, ClassListColumn>(Object.entries(HEADERS).flatMap(([column, names]) => names.map((name) => [name, column as ClassListColumn] as const)));

/** Which column each header is; unknown headers (a class name, a date of birth) are ignored. */
export function columnOf(header: string): ClassListColumn | null {
  return BY_KEY.get(headerKey(header)) ?? null;
}
