import type { CompletionPorts } from '../data/vr-completion-statement';
import type { InstructorGuard } from '../data/instructor-guard';
import type { ScormApiPorts } from './scorm-launch-route';

/**
 * The local API writes through the data layer, so it needs exactly the data layer's ports, plus how to
 * tell an instructor's call (see authenticate-instructor.ts); left out, no call is an instructor's.
 */
export type LocalApiDeps = CompletionPorts & { readonly instructor?: InstructorGuard; readonly scorm?: ScormApiPorts };
