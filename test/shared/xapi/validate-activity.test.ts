import { describe, expect, it } from 'vitest';
import { validateActivity } from '../../../shared/xapi/validate-activity';
import type { XapiValidationErrors } from '../../../shared/xapi/validation-issue';

function activity(value: unknown): XapiValidationErrors {
  const errors: XapiValidationErrors = [];
  validateActivity(value, 'object', errors);
  return errors;
}
const id = 'https://outpost.example/vr-packages/1';

describe('validateActivity', () => {
  it('accepts a full definition', () => {
    expect(
      activity({
        objectType: 'Activity',
        id,
        definition: {
          name: { 'en-US': 'Safety Training VR' },
          description: { en: 'Fire safety' },
          type: 'http://activitystrea.ms/schema/1.0/application',
          moreInfo: 'https://outpost.example/vr-packages/1/info',
          extensions: { 'https://outpost.example/ext/platforms': ['quest3'] },
        },
      }),
    ).toEqual([]);
  });

  it('requires an IRI id and objectType "Activity" when present', () => {
    expect(activity({ definition: {} })).toContainEqual({ path: 'object.id', message: 'is required' });
    expect(activity({ id: 'vr-packages/1' })[0]?.path).toBe('object.id');
    expect(activity({ id: '#q1' })[0]?.path).toBe('object.id');
    expect(activity({ objectType: 'activity', id })[0]?.path).toBe('object.objectType');
  });

  it('checks definition fields', () => {
    expect(activity({ id, definition: { name: 'Safety' } })[0]?.path).toBe('object.definition.name');
    expect(activity({ id, definition: { description: { 'en us': 'x' } } })[0]?.path).toBe('object.definition.description["en us"]');
    expect(activity({ id, definition: { type: 'application' } })[0]?.path).toBe('object.definition.type');
    expect(activity({ id, definition: { moreInfo: 'www.example.com' } })[0]?.path).toBe('object.definition.moreInfo');
    expect(activity({ id, definition: { title: 'x' } })).toEqual([{ path: 'object.definition.title', message: 'unknown property' }]);
  });

  it('checks interaction definitions', () => {
    const choices = [
      { id: 'golf', description: { 'en-US': 'Golf' } },
      { id: 'tetris', description: { 'en-US': 'Tetris' } },
    ];
    expect(activity({ id, definition: { interactionType: 'choice', correctResponsesPattern: ['golf[,]tetris'], choices } })).toEqual([]);
    expect(activity({ id, definition: { interactionType: 'essay' } })[0]?.path).toBe('object.definition.interactionType');
    expect(activity({ id, definition: { correctResponsesPattern: ['true'] } })[0]?.path).toBe('object.definition.interactionType');
    expect(activity({ id, definition: { interactionType: 'true-false', choices } })).toEqual([
      { path: 'object.definition.choices', message: 'is not supported for interactionType "true-false"' },
    ]);
    expect(activity({ id, definition: { interactionType: 'choice', choices: [{ id: 'a' }, { id: 'a' }] } })).toEqual([
      { path: 'object.definition.choices.1.id', message: 'duplicate component id "a"' },
    ]);
    expect(activity({ id, definition: { interactionType: 'toString' } })[0]?.path).toBe('object.definition.interactionType');
  });
});
