import { describe, expect, it } from 'vitest';
import { isInstructorCall } from '../../../renderer/src/local-server/authenticate-instructor';
import { switchableGuard } from '../../support/instructor-guards';

const call = (authorization?: string) => new Request('http://outpost.local/api/x', authorization ? { headers: { authorization } } : {});

describe('instructor calls to the local API', () => {
  it('counts only a call that claims the role while main says an instructor is signed in', async () => {
    const guard = switchableGuard(true);
    expect(await isInstructorCall(call('Instructor'), guard)).toBe(true);
    expect(await isInstructorCall(call(), guard)).toBe(false);
    expect(await isInstructorCall(call('Bearer abc'), guard)).toBe(false);
    expect(await isInstructorCall(call('Instructor'), undefined)).toBe(false);
    guard.signedIn = false;
    expect(await isInstructorCall(call('Instructor'), guard)).toBe(false);
  });
});
