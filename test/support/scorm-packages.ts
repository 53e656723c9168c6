import { ZipFile } from 'yazl';
import { PROBE_SCO_HTML, PROBE_SCO_JS } from './scorm-probe-sco';

/** Builds a zip in memory from name -> content (yazl, deflated). */
export function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const probeFiles = (folder: string) => ({ [`${folder}probe.html`]: PROBE_SCO_HTML, [`${folder}probe.js`]: PROBE_SCO_JS });

/** SCORM 1.2, three SCOs (two in a nested cluster), mastery score, launch data and time limit on the first. */
export const MULTI_SCO_12_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="outpost.test.multisco12" version="1.3"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org1">
    <organization identifier="org1">
      <title>Multi-SCO 1.2</title>
      <item identifier="part1">
        <title>Part one</title>
        <item identifier="sco_a" identifierref="res_probe" parameters="?v=12&amp;sco=A">
          <title>Lesson A</title>
          <adlcp:masteryscore>80</adlcp:masteryscore>
          <adlcp:datafromlms>launch-A</adlcp:datafromlms>
          <adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed>
          <adlcp:timelimitaction>continue,message</adlcp:timelimitaction>
        </item>
        <item identifier="sco_b" identifierref="res_probe" parameters="v=12&amp;sco=B"><title>Lesson B</title></item>
      </item>
      <item identifier="sco_c" identifierref="res_probe" parameters="?v=12&amp;sco=C"><title>Lesson C</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_probe" type="webcontent" adlcp:scormtype="sco" href="sco/probe.html"><file href="sco/probe.html"/></resource>
  </resources>
</manifest>`;

/** SCORM 2004 4th edition: two organizations, nested clusters, a sequencing collection, rollup rules, xml:base. */
export const SEQUENCED_2004_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="outpost.test.seq2004" version="2"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="main">
    <organization identifier="alt"><title>Alternative path</title>
      <item identifier="alt_1" identifierref="r1" parameters="?v=2004&amp;sco=alt"><title>Alt only</title></item>
    </organization>
    <organization identifier="main"><title>Sequenced 2004</title>
      <item identifier="module1"><title>Module 1</title>
        <item identifier="s1" identifierref="r1" parameters="?v=2004&amp;sco=S1">
          <title>Intro</title>
          <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.75"/>
          <adlcp:dataFromLMS>launch-S1</adlcp:dataFromLMS>
          <imsss:sequencing IDRef="content">
            <imsss:limitConditions attemptLimit="3" attemptAbsoluteDurationLimit="PT1H"/>
          </imsss:sequencing>
        </item>
        <item identifier="s2" identifierref="r1" parameters="?v=2004&amp;sco=S2">
          <title>Quiz</title>
          <imsss:sequencing>
            <imsss:sequencingRules>
              <imsss:preConditionRule>
                <imsss:ruleConditions><imsss:ruleCondition condition="satisfied"/></imsss:ruleConditions>
                <imsss:ruleAction action="skip"/>
              </imsss:preConditionRule>
              <imsss:postConditionRule>
                <imsss:ruleConditions conditionCombination="any"><imsss:ruleCondition condition="satisfied" operator="not"/></imsss:ruleConditions>
                <imsss:ruleAction action="retry"/>
              </imsss:postConditionRule>
            </imsss:sequencingRules>
            <imsss:objectives>
              <imsss:primaryObjective objectiveID="quiz" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure></imsss:primaryObjective>
            </imsss:objectives>
          </imsss:sequencing>
        </item>
        <imsss:sequencing>
          <imsss:controlMode choice="true" flow="true"/>
          <imsss:rollupRules>
            <imsss:rollupRule childActivitySet="all">
              <imsss:rollupConditions><imsss:rollupCondition condition="completed"/></imsss:rollupConditions>
              <imsss:rollupAction action="completed"/>
            </imsss:rollupRule>
          </imsss:rollupRules>
        </imsss:sequencing>
      </item>
      <item identifier="s3" identifierref="r_asset"><title>Reading</title></item>
      <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" xml:base="sco/" href="probe.html"><file href="probe.html"/></resource>
    <resource identifier="r_asset" type="webcontent" adlcp:scormType="asset" href="reading.html"><file href="reading.html"/></resource>
  </resources>
  <imsss:sequencingCollection>
    <imsss:sequencing ID="content">
      <imsss:controlMode choice="true" flow="true"/>
      <imsss:sequencingRules>
        <imsss:exitConditionRule>
          <imsss:ruleConditions><imsss:ruleCondition condition="completed"/></imsss:ruleConditions>
          <imsss:ruleAction action="exit"/>
        </imsss:exitConditionRule>
      </imsss:sequencingRules>
    </imsss:sequencing>
  </imsss:sequencingCollection>
</manifest>`;

/** One SCO, SCORM 2004 3rd edition, manifest inside a single top-level folder, for the runtime sweep. */
export const SINGLE_2004_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="outpost.test.single2004" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Runtime sweep 2004</title>
    <item identifier="only" identifierref="r" parameters="?v=2004&amp;sco=only"><title>Only SCO</title>
      <imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives></imsss:sequencing>
    </item>
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="probe.html"/></resources>
</manifest>`;

export async function multiSco12Zip(): Promise<Buffer> {
  return zipOf({ 'imsmanifest.xml': MULTI_SCO_12_MANIFEST, ...probeFiles('sco/') });
}

export async function sequenced2004Zip(): Promise<Buffer> {
  return zipOf({ 'imsmanifest.xml': SEQUENCED_2004_MANIFEST, ...probeFiles('content/sco/'), 'content/reading.html': '<!doctype html><title>Reading</title><p id="reading">Read this.</p>' });
}

export async function single2004Zip(): Promise<Buffer> {
  return zipOf({ 'course/imsmanifest.xml': SINGLE_2004_MANIFEST, ...probeFiles('course/') });
}
