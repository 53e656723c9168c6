import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InstructorService } from '../../../../main/services/instructor/instructor-service';
import type { InstructorServiceOptions } from '../../../../main/services/instructor/instructor-service';
import { verifySecret } from '../../../../main/services/instructor/secret-hash';

// Cheap scrypt so the suite stays fast; the cost factor itself is covered in secret-hash.test.ts.
const kdf = { N: 1024, r: 8, p: 1, keylen: 32 };
const SECRET = 'correct horse';
let dir: string;
let clock: number;
const now = () => new Date(clock);

function service(extra: Partial<InstructorServiceOptions> = {}) {
  return new InstructorService({ path: join(dir, 'instructor.json'), now, kdf, ...extra });
}

async function onDisk(): Promise<{ failures: number; locked_until: string | null; hash: unknown }> {
  return JSON.parse(await readFile(join(dir, 'instructor.json'), 'utf8'));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outpost-instructor-'));
  clock = Date.parse('2026-03-01T09:00:00.000Z');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('InstructorService setup', () => {
  it('starts unconfigured, and setup signs in only the caller that set it', async () => {
    const s = service();
    expect(await s.status('w1')).toEqual({ configured: false, signed_in: false, locked_until: null, idle_expires_at: null });
    expect(await s.setup('w1', SECRET)).toEqual({ configured: true, signed_in: true, locked_until: null, idle_expires_at: '2026-03-01T09:15:00.000Z' });
    expect((await s.status('w2')).signed_in).toBe(false);
  });

  it('stores a salted scrypt hash in a 0600 file, never the passphrase', async () => {
    await service().setup('w1', SECRET);
    const text = await readFile(join(dir, 'instructor.json'), 'utf8');
    expect(text).not.toContain(SECRET);
    expect((await stat(join(dir, 'instructor.json'))).mode & 0o777).toBe(0o600);
    const { hash } = await onDisk();
    expect(hash).toMatchObject({ kdf: 'scrypt', N: 1024 });
    expect(await verifySecret(SECRET, hash as never)).toBe(true);
  });

  it('refuses a second setup, also one racing the first, and a short passphrase', async () => {
    const s = service();
    await expect(s.setup('w1', 'short')).rejects.toMatchObject({ code: 'WEAK_SECRET', details: { min_length: 8 } });
    const [first, second] = await Promise.allSettled([s.setup('w1', SECRET), s.setup('w2', 'another secret')]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: { code: 'ALREADY_CONFIGURED' } });
    await expect(service().setup('w3', 'third secret')).rejects.toMatchObject({ code: 'ALREADY_CONFIGURED' });
  });

  it('fails closed on a damaged credential file instead of offering setup again', async () => {
    await writeFile(join(dir, 'instructor.json'), '{"hash": 42}');
    await expect(service().status('w1')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(service().setup('w1', SECRET)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('InstructorService sign-in and lockout', () => {
  it('counts wrong passphrases, then locks with escalating times', async () => {
    await service().setup('w1', SECRET);
    const s = service();
    for (const left of [4, 3, 2, 1]) await expect(s.signIn('w2', 'wrong wrong')).rejects.toMatchObject({ code: 'WRONG_SECRET', details: { attempts_left: left } });
    await expect(s.signIn('w2', 'wrong wrong')).rejects.toMatchObject({ code: 'LOCKED', details: { locked_until: '2026-03-01T09:00:30.000Z' } });
    // Locked means locked, even for the right passphrase.
    await expect(s.signIn('w2', SECRET)).rejects.toMatchObject({ code: 'LOCKED' });
    expect((await s.status('w2')).locked_until).toBe('2026-03-01T09:00:30.000Z');
    clock += 30_000;
    await expect(s.signIn('w2', 'wrong wrong')).rejects.toMatchObject({ code: 'LOCKED', details: { locked_until: '2026-03-01T09:01:30.000Z' } });
    clock += 60_000;
    expect((await s.signIn('w2', SECRET)).signed_in).toBe(true);
    expect(await onDisk()).toMatchObject({ failures: 0, locked_until: null });
  });

  it('keeps the count across restarts', async () => {
    await service().setup('w1', SECRET);
    for (let i = 0; i < 5; i += 1) await service().signIn('w2', 'nope nope').catch(() => undefined);
    await expect(service().signIn('w2', SECRET)).rejects.toMatchObject({ code: 'LOCKED' });
  });

  it('writes the attempt to disk before the slow check', async () => {
    await service().setup('w1', SECRET);
    const seen: number[] = [];
    const s = service({ verify: async () => ((seen.push((await onDisk()).failures)), false) });
    await s.signIn('w2', 'guess one').catch(() => undefined);
    await s.signIn('w2', 'guess two').catch(() => undefined);
    expect(seen).toEqual([1, 2]);
  });

  it('counts every one of many parallel wrong attempts', async () => {
    await service().setup('w1', SECRET);
    const s = service();
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => s.signIn(`w${i}`, `wrong guess ${i}`)));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'OK'));
    expect(codes.filter((c) => c === 'WRONG_SECRET')).toHaveLength(4);
    expect(codes.filter((c) => c === 'LOCKED')).toHaveLength(4);
    expect((await onDisk()).failures).toBeGreaterThanOrEqual(5);
  });

  it('answers NOT_CONFIGURED before any passphrase exists', async () => {
    await expect(service().signIn('w1', SECRET)).rejects.toMatchObject({ code: 'NOT_CONFIGURED' });
  });
});

describe('InstructorService sessions', () => {
  it('expires after the idle time, is extended by activity, and ends on sign-out', async () => {
    const s = service({ idleMs: 60_000 });
    await s.setup('w1', SECRET);
    clock += 59_000;
    expect(s.sessions.touch('w1')).toBe(true);
    clock += 59_000;
    expect((await s.status('w1')).idle_expires_at).toBe(new Date(clock + 1000).toISOString());
    clock += 1000;
    expect((await s.status('w1')).signed_in).toBe(false);
    expect(s.sessions.touch('w1')).toBe(false);
    await s.signIn('w1', SECRET);
    expect((await s.signOut('w1')).signed_in).toBe(false);
  });

  it('changes the passphrase only with the current one, ending other sessions', async () => {
    const s = service();
    await s.setup('w1', SECRET);
    await s.signIn('w2', SECRET);
    await expect(s.changeSecret('w1', 'not the one', 'brand new secret')).rejects.toMatchObject({ code: 'WRONG_SECRET' });
    await expect(s.changeSecret('w1', SECRET, 'tiny')).rejects.toMatchObject({ code: 'WEAK_SECRET' });
    expect((await s.changeSecret('w1', SECRET, 'brand new secret')).signed_in).toBe(true);
    expect((await s.status('w2')).signed_in).toBe(false);
    await expect(s.signIn('w2', SECRET)).rejects.toMatchObject({ code: 'WRONG_SECRET' });
    expect((await service().signIn('w2', 'brand new secret')).signed_in).toBe(true);
  });
});
