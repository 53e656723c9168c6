import { PROBE_SCO_HTML, PROBE_SCO_JS } from './scorm-probe-sco';
import { zipOf } from './scorm-packages';

/**
 * Our own SCORM 2004 4th edition packages for sequencing: each item is the probe SCO (test/support/
 * scorm-probe-sco.ts) named by its `sco` parameter, so a test can answer, pass or fail it and finish it.
 */
export function manifest2004(identifier: string, organization: string, collection = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${identifier}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">${organization}</organizations>
  <resources>
    <resource identifier="r" type="webcontent" adlcp:scormType="sco" href="sco/probe.html"><file href="sco/probe.html"/></resource>
  </resources>${collection}
</manifest>`;
}

/** An item playing the probe SCO as `name`, with optional sequencing XML inside. */
export function sco(id: string, title: string, sequencing = ''): string {
  return `<item identifier="${id}" identifierref="r" parameters="?v=2004&amp;sco=${id}"><title>${title}</title>${sequencing}</item>`;
}

/**
 * "Flow-only quiz": the learner may only go forward (choice="false", forwardOnly="true"). The quiz is
 * retried while not satisfied (post-condition retry), at most twice (attemptLimit 2); after that the
 * course moves on. Authored rollup: the course is satisfied when any item is, and completed when two are.
 */
export const FLOW_ONLY_QUIZ_MANIFEST = manifest2004(
  'outpost.test.seq.flowonly',
  `<organization identifier="org"><title>Flow-only quiz</title>
    ${sco('intro', 'Introduction')}
    ${sco(
      'quiz',
      'Quiz',
      `<imsss:sequencing>
        <imsss:limitConditions attemptLimit="2"/>
        <imsss:sequencingRules>
          <imsss:postConditionRule>
            <imsss:ruleConditions><imsss:ruleCondition condition="satisfied" operator="not"/></imsss:ruleConditions>
            <imsss:ruleAction action="retry"/>
          </imsss:postConditionRule>
        </imsss:sequencingRules>
      </imsss:sequencing>`,
    )}
    ${sco('outro', 'Summary')}
    <imsss:sequencing>
      <imsss:controlMode choice="false" flow="true" forwardOnly="true"/>
      <imsss:rollupRules>
        <imsss:rollupRule childActivitySet="any">
          <imsss:rollupConditions><imsss:rollupCondition condition="satisfied"/></imsss:rollupConditions>
          <imsss:rollupAction action="satisfied"/>
        </imsss:rollupRule>
        <imsss:rollupRule childActivitySet="atLeastCount" minimumCount="2">
          <imsss:rollupConditions><imsss:rollupCondition condition="completed"/></imsss:rollupConditions>
          <imsss:rollupAction action="completed"/>
        </imsss:rollupRule>
      </imsss:rollupRules>
    </imsss:sequencing>
  </organization>`,
);

/**
 * "Practice and test": free choice. The test may be taken once (attemptLimit 1) and writes the global
 * objective "outpost.mastery"; the bonus reads it and is hidden from choice until it is satisfied (4th
 * edition rule conditions are three-valued: "not satisfied" alone is unknown, not true, while the status is
 * unknown, hence the second condition). The
 * review module exits itself after its first part (post-condition exitParent), so its second part is only
 * reached by choice.
 */
export const PRACTICE_TEST_MANIFEST = manifest2004(
  'outpost.test.seq.practice',
  `<organization identifier="org"><title>Practice and test</title>
    ${sco('practice', 'Practice')}
    ${sco(
      'test',
      'Test',
      `<imsss:sequencing>
        <imsss:limitConditions attemptLimit="1"/>
        <imsss:objectives>
          <imsss:primaryObjective objectiveID="test_passed">
            <imsss:mapInfo targetObjectiveID="outpost.mastery" readSatisfiedStatus="false" writeSatisfiedStatus="true"/>
          </imsss:primaryObjective>
        </imsss:objectives>
      </imsss:sequencing>`,
    )}
    <item identifier="review"><title>Review</title>
      ${sco(
        'review1',
        'Review part 1',
        `<imsss:sequencing>
          <imsss:sequencingRules>
            <imsss:postConditionRule>
              <imsss:ruleConditions><imsss:ruleCondition condition="always"/></imsss:ruleConditions>
              <imsss:ruleAction action="exitParent"/>
            </imsss:postConditionRule>
          </imsss:sequencingRules>
        </imsss:sequencing>`,
      )}
      ${sco('review2', 'Review part 2')}
      <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
    </item>
    ${sco(
      'bonus',
      'Bonus',
      `<imsss:sequencing>
        <imsss:sequencingRules>
          <imsss:preConditionRule>
            <imsss:ruleConditions conditionCombination="any">
              <imsss:ruleCondition referencedObjective="mastery" condition="satisfied" operator="not"/>
              <imsss:ruleCondition referencedObjective="mastery" condition="objectiveStatusKnown" operator="not"/>
            </imsss:ruleConditions>
            <imsss:ruleAction action="hiddenFromChoice"/>
          </imsss:preConditionRule>
        </imsss:sequencingRules>
        <imsss:objectives>
          <imsss:primaryObjective objectiveID="bonus_done"/>
          <imsss:objective objectiveID="mastery">
            <imsss:mapInfo targetObjectiveID="outpost.mastery" readSatisfiedStatus="true"/>
          </imsss:objective>
        </imsss:objectives>
      </imsss:sequencing>`,
    )}
    <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
  </organization>`,
);

const probeFiles = { 'sco/probe.html': PROBE_SCO_HTML, 'sco/probe.js': PROBE_SCO_JS };

export function flowOnlyQuizZip(): Promise<Buffer> {
  return zipOf({ 'imsmanifest.xml': FLOW_ONLY_QUIZ_MANIFEST, ...probeFiles });
}

export function practiceTestZip(): Promise<Buffer> {
  return zipOf({ 'imsmanifest.xml': PRACTICE_TEST_MANIFEST, ...probeFiles });
}
