import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../../main/services/scorm/import-limits';
import { parseManifest } from '../../../main/services/scorm/manifest-parser';
import { ScormImportError } from '../../../main/services/scorm/import-error';
import { launchCmi } from '../../../shared/scorm/launch-cmi';
import { SHARED_DATA_PREFIX, sharedDataStores, sharedDataWrites } from '../../../shared/scorm/sco-keys';
import { ShellRuntime } from '../../../renderer/src/scorm/player-shell/shell-runtime';
import { manifest2004 } from '../../support/scorm-sequencing-packages';

beforeAll(() => void vi.spyOn(console, 'debug').mockImplementation(() => undefined));

const item = (id: string, maps: string) => `<item identifier="${id}" identifierref="r"><title>${id}</title><adlcp:data>${maps}</adlcp:data></item>`;
const map = (target: string, extra = '') => `<adlcp:map targetID="${target}" ${extra}/>`;
const parse = (items: string) => parseManifest(manifest2004('outpost.test.shared', `<organization identifier="org"><title>Shared</title>${items}</organization>`), DEFAULT_IMPORT_LIMITS);

describe('SCORM 2004 4th edition shared data (adl.data)', () => {
  it('reads each item\'s maps with the CAM defaults (read yes, write no), once per target', () => {
    const parsed = parse(item('writer', map('notes', 'writeSharedData="true"') + map('notes') + map('glossary', 'readSharedData="false" writeSharedData="true"')) + item('reader', map('notes')));
    const [writer, reader] = parsed.organizations[0]?.items ?? [];
    expect(writer?.shared_data).toEqual([
      { target_id: 'notes', read: true, write: true },
      { target_id: 'glossary', read: false, write: true },
    ]);
    expect(reader?.shared_data).toEqual([{ target_id: 'notes', read: true, write: false }]);
    expect(() => parse(item('many', Array.from({ length: 65 }, (_, i) => map(`t${i}`)).join('')))).toThrow(ScormImportError);
  });

  it('the shell offers the item its stores as adl.data.n, enforces read and write, and commits what the SCO set', () => {
    const commits: Array<Record<string, string>> = [];
    const maps = [
      { target_id: 'notes', read: true, write: true },
      { target_id: 'answers', read: true, write: false },
      { target_id: 'blank', read: true, write: true },
    ];
    const runtime = new ShellRuntime('2004', 'writer', 's1', {}, (event) => void commits.push(event.commit.cmi), undefined, { maps, stores: { notes: 'from before', answers: '42' } });
    const api = runtime.api as unknown as { Initialize(s: string): string; GetValue(e: string): string; SetValue(e: string, v: string): string; Commit(s: string): string; GetLastError(): string };
    expect(api.Initialize('')).toBe('true');
    expect(api.GetValue('adl.data._count')).toBe('3');
    expect([api.GetValue('adl.data.0.id'), api.GetValue('adl.data.0.store'), api.GetValue('adl.data.1.store')]).toEqual(['notes', 'from before', '42']);
    // A store nobody set yet: "not initialized" (403), as the RTE book says.
    api.GetValue('adl.data.2.store');
    expect(api.GetLastError()).toBe('403');
    expect(api.SetValue('adl.data.1.store', 'nope')).toBe('false');
    expect(api.SetValue('adl.data.0.store', 'written here')).toBe('true');
    api.Commit('');
    const cmi = commits.at(-1) ?? {};
    // What the app then keeps: only the store the map lets this item write, and only if it changed.
    const session = { [`${SHARED_DATA_PREFIX}notes`]: 'from before', [`${SHARED_DATA_PREFIX}answers`]: '42' };
    expect(sharedDataWrites(maps, cmi, session)).toEqual({ notes: 'written here' });
    expect(sharedDataWrites(maps, { ...cmi, 'adl.data.1.store': 'forged' }, session)).toEqual({ notes: 'written here' });
    // The next item's view of the session's stores.
    expect(sharedDataStores([{ target_id: 'notes' }, { target_id: 'missing' }], { ...session, [`${SHARED_DATA_PREFIX}notes`]: 'written here' })).toEqual({ notes: 'written here' });
  });

  it('an item\'s stored adl.data view is never handed back as CMI: the app sends the stores with the init', () => {
    const launch = launchCmi('2004', { identifier: 'a', title: 'a', launch: 'a.html', scorm_type: 'sco', visible: true, children: [] }, { 'cmi.location': 'p2', 'adl.data.0.id': 'notes', 'adl.data.0.store': 'stale' }, { id: 'u', name: 'U' });
    expect(launch['cmi.location']).toBe('p2');
    expect(Object.keys(launch).filter((key) => key.startsWith('adl.data.'))).toEqual([]);
  });
});
