import { outcome12, outcome2004 } from '../../../shared/scorm/cmi-status';
import type { ItemState } from '../../../shared/scorm/flow-navigation';
import { itemCmi } from '../../../shared/scorm/sco-keys';

/** An item's status from the session's CMI map, for flow rules and the table of contents. */
export function itemState(version: '1.2' | '2004', cmi: Readonly<Record<string, string>>, itemId: string, multi: boolean): ItemState {
  const own = itemCmi(cmi, itemId, multi);
  const outcome = version === '1.2' ? outcome12(own) : outcome2004(own);
  return {
    attempted: Object.keys(own).length > 0,
    completed: outcome.completion === 'completed',
    satisfied: outcome.success === 'passed',
  };
}
