import { describe, expect, it } from 'vitest';
import { exerciseFileSchema, MAX_ITEMS } from '../../../shared/exercises/exercise-schema';
import { MAX_CONTENT, MAX_WIDGETS, perseusItemSchema } from '../../../shared/exercises/perseus-item-schema';
import { scoreItem } from '../../../shared/exercises/score-item';

const radio = (correct = 'b') => ({ type: 'radio', options: { choices: [{ id: 'a', content: 'A', correct: correct === 'a' }, { id: 'b', content: 'B', correct: correct === 'b' }] } });
const item = (content: string, widgets: Record<string, unknown>, hints: unknown[] = [{ content: 'Think.' }]) => ({ question: { content, images: {}, widgets }, hints });
const messages = (value: unknown) => {
  const result = perseusItemSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('perseusItemSchema', () => {
  it('accepts a Perseus item with extra Perseus fields it does not use', () => {
    const parsed = perseusItemSchema.parse({ ...item('Pick one [[\u2603 radio 1]]', { 'radio 1': { ...radio(), version: { major: 1, minor: 0 }, alignment: 'default' } }), answerArea: { calculator: false }, itemDataVersion: { major: 0, minor: 1 } });
    expect(scoreItem(parsed, { 'radio 1': { selectedChoiceIds: ['b'] } })).toEqual({ kind: 'graded', correct: 1, messages: [] });
    expect(scoreItem(parsed, { 'radio 1': { selectedChoiceIds: ['a'] } })).toEqual({ kind: 'graded', correct: 0, messages: [] });
  });
  it('refuses places and widgets that do not match', () => {
    expect(messages(item('[[\u2603 radio 2]]', { 'radio 1': radio() }))).toEqual(expect.arrayContaining(['[[☃ radio 2]] names no widget', 'Widget "radio 1" is never placed']));
    expect(messages(item('[[\u2603 numeric-input 1]]', { 'numeric-input 1': radio() }))).toContain('Widget "numeric-input 1" is of type radio');
    expect(messages(item('[[\u2603 radio 1]] [[\u2603 radio 1]]', { 'radio 1': radio() }))).toContain('A widget is placed twice');
  });
  it('refuses widgets Outpost does not play, and malformed widget options', () => {
    expect(messages(item('[[\u2603 interactive-graph 1]]', { 'interactive-graph 1': { type: 'interactive-graph', options: {} } })).length).toBeGreaterThan(0);
    expect(messages(item('[[\u2603 radio 1]]', { 'radio 1': { type: 'radio', options: { choices: [{ id: 'a', content: 'A' }, { id: 'b', content: 'B' }] } } }))).toContain('A radio widget needs a correct choice');
    expect(messages(item('[[\u2603 radio 1]]', { 'radio 1': { type: 'radio', options: { choices: [{ id: 'a', content: 'A', correct: true }, { id: 'a', content: 'B' }] } } }))).toContain('Choice ids must be unique');
    expect(messages(item('[[\u2603 numeric-input 1]]', { 'numeric-input 1': { type: 'numeric-input', options: { answers: [{ value: 3, status: 'wrong' }] } } }))).toContain('A numeric input needs a correct answer with a value');
  });
  it('bounds content, widgets, choices and hints', () => {
    expect(messages(item(`${'x'.repeat(MAX_CONTENT)} [[\u2603 radio 1]]`, { 'radio 1': radio() })).length).toBeGreaterThan(0);
    const many = Object.fromEntries(Array.from({ length: MAX_WIDGETS + 1 }, (_, i) => [`radio ${i + 1}`, radio()]));
    const places = Object.keys(many).map((id) => `[[\u2603 ${id}]]`).join(' ');
    expect(messages(item(places, many))).toContain(`At most ${MAX_WIDGETS} widgets`);
    const choices = Array.from({ length: 11 }, (_, i) => ({ id: `c${i}`, content: `${i}`, correct: i === 0 }));
    expect(messages(item('[[\u2603 radio 1]]', { 'radio 1': { type: 'radio', options: { choices } } })).length).toBeGreaterThan(0);
    expect(messages(item('[[\u2603 radio 1]]', { 'radio 1': radio() }, Array.from({ length: 11 }, () => ({ content: 'h' })))).length).toBeGreaterThan(0);
    expect(messages(item('[[\u2603 radio 1]]', { 'radio 1': radio() }, [{ content: '[[\u2603 radio 1]]', widgets: { 'radio 1': radio() } }]))).toContain('Hints may not hold widgets');
  });
});

describe('exerciseFileSchema', () => {
  const tr = (correct: string) => ({ en: item('[[\u2603 radio 1]]', { 'radio 1': radio('b') }), 'zh-Hans': item('[[\u2603 radio 1]]', { 'radio 1': radio(correct) }) });
  const exercise = (items: Record<string, unknown>, ids = Object.keys(items)) => ({
    kind: 'exercise', node_id: 'n1', content_id: 'c1', channel_id: 'ch1', title: { en: 'T', 'zh-Hans': '题' },
    assessmentmetadata: { assessment_item_ids: ids, mastery_model: { type: 'm_of_n', m: 1, n: 2 }, randomize: false }, assessment_items: items,
  });
  it('accepts agreeing translations and refuses ones whose answers differ', () => {
    expect(exerciseFileSchema.safeParse(exercise({ q1: tr('b') })).success).toBe(true);
    expect(exerciseFileSchema.safeParse(exercise({ q1: tr('a') })).error?.issues[0]?.message).toBe('Translations of an item must have the same widgets and correct choices');
  });
  it('refuses a listed item that is missing, duplicate ids, bad ids, unknown languages and too many items', () => {
    expect(exerciseFileSchema.safeParse(exercise({ q1: tr('b') }, ['q1', 'q2'])).error?.issues[0]?.message).toBe('Item q2 is listed but missing');
    expect(exerciseFileSchema.safeParse(exercise({ q1: tr('b') }, ['q1', 'q1'])).success).toBe(false);
    expect(exerciseFileSchema.safeParse(exercise({ 'q 1': tr('b') })).success).toBe(false);
    expect(exerciseFileSchema.safeParse(exercise({ q1: { ...tr('b'), fr: tr('b').en } })).success).toBe(false);
    const lots = Object.fromEntries(Array.from({ length: MAX_ITEMS + 1 }, (_, i) => [`q${i}`, tr('b')]));
    expect(exerciseFileSchema.safeParse(exercise(lots)).success).toBe(false);
  });
  it('refuses a quiz model on an exercise and m greater than n', () => {
    const bad = (model: unknown) => exerciseFileSchema.safeParse({ ...exercise({ q1: tr('b') }), assessmentmetadata: { assessment_item_ids: ['q1'], mastery_model: model, randomize: false } }).success;
    expect(bad({ type: 'quiz' })).toBe(false);
    expect(bad({ type: 'm_of_n', m: 3, n: 2 })).toBe(false);
    expect(bad({ type: 'do_all' })).toBe(true);
  });
});
