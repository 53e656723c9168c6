import { describe, expect, it } from 'vitest';
import { filterLearners, sortLearners } from '../../../renderer/src/data/roster-order';

const names = (list: readonly { display_name: string }[]) => list.map((l) => l.display_name);
const roster = ['bob Chen', 'Álvaro Ruiz', 'Alice Wong', 'Learner 10', 'Learner 9'].map((display_name) => ({ display_name }));

describe('roster order and search', () => {
  it('sorts by name the way the UI language does: accents and case aside, numbers by value', () => {
    expect(names(sortLearners(roster, 'en'))).toEqual(['Alice Wong', 'Álvaro Ruiz', 'bob Chen', 'Learner 9', 'Learner 10']);
  });

  it('sorts Chinese names for a Chinese UI', () => {
    const chinese = ['王小明', '陈大文', '李华'].map((display_name) => ({ display_name }));
    expect(names(sortLearners(chinese, 'zh-Hans'))).toEqual(['陈大文', '李华', '王小明']);
  });

  it('finds learners by any part of the name, ignoring case, spacing and full-width letters', () => {
    expect(names(filterLearners(roster, 'chen'))).toEqual(['bob Chen']);
    expect(names(filterLearners(roster, '  ａｌｉｃｅ   wong '))).toEqual(['Alice Wong']);
    expect(names(filterLearners(roster, ''))).toHaveLength(5);
    expect(filterLearners(roster, 'zzz')).toEqual([]);
  });
});
