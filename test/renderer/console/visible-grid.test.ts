import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cellKey } from '../../../shared/progress/build-grid';
import type { GridActivity, ProgressGrid } from '../../../shared/progress/build-grid';
import { EMPTY_CELL } from '../../../shared/progress/grid-cell';
import type { GridCell } from '../../../shared/progress/grid-cell';
import { toCsv } from '../../../renderer/src/console/grid-csv';
import { gridRows, helpText } from '../../../renderer/src/console/grid-rows';
import { visibleGrid } from '../../../renderer/src/console/visible-grid';
import { createI18n } from '../../../renderer/src/i18n/i18n';

const vr: GridActivity = { key: 'vr:safety', kind: 'vr', id: 'safety', title: 'Safety VR' };
const golf: GridActivity = { key: 'scorm:golf', kind: 'scorm', id: 'golf', title: 'Golf' };
const fractions: GridActivity = { key: 'exercise:fractions', kind: 'exercise', id: 'fractions', title: 'Fractions' };
const cell = (patch: Partial<GridCell>): GridCell => ({ ...EMPTY_CELL, ...patch });

/**
 * Four learners, given out of order: Ana failed the VR session and struggles on fractions, Émile failed the
 * SCORM course, Tom struggles on fractions, Zoë passed and needs nothing.
 */
const GRID: ProgressGrid = {
  learners: [
    { id: 'zoe', name: 'Zoë Martin' },
    { id: 'tom', name: 'Tom' },
    { id: 'emile', name: 'Émile' },
    { id: 'ana', name: 'ana' },
  ],
  activities: [vr, golf, fractions],
  cells: new Map([
    [cellKey('zoe', vr.key), cell({ status: 'passed', score: 0.85, seconds: 1800 })],
    [cellKey('ana', vr.key), cell({ status: 'failed', score: 0.3, seconds: 600, help: 'failed' })],
    [cellKey('ana', fractions.key), cell({ status: 'inProgress', score: 0.4, attempts: 5, help: 'struggling' })],
    [cellKey('tom', fractions.key), cell({ status: 'inProgress', score: 0.2, attempts: 5, help: 'struggling' })],
    [cellKey('emile', golf.key), cell({ status: 'failed', score: 0.5, help: 'failed' })],
  ]),
};

