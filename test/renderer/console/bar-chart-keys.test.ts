import { describe, expect, it } from 'vitest';
import { nextBar } from '../../../renderer/src/console/bar-chart';

describe('moving through a chart’s bars by keyboard', () => {
  it('arrows step and stop at the ends, Home and End jump, other keys do nothing, no bars no move', () => {
    expect(nextBar('ArrowDown', null, 3)).toBe(0);
    expect(nextBar('ArrowDown', 1, 3)).toBe(2);
    expect(nextBar('ArrowRight', 2, 3)).toBe(2);
    expect(nextBar('ArrowUp', 2, 3)).toBe(1);
    expect(nextBar('ArrowLeft', 0, 3)).toBe(0);
    expect(nextBar('ArrowUp', null, 3)).toBe(0);
    expect(nextBar('Home', 2, 3)).toBe(0);
    expect(nextBar('End', 0, 3)).toBe(2);
    expect(nextBar('Enter', 1, 3)).toBeNull();
    expect(nextBar('ArrowDown', null, 0)).toBeNull();
  });
});
