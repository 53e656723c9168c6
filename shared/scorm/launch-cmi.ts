import type { CourseItem } from './course-manifest';

export interface LaunchLearner {
  readonly id: string;
  readonly name: string;
}

/** Elements the LMS sets on every launch, or the course writes but must not read back next time. */
const SET_BY_LMS = /(^|\.)(entry|exit|session_time|credit|mode|lesson_mode|student_id|student_name|learner_id|learner_name|launch_data|mastery_score|scaled_passing_score|completion_threshold|max_time_allowed|time_limit_action)$/;
const META = /(^|\.)_(children|count|version)$/;

/**
 * The data model an item starts a sitting with: what it last committed (location, suspend data, status,
 * interactions...), plus what the LMS provides from the manifest and the learner. entry is "resume" when
 * the last sitting ended suspended (or left location or suspend data without saying how it exited), else
 * "ab-initio" (2004) / "" (1.2).
 */
export function launchCmi(version: '1.2' | '2004', item: CourseItem, stored: Readonly<Record<string, string>>, learner: LaunchLearner): Record<string, string> {
  const out: Record<string, string> = {};
  // adl.data.n is the LMS's view of the shared stores for this delivery (sent with the init, not as CMI).
  for (const [key, value] of Object.entries(stored)) if (!SET_BY_LMS.test(key) && !META.test(key) && !key.startsWith('adl.data.')) out[key] = value;
  const v12 = version === '1.2';
  const exit = stored[v12 ? 'cmi.core.exit' : 'cmi.exit'] ?? '';
  const hasState = (stored[v12 ? 'cmi.core.lesson_location' : 'cmi.location'] ?? '') !== '' || (stored['cmi.suspend_data'] ?? '') !== '';
  const resume = exit === 'suspend' || (exit === '' && hasState);
  if (v12) {
    out['cmi.core.student_id'] = learner.id;
    out['cmi.core.student_name'] = learner.name;
    out['cmi.core.entry'] = resume ? 'resume' : Object.keys(stored).length > 0 ? '' : 'ab-initio';
    out['cmi.core.credit'] = 'credit';
    out['cmi.core.lesson_mode'] = 'normal';
    if (item.launch_data !== undefined) out['cmi.launch_data'] = item.launch_data;
    if (item.mastery_score !== undefined) out['cmi.student_data.mastery_score'] = String(item.mastery_score);
    if (item.max_time_allowed !== undefined) out['cmi.student_data.max_time_allowed'] = item.max_time_allowed;
    if (item.time_limit_action !== undefined) out['cmi.student_data.time_limit_action'] = item.time_limit_action;
  } else {
    out['cmi.learner_id'] = learner.id;
    out['cmi.learner_name'] = learner.name;
    out['cmi.entry'] = resume ? 'resume' : Object.keys(stored).length > 0 ? '' : 'ab-initio';
    out['cmi.credit'] = 'credit';
    out['cmi.mode'] = 'normal';
    if (item.launch_data !== undefined) out['cmi.launch_data'] = item.launch_data;
    const measure = item.sequencing?.satisfied_by_measure === true ? item.sequencing.min_normalized_measure : undefined;
    if (measure !== undefined) out['cmi.scaled_passing_score'] = String(measure);
    if (item.completion_threshold !== undefined) out['cmi.completion_threshold'] = String(item.completion_threshold);
    if (item.max_time_allowed !== undefined) out['cmi.max_time_allowed'] = item.max_time_allowed;
    if (item.time_limit_action !== undefined) out['cmi.time_limit_action'] = item.time_limit_action;
  }
  return out;
}