describe('the grid as the instructor sees it', () => {
  it('sorts learners in the UI language’s order, flags those with any help reason, and reads a missing cell as not started', () => {
    const shown = visibleGrid(GRID, { kind: 'all', helpOnly: false }, 'en');
    expect(shown.learners.map((l) => l.id)).toEqual(['ana', 'emile', 'tom', 'zoe']);
    expect(shown.activities).toEqual([vr, golf, fractions]);
    expect([...shown.flagged].sort()).toEqual(['ana', 'emile', 'tom']);
    expect(shown.cell('zoe', golf.key)).toEqual(EMPTY_CELL);
    expect(shown.cell('nobody', vr.key)).toEqual(EMPTY_CELL);
  });

  it('"needs help only" keeps the flagged learners, even when the flag is on an activity the kind filter hides', () => {
    const help = visibleGrid(GRID, { kind: 'all', helpOnly: true }, 'en');
    expect(help.learners.map((l) => l.id)).toEqual(['ana', 'emile', 'tom']);
    // Only VR shown: Émile (flagged on the SCORM course) and Tom (on the exercise) stay on the list.
    const vrHelp = visibleGrid(GRID, { kind: 'vr', helpOnly: true }, 'en');
    expect(vrHelp.activities).toEqual([vr]);
    expect(vrHelp.learners.map((l) => l.id)).toEqual(['ana', 'emile', 'tom']);
    expect(visibleGrid(GRID, { kind: 'lesson', helpOnly: false }, 'en').activities).toEqual([]);
  });

  it('nobody flagged: "needs help only" shows an empty grid, not everyone', () => {
    const calm: ProgressGrid = { ...GRID, cells: new Map([[cellKey('zoe', vr.key), cell({ status: 'passed', score: 1 })]]) };
    const shown = visibleGrid(calm, { kind: 'all', helpOnly: true }, 'en');
    expect(shown.learners).toEqual([]);
    expect(shown.flagged.size).toBe(0);
  });

  it('says why a learner needs help, every reason across all activities, in the UI language', async () => {
    const en = await createI18n('en');
    const zh = await createI18n('zh-Hans');
    const vrOnly = visibleGrid(GRID, { kind: 'vr', helpOnly: false }, 'en');
    expect(helpText(en.t, vrOnly, GRID.activities, 'ana', 'en')).toBe('Failed Safety VR; Struggling on Fractions');
    expect(helpText(en.t, vrOnly, GRID.activities, 'emile', 'en')).toBe('Failed Golf');
    expect(helpText(en.t, vrOnly, GRID.activities, 'zoe', 'en')).toBe('');
    expect(helpText(zh.t, vrOnly, GRID.activities, 'tom', 'zh-Hans')).toBe('Fractions遇到困难');
    const long: ProgressGrid = { ...GRID, cells: new Map([[cellKey('zoe', vr.key), cell({ status: 'inProgress', seconds: 7200, help: 'longSession' })]]) };
    expect(helpText(en.t, visibleGrid(long, { kind: 'all', helpOnly: false }, 'en'), GRID.activities, 'zoe', 'en')).toBe('Safety VR running far longer than others');
  });

  it('exports what is shown: the Needs help column, the shown activities only, the shown learners only', async () => {
    const en = await createI18n('en');
    const all = gridRows(en.t, visibleGrid(GRID, { kind: 'all', helpOnly: false }, 'en'), GRID.activities, 'en');
    expect(all.header).toEqual(['Learner', 'Needs help', 'Safety VR', 'Golf', 'Fractions']);
    expect(all.rows).toEqual([
      ['ana', 'Failed Safety VR; Struggling on Fractions', 'Failed · 30% · 10 min', 'Not started', 'In progress · 40%'],
      ['Émile', 'Failed Golf', 'Not started', 'Failed · 50%', 'Not started'],
      ['Tom', 'Struggling on Fractions', 'Not started', 'Not started', 'In progress · 20%'],
      ['Zoë Martin', '', 'Passed · 85% · 30 min', 'Not started', 'Not started'],
    ]);
    const help = gridRows(en.t, visibleGrid(GRID, { kind: 'exercise', helpOnly: true }, 'en'), GRID.activities, 'en');
    expect(help.header).toEqual(['Learner', 'Needs help', 'Fractions']);
    expect(help.rows.map((row) => [row[0], row[1]])).toEqual([
      ['ana', 'Failed Safety VR; Struggling on Fractions'],
      ['Émile', 'Failed Golf'],
      ['Tom', 'Struggling on Fractions'],
    ]);
    const zh = await createI18n('zh-Hans');
    expect(gridRows(zh.t, visibleGrid(GRID, { kind: 'vr', helpOnly: true }, 'zh-Hans'), GRID.activities, 'zh-Hans').header).toEqual(['学员', '需要帮助', 'Safety VR']);
  });
});

describe('the CSV a spreadsheet opens', () => {
  it('starts with a BOM, ends lines with CRLF, quotes commas, quotes and line breaks, and reads back to the same cells', () => {
    const header = ['Learner', 'Needs help', 'Safety, level 1'];
    const rows = [
      ['Zoë "Z" Martin', 'Failed Safety, level 1; Struggling on Fractions', 'Failed · 30%'],
      ['王小明', '', 'Line one\nline two'],
    ];
    const csv = toCsv(header, rows);
    expect(csv.startsWith('\uFEFFLearner,Needs help,"Safety, level 1"\r\n')).toBe(true);
    expect(csv).toContain('"Zoë ""Z"" Martin","Failed Safety, level 1; Struggling on Fractions",Failed · 30%\r\n');
    expect(csv.endsWith('王小明,,"Line one\nline two"\r\n')).toBe(true);
    const back = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(back.errors).toEqual([]);
    expect(back.data).toEqual([header, ...rows]);
  });

  it('defuses cells that a spreadsheet would run as a formula (names and titles are typed by others)', () => {
    const csv = toCsv(['Learner', 'Needs help'], [['=HYPERLINK("http://x")', ''], ['+1', '-2'], ['@SUM(A1)', 'ok']]);
    const back = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(back.slice(1)).toEqual([
      ["'=HYPERLINK(\"http://x\")", ''],
      ["'+1", "'-2"],
      ["'@SUM(A1)", 'ok'],
    ]);
  });

  it('an empty grid is the header alone', () => {
    expect(toCsv(['Learner', 'Needs help'], [])).toBe('\uFEFFLearner,Needs help\r\n');
  });
});
