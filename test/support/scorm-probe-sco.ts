/**
 * A test SCO that drives the runtime from buttons, for the edge-case packages: it finds the API the way
 * real content does (walking up parent frames), shows what the LMS gave it, and writes what the test
 * asks. `?v=12` or `?v=2004` (item parameters) picks the API; `?sco=<name>` names it on screen.
 */
export const PROBE_SCO_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Probe SCO</title><script src="probe.js"></script></head>
<body>
<h1 id="name">probe</h1>
<div>entry <span id="entry"></span> location <span id="location"></span> suspend <span id="suspend"></span></div>
<div>launch <span id="launch"></span> learner <span id="learner"></span> mastery <span id="mastery"></span> threshold <span id="threshold"></span> credit <span id="credit"></span> mode <span id="mode"></span> maxtime <span id="maxtime"></span></div>
<label>score <input id="score" value="85"></label>
<label>status <input id="status" value="passed"></label>
<button id="answer">answer</button>
<button id="commit">commit</button>
<button id="finish">finish</button>
<button id="suspend-exit">suspend and finish</button>
<button id="continue">continue</button>
<button id="everything">every element</button>
<button id="probe">probe escape</button>
<pre id="log"></pre>
<div id="ready"></div>
</body></html>`;

export const PROBE_SCO_JS = String.raw`
(function () {
  var params = new URLSearchParams(location.search);
  var v2004 = params.get('v') === '2004';
  function find(name) { var w = window; for (var i = 0; i < 10 && w; i++) { if (w[name]) return w[name]; if (w === w.parent) break; w = w.parent; } return null; }
  var api = find(v2004 ? 'API_1484_11' : 'API');
  var log = function (t) { document.getElementById('log').textContent += t + '\n'; };
  var call = function (fn, a, b) {
    var names = v2004 ? { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate', err: 'GetLastError' }
                      : { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish', err: 'LMSGetLastError' };
    var r = b === undefined ? api[names[fn]](a === undefined ? '' : a) : api[names[fn]](a, b);
    var code = String(api[names.err]());
    if (code !== '0') log(fn + ' ' + (a || '') + ' -> error ' + code);
    return r;
  };
  var E = v2004 ? { loc: 'cmi.location', sus: 'cmi.suspend_data', entry: 'cmi.entry', launch: 'cmi.launch_data', learner: 'cmi.learner_id', exit: 'cmi.exit', time: 'cmi.session_time', credit: 'cmi.credit', mode: 'cmi.mode', max: 'cmi.max_time_allowed' }
                : { loc: 'cmi.core.lesson_location', sus: 'cmi.suspend_data', entry: 'cmi.core.entry', launch: 'cmi.launch_data', learner: 'cmi.core.student_id', exit: 'cmi.core.exit', time: 'cmi.core.session_time', credit: 'cmi.core.credit', mode: 'cmi.core.lesson_mode', max: 'cmi.student_data.max_time_allowed' };
  var show = function (id, el) { document.getElementById(id).textContent = call('get', el); };
  window.addEventListener('load', function () {
    document.getElementById('name').textContent = params.get('sco') || 'probe';
    if (!api) { log('no API'); return; }
    call('init');
    show('entry', E.entry); show('location', E.loc); show('suspend', E.sus); show('launch', E.launch); show('learner', E.learner);
    show('credit', E.credit); show('mode', E.mode); show('maxtime', E.max);
    show('mastery', v2004 ? 'cmi.scaled_passing_score' : 'cmi.student_data.mastery_score');
    if (v2004) show('threshold', 'cmi.completion_threshold');
    var byId = function (id) { return document.getElementById(id); };
    byId('answer').onclick = function () {
      var score = byId('score').value, status = byId('status').value;
      call('set', E.loc, 'page-' + score);
      call('set', E.sus, 'answered=' + score + ';' + (params.get('sco') || ''));
      if (v2004) {
        call('set', 'cmi.score.raw', score); call('set', 'cmi.score.min', '0'); call('set', 'cmi.score.max', '100');
        call('set', 'cmi.score.scaled', String(Number(score) / 100));
        call('set', 'cmi.completion_status', 'completed');
        if (status === 'passed' || status === 'failed') call('set', 'cmi.success_status', status);
        call('set', E.time, 'PT1M30S');
      } else {
        call('set', 'cmi.core.score.raw', score); call('set', 'cmi.core.score.min', '0'); call('set', 'cmi.core.score.max', '100');
        call('set', 'cmi.core.lesson_status', status);
        call('set', E.time, '0000:01:30.00');
      }
      byId('ready').textContent = 'answered';
    };
    byId('commit').onclick = function () { call('commit'); byId('ready').textContent = 'committed'; };
    byId('finish').onclick = function () { call('finish'); byId('ready').textContent = 'finished'; };
    byId('suspend-exit').onclick = function () { call('set', E.exit, 'suspend'); call('commit'); call('finish'); byId('ready').textContent = 'finished'; };
    byId('continue').onclick = function () { if (v2004) call('set', 'adl.nav.request', 'continue'); call('finish'); };
    byId('everything').onclick = function () { byId('log').textContent = ''; window.__probeEverything(call, v2004); byId('ready').textContent = 'everything'; };
    byId('probe').onclick = function () { window.__probeEscape(); };
    byId('ready').textContent = 'initialized';
  });
  window.__probeEverything = function (call, v2004) {
    var sets = v2004 ? [
      ['cmi.location', 'L1'], ['cmi.suspend_data', 'S'.repeat(64000)], ['cmi.progress_measure', '0.5'], ['cmi.score.scaled', '0.9'],
      ['cmi.score.raw', '90'], ['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.completion_status', 'incomplete'],
      ['cmi.success_status', 'unknown'], ['cmi.exit', 'suspend'], ['cmi.session_time', 'PT2M'],
      ['cmi.learner_preference.audio_level', '1.5'], ['cmi.learner_preference.language', 'zh-Hant'],
      ['cmi.learner_preference.delivery_speed', '1'], ['cmi.learner_preference.audio_captioning', '1'],
      ['cmi.interactions.0.id', 'q1'], ['cmi.interactions.0.type', 'choice'], ['cmi.interactions.0.learner_response', 'a[,]b'],
      ['cmi.interactions.0.correct_responses.0.pattern', 'a[,]b'], ['cmi.interactions.0.result', 'correct'],
      ['cmi.interactions.0.weighting', '1'], ['cmi.interactions.0.latency', 'PT5S'], ['cmi.interactions.0.timestamp', '2024-01-01T10:00:00'],
      ['cmi.interactions.0.description', 'Question one'], ['cmi.interactions.0.objectives.0.id', 'obj1'],
      ['cmi.objectives.0.id', 'obj1'], ['cmi.objectives.0.score.scaled', '1'], ['cmi.objectives.0.success_status', 'passed'],
      ['cmi.objectives.0.completion_status', 'completed'], ['cmi.objectives.0.progress_measure', '1'], ['cmi.objectives.0.description', 'First'],
      ['cmi.comments_from_learner.0.comment', '学习 😀'], ['cmi.comments_from_learner.0.location', 'p1'], ['cmi.comments_from_learner.0.timestamp', '2024-01-01T10:00:00'],
      ['adl.data.0.store', 'x']
    ] : [
      ['cmi.core.lesson_location', 'L1'], ['cmi.suspend_data', 'S'.repeat(4096)], ['cmi.core.score.raw', '90'], ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'], ['cmi.core.lesson_status', 'incomplete'], ['cmi.core.exit', 'suspend'], ['cmi.core.session_time', '0000:02:00'],
      ['cmi.student_preference.audio', '50'], ['cmi.student_preference.language', 'fr'], ['cmi.student_preference.speed', '10'], ['cmi.student_preference.text', '1'],
      ['cmi.interactions.0.id', 'q1'], ['cmi.interactions.0.type', 'choice'], ['cmi.interactions.0.student_response', 'a'],
      ['cmi.interactions.0.correct_responses.0.pattern', 'a'], ['cmi.interactions.0.result', 'correct'], ['cmi.interactions.0.weighting', '1'],
      ['cmi.interactions.0.latency', '0000:00:05'], ['cmi.interactions.0.time', '10:00:00'], ['cmi.interactions.0.objectives.0.id', 'obj1'],
      ['cmi.objectives.0.id', 'obj1'], ['cmi.objectives.0.score.raw', '100'], ['cmi.objectives.0.status', 'passed'],
      ['cmi.comments', 'nice course']
    ];
    sets.forEach(function (s) { call('set', s[0], s[1]); });
    // Read-only and write-only elements must be refused with their error codes, not silently stored.
    call('set', v2004 ? 'cmi.learner_id' : 'cmi.core.student_id', 'someone-else');
    call('get', v2004 ? 'cmi.session_time' : 'cmi.core.session_time');
    call('commit');
  };
  window.__probeEscape = function () {
    var results = {};
    var attempt = function (name, fn) { try { var r = fn(); results[name] = r === undefined || r === null ? 'none' : 'reached'; } catch (e) { results[name] = 'blocked'; } };
    attempt('top.document', function () { return window.top.document.body; });
    attempt('top.outpost', function () { return window.top.outpost; });
    attempt('top.bridge', function () { return window.top.__OUTPOST_BRIDGE__ || window.top.outpostBridge; });
    attempt('opener', function () { return window.open('https://example.org/'); });
    var done = function () { document.getElementById('log').textContent = JSON.stringify(results); document.getElementById('ready').textContent = 'probed'; };
    var app = params.get('app') || '';
    fetch('https://example.org/').then(function () { results.network = 'reached'; }, function () { results.network = 'blocked'; })
      .then(function () { return app ? fetch(app).then(function () { results.app = 'reached'; }, function () { results.app = 'blocked'; }) : null; })
      .then(function () {
        try { var ws = new WebSocket('ws://127.0.0.1:1/ipc'); results.socket = 'created'; ws.close(); } catch (e) { results.socket = 'blocked'; }
        done();
      });
  };
})();
`;
