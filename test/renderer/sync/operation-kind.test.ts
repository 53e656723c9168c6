import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { operationKindKey } from '../../../renderer/src/sync/operation-kind';

describe('operationKindKey', () => {
  it('names every kind the outbox records, in words', async () => {
    const en = await createI18n('en');
    const words = (kind: string) => en.t(`sync.kinds.${operationKindKey(kind)}`, { kind });
    expect(words('vr_session.create')).toBe('VR session started');
    expect(words('vr_session.complete')).toBe('VR session completed');
    expect(words('xapi.statement')).toBe('xAPI statement (learning record)');
    expect(words('scorm_session.update')).toBe('SCORM course progress');
    expect(words('scorm_session.launch')).toBe('SCORM course started');
    expect(words('content_session.start')).toBe('Exercise session started');
    expect(words('lesson_play.create')).toBe('Lesson play recorded');
  });

  it('still shows a kind it does not know, and is not fooled by inherited names', async () => {
    const zh = await createI18n('zh-Hant');
    expect(zh.t(`sync.kinds.${operationKindKey('mastery_log.update')}`, { kind: 'mastery_log.update' })).toBe('其他變更（mastery_log.update）');
    expect(operationKindKey('constructor')).toBe('other');
  });
});
