import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../../../main/services/scorm/import-limits';
import { parseManifest } from '../../../../main/services/scorm/manifest-parser';
import { launchableItems } from '../../../../shared/scorm/course-tree';
import { courseOrganizationSchema } from '../../../../shared/scorm/course-manifest';
import { FLOW_ONLY_QUIZ_MANIFEST, manifest2004, PRACTICE_TEST_MANIFEST, sco } from '../../../support/scorm-sequencing-packages';

const parse = (xml: string) => parseManifest(xml, DEFAULT_IMPORT_LIMITS);

describe('manifest sequencing for the sequencing engine', () => {
  it('reads the organization\'s own sequencing: control mode and authored rollup rules with their child activity sets', () => {
    const org = parse(FLOW_ONLY_QUIZ_MANIFEST).organizations[0];
    expect(org?.sequencing).toMatchObject({ choice: false, flow: true, forward_only: true });
    expect(org?.sequencing?.rollup_rules).toEqual([
      { combination: 'all', conditions: [{ condition: 'satisfied', operator: 'noOp' }], action: 'satisfied', child_activity_set: 'any' },
      { combination: 'all', conditions: [{ condition: 'completed', operator: 'noOp' }], action: 'completed', child_activity_set: 'atLeastCount', minimum_count: 2 },
    ]);
    // The stored course still validates.
    expect(courseOrganizationSchema.safeParse(org).success).toBe(true);
  });

  it('reads every objective with its maps, referenced objectives in rule conditions, and limits', () => {
    const items = launchableItems(parse(PRACTICE_TEST_MANIFEST).organizations[0]?.items ?? []);
    const test = items.find((item) => item.identifier === 'test');
    expect(test?.sequencing).toMatchObject({
      attempt_limit: 1,
      objectives: [{ objective_id: 'test_passed', primary: true, maps: [{ target_objective_id: 'outpost.mastery', flags: { read_satisfied_status: false, write_satisfied_status: true } }] }],
    });
    const bonus = items.find((item) => item.identifier === 'bonus');
    expect(bonus?.sequencing?.objectives).toEqual([
      { objective_id: 'bonus_done', primary: true, maps: [] },
      { objective_id: 'mastery', primary: false, maps: [{ target_objective_id: 'outpost.mastery', flags: { read_satisfied_status: true } }] },
    ]);
    expect(bonus?.sequencing?.pre_condition_rules[0]).toMatchObject({
      combination: 'any',
      action: 'hiddenFromChoice',
      conditions: [
        { condition: 'satisfied', operator: 'not', referenced_objective: 'mastery' },
        { condition: 'objectiveStatusKnown', operator: 'not', referenced_objective: 'mastery' },
      ],
    });
  });

  it('reads the other control modes, delivery controls, rollup considerations, adlseq objective maps and randomization', () => {
    const xml = manifest2004(
      'outpost.test.seq.all',
      `<organization identifier="org"><title>All of it</title>
        <item identifier="m"><title>M</title>
          ${sco(
            'a',
            'A',
            `<imsss:sequencing>
              <imsss:deliveryControls tracked="true" completionSetByContent="true" objectiveSetByContent="true"/>
              <imsss:objectives>
                <imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true">
                  <imsss:minNormalizedMeasure>0.5</imsss:minNormalizedMeasure>
                  <imsss:mapInfo targetObjectiveID="g" writeNormalizedMeasure="true"/>
                </imsss:primaryObjective>
              </imsss:objectives>
              <adlseq:objectives>
                <adlseq:objective objectiveID="p"><adlseq:mapInfo targetObjectiveID="g" writeRawScore="true" readCompletionStatus="false"/></adlseq:objective>
              </adlseq:objectives>
            </imsss:sequencing>`,
          )}
          <imsss:sequencing>
            <imsss:controlMode choice="false" choiceExit="false" flow="true" useCurrentAttemptObjectiveInfo="false" useCurrentAttemptProgressInfo="false"/>
            <imsss:rollupRules rollupObjectiveSatisfied="false" rollupProgressCompletion="true" objectiveMeasureWeight="0.5">
              <imsss:rollupRule childActivitySet="atLeastPercent" minimumPercent="0.75">
                <imsss:rollupConditions conditionCombination="any"><imsss:rollupCondition condition="activityProgressKnown" operator="not"/></imsss:rollupConditions>
                <imsss:rollupAction action="incomplete"/>
              </imsss:rollupRule>
            </imsss:rollupRules>
            <imsss:randomizationControls selectCount="1" selectionTiming="onEachNewAttempt" reorderChildren="true" randomizationTiming="once"/>
            <adlseq:constrainedChoiceConsiderations preventActivation="true" constrainChoice="true"/>
            <adlseq:rollupConsiderations requiredForSatisfied="ifAttempted" requiredForCompleted="ifNotSkipped" measureSatisfactionIfActive="false"/>
          </imsss:sequencing>
        </item>
      </organization>`,
    );
    const module = parse(xml).organizations[0]?.items[0];
    expect(module?.sequencing).toMatchObject({
      choice: false,
      choice_exit: false,
      flow: true,
      use_current_attempt_objective_info: false,
      use_current_attempt_progress_info: false,
      rollup_objective_satisfied: false,
      rollup_progress_completion: true,
      objective_measure_weight: 0.5,
      select_count: 1,
      selection_timing: 'onEachNewAttempt',
      randomization_timing: 'once',
      reorder_children: true,
      prevent_activation: true,
      constrain_choice: true,
      rollup_considerations: { required_for_satisfied: 'ifAttempted', required_for_completed: 'ifNotSkipped', measure_satisfaction_if_active: false },
    });
    expect(module?.sequencing?.rollup_rules[0]).toMatchObject({ combination: 'any', action: 'incomplete', child_activity_set: 'atLeastPercent', minimum_percent: 0.75, conditions: [{ condition: 'activityProgressKnown', operator: 'not' }] });
    expect(module?.children[0]?.sequencing).toMatchObject({
      tracked: true,
      completion_set_by_content: true,
      objective_set_by_content: true,
      satisfied_by_measure: true,
      min_normalized_measure: 0.5,
      objectives: [{ objective_id: 'p', primary: true, satisfied_by_measure: true, min_normalized_measure: 0.5, maps: [{ target_objective_id: 'g', flags: { write_normalized_measure: true, write_raw_score: true, read_completion_status: false } }] }],
    });
  });

  it('leaves out values outside their range instead of refusing the course', () => {
    const xml = manifest2004(
      'outpost.test.seq.odd',
      `<organization identifier="org"><title>Odd</title>${sco('a', 'A')}
        <imsss:sequencing>
          <imsss:rollupRules objectiveMeasureWeight="7">
            <imsss:rollupRule childActivitySet="most" minimumCount="-1" minimumPercent="2">
              <imsss:rollupConditions><imsss:rollupCondition condition="satisfied"/></imsss:rollupConditions>
              <imsss:rollupAction action="satisfied"/>
            </imsss:rollupRule>
          </imsss:rollupRules>
          <imsss:randomizationControls selectCount="x" selectionTiming="sometimes"/>
        </imsss:sequencing>
      </organization>`,
    );
    const org = parse(xml).organizations[0];
    expect(org?.sequencing?.objective_measure_weight).toBeUndefined();
    expect(org?.sequencing?.rollup_rules[0]).toEqual({ combination: 'all', conditions: [{ condition: 'satisfied', operator: 'noOp' }], action: 'satisfied' });
    expect(org?.sequencing).not.toHaveProperty('select_count');
    expect(org?.sequencing).not.toHaveProperty('selection_timing');
  });
});
