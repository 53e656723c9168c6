import { describe, expect, it } from 'vitest';
import { headsetNames, nameHeadset } from '../../../renderer/src/data/headset-names';
import { InstructorRequiredError } from '../../../renderer/src/data/instructor-guard';
import { openTestDb } from '../../support/fake-db';
import { instructorSignedIn, nobodySignedIn } from '../../support/instructor-guards';

const now = new Date('2026-03-02T08:00:00.000Z');

describe('headset names', () => {
  it('keeps a name by serial, refuses a name another headset has or one too long, and clears on blank', async () => {
    const db = openTestDb();
    const ports = { db, now: () => now, newId: () => crypto.randomUUID() };
    const guard = instructorSignedIn();
    expect(await nameHeadset(ports, guard, '1WMHH000A', '  Cart  A 01 ')).toBe('named');
    expect(await nameHeadset(ports, guard, '1WMHH000B', 'cart a 01')).toBe('taken');
    expect(await nameHeadset(ports, guard, '1WMHH000B', 'x'.repeat(41))).toBe('tooLong');
    expect(await nameHeadset(ports, guard, '1WMHH000A', 'Cart A 01')).toBe('named');
    expect(await headsetNames(db)).toEqual(new Map([['1WMHH000A', 'Cart A 01']]));
    expect(await nameHeadset(ports, guard, '1WMHH000A', '   ')).toBe('cleared');
    expect((await headsetNames(db)).size).toBe(0);
    await expect(nameHeadset(ports, nobodySignedIn(), '1WMHH000A', 'Cart')).rejects.toBeInstanceOf(InstructorRequiredError);
    expect((await headsetNames(db)).size).toBe(0);
  });
});
