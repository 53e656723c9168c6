import { describe, expect, it } from 'vitest';
import { MAX_CLASS_LIST_ROWS, checkClassListCsv } from '../../../renderer/src/roster/class-list-csv';
import { tellApart } from '../../../renderer/src/roster/tell-apart';

describe('class list CSV', () => {
  it('reads a school export: BOM, quoted names with commas, first and last name columns, extra columns ignored', () => {
    const text = '\uFEFFStudent ID,First Name,Last Name,Date of Birth\r\nS1,Zoë,"O\'Brien, Jr",2014-01-02\r\nS2,Tom,Lee,\r\n\r\n';
    expect(checkClassListCsv(text)).toEqual({
      ok: true,
      learners: [
        { display_name: "Zoë O'Brien, Jr", external_id: 'S1', role: 'learner' },
        { display_name: 'Tom Lee', external_id: 'S2', role: 'learner' },
      ],
    });
  });

  it('guesses semicolons and tabs, reads Chinese headers, a role column and no id at all', () => {
    expect(checkClassListCsv('Name;Role\nAnna;student\nMr Wu;Teacher\n')).toEqual({ ok: true, learners: [{ display_name: 'Anna', external_id: null, role: 'learner' }, { display_name: 'Mr Wu', external_id: null, role: 'instructor' }] });
    expect(checkClassListCsv('学号\t姓名\n7\t陈小明\n')).toEqual({ ok: true, learners: [{ display_name: '陈小明', external_id: '7', role: 'learner' }] });
  });

  it('refuses the whole file with every problem by spreadsheet row, so nothing half-imports', () => {
    const long = 'x'.repeat(121);
    const check = checkClassListCsv(`name,id,role\n,1,\n${long},2,\nAmy,2,\nBen,3,pilot\n`);
    expect(check).toEqual({
      ok: false,
      problems: [
        { kind: 'blankName', row: 2 },
        { kind: 'nameTooLong', row: 3, limit: 120 },
        { kind: 'duplicateId', row: 4 },
        { kind: 'invalidRole', row: 5 },
      ],
    });
    expect(checkClassListCsv('date,class\n2024,5B\n')).toEqual({ ok: false, problems: [{ kind: 'noNameColumn', row: 1 }] });
    expect(checkClassListCsv('name\n')).toEqual({ ok: false, problems: [{ kind: 'empty', row: null }] });
  });

  it('stops reading past the bound on learners', () => {
    const text = `name\n${'a\n'.repeat(MAX_CLASS_LIST_ROWS + 10)}`;
    expect(checkClassListCsv(text)).toEqual({ ok: false, problems: [{ kind: 'tooManyLearners', row: null, limit: MAX_CLASS_LIST_ROWS }] });
  });

  it('tells two Toms apart by the school id, or by their order without one; "Zoë" and "Zoe" count as the same name', () => {
    const named = (display_name: string, external_id: string | null) => ({ display_name, external_id, role: 'learner' as const });
    expect(tellApart([named('Tom', 'S1'), named('Amy', null), named('tom', 'S9')]).map((l) => l.display_name)).toEqual(['Tom (S1)', 'Amy', 'tom (S9)']);
    expect(tellApart([named('Zoë', null), named('Zoe', null)]).map((l) => l.display_name)).toEqual(['Zoë (1)', 'Zoe (2)']);
    expect([...tellApart([named('y'.repeat(120), null), named('y'.repeat(120), null)])[0]!.display_name]).toHaveLength(120);
  });
});
