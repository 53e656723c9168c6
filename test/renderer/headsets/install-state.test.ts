import { describe, expect, it } from 'vitest';
import { installState } from '../../../renderer/src/headsets/install-state';

const headset = { model: 'Quest 3', installed: [{ package_name: 'org.example.safety', version_code: 5 }] };

describe('installState', () => {
  it('compares the headset’s versionCode with the library’s', () => {
    expect(installState(headset, { package_name: 'org.example.safety', version_code: 5 })).toEqual({ kind: 'upToDate' });
    expect(installState(headset, { package_name: 'org.example.safety', version_code: 7 })).toEqual({ kind: 'older', installed: 5, library: 7 });
    expect(installState(headset, { package_name: 'org.example.safety', version_code: 3 })).toEqual({ kind: 'newer', installed: 5, library: 3 });
    expect(installState(headset, { package_name: 'org.example.chem', version_code: 1, target_platforms: ['quest3'] })).toEqual({ kind: 'notInstalled' });
  });

  it('says up front when a missing app is not made for the model', () => {
    expect(installState({ ...headset, model: 'Quest 3S' }, { package_name: 'org.example.chem', version_code: 1, target_platforms: ['quest2', 'quest3'] })).toEqual({ kind: 'notForModel' });
    // An unknown model might be new hardware that runs it: no verdict.
    expect(installState({ ...headset, model: 'Quest 4' }, { package_name: 'org.example.chem', version_code: 1, target_platforms: ['quest3'] })).toEqual({ kind: 'notInstalled' });
  });

  it('cannot tell for a package added by hand', () => {
    expect(installState(headset, {})).toEqual({ kind: 'unknown' });
  });
});
