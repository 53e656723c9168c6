import { describe, expect, it } from 'vitest';
import { MAX_ROSTER_BYTES, checkRosterText, readRosterFile } from '../../../renderer/src/roster/roster-file';
import { ALICE, BOB, TENANT } from '../../support/local-api-fixture';

const good = { tenant_id: TENANT, learners: [{ id: ALICE, display_name: 'Alice Wong' }, { id: BOB, display_name: 'Bob Chen', role: 'instructor' }] };

describe('checkRosterText', () => {
  it('accepts a class list, defaulting the role to learner', () => {
    expect(checkRosterText(JSON.stringify(good))).toEqual({
      ok: true,
      roster: { tenant_id: TENANT, learners: [{ id: ALICE, display_name: 'Alice Wong', role: 'learner' }, { id: BOB, display_name: 'Bob Chen', role: 'instructor' }] },
    });
  });

  it.each([
    ['{"tenant_id":', 'notJson'],
    ['[1, 2]', 'notRoster'],
    ['"hello"', 'notRoster'],
  ])('refuses %s as a whole file (%s)', (text, kind) => {
    expect(checkRosterText(text)).toEqual({ ok: false, problems: [{ kind, learner: null, field: null }] });
  });

  it('names each problem by learner number and key', () => {
    const text = JSON.stringify({
      tenant_id: 'school-1',
      learners: [{ id: ALICE, display_name: '  ' }, { display_name: 'No Id' }, { id: BOB, display_name: 'x'.repeat(121), role: 'teacher' }, { id: 7, display_name: 'Seven' }],
    });
    const check = checkRosterText(text);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual([
      { kind: 'invalidId', learner: null, field: 'tenant_id' },
      { kind: 'blankName', learner: 1, field: 'display_name' },
      { kind: 'missing', learner: 2, field: 'id' },
      { kind: 'nameTooLong', learner: 3, field: 'display_name', limit: 120 },
      { kind: 'invalidRole', learner: 3, field: 'role' },
      { kind: 'wrongType', learner: 4, field: 'id' },
    ]);
  });

  it('refuses an empty list, a missing list and duplicate ids', () => {
    expect(checkRosterText(JSON.stringify({ tenant_id: TENANT, learners: [] }))).toEqual({ ok: false, problems: [{ kind: 'noLearners', learner: null, field: 'learners' }] });
    expect(checkRosterText(JSON.stringify({ tenant_id: TENANT }))).toEqual({ ok: false, problems: [{ kind: 'missing', learner: null, field: 'learners' }] });
    const twice = { tenant_id: TENANT, learners: [{ id: ALICE, display_name: 'A' }, { id: BOB, display_name: 'B' }, { id: ALICE, display_name: 'A again' }] };
    expect(checkRosterText(JSON.stringify(twice))).toEqual({ ok: false, problems: [{ kind: 'duplicateId', learner: 3, field: 'id' }] });
  });

  it('refuses more learners than the schema allows, saying how many', () => {
    const learners = Array.from({ length: 5001 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, display_name: `L${i}` }));
    expect(checkRosterText(JSON.stringify({ tenant_id: TENANT, learners }))).toEqual({ ok: false, problems: [{ kind: 'tooManyLearners', learner: null, field: 'learners', limit: 5000 }] });
  });
});

describe('readRosterFile', () => {
  it('reads a file, and refuses one too large to be a class list without reading it', async () => {
    expect((await readRosterFile(new Blob([JSON.stringify(good)]))).ok).toBe(true);
    const huge = new Blob([new Uint8Array(MAX_ROSTER_BYTES + 1)]);
    expect(await readRosterFile(huge)).toEqual({ ok: false, problems: [{ kind: 'tooLarge', learner: null, field: null }] });
  });
});
