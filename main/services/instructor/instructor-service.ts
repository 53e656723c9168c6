import { IpcFailure } from '../../../shared/ipc/result';
import { INSTRUCTOR_SECRET_MIN_LENGTH } from '../../../shared/ipc/instructor-contract';
import type { InstructorStatus } from '../../../shared/ipc/instructor-contract';
import type { JsonFileStore } from '../json-file-store';
import { NO_CREDENTIAL, credentialFile } from './credential-file';
import type { Credential } from './credential-file';
import { InstructorSessions } from './instructor-sessions';
import { attemptsLeft, lockMsAfter } from './lockout';
import { DEFAULT_KDF, hashSecret, verifySecret } from './secret-hash';
import type { KdfParams, SecretHash } from './secret-hash';

export interface InstructorServiceOptions {
  readonly path: string;
  readonly now: () => Date;
  readonly idleMs?: number;
  readonly kdf?: KdfParams;
  /** Tests observe what is on disk when the slow check starts. */
  readonly verify?: (secret: string, hash: SecretHash) => Promise<boolean>;
}

/** The instructor role in main: one passphrase per kiosk, lockout, and sessions per caller. */
export class InstructorService {
  readonly sessions: InstructorSessions;
  readonly #file: JsonFileStore<Credential>;
  #state: Credential = NO_CREDENTIAL;
  #loading: Promise<void> | null = null;
  #settingUp = false;

  constructor(private readonly options: InstructorServiceOptions) {
    this.#file = credentialFile(options.path);
    this.sessions = new InstructorSessions(options.now, options.idleMs);
  }

  async status(senderId: string): Promise<InstructorStatus> {
    await this.#load();
    const state = this.#state;
    const locked = state.locked_until !== null && Date.parse(state.locked_until) > this.options.now().getTime();
    return {
      configured: state.hash !== null,
      signed_in: this.sessions.active(senderId),
      locked_until: locked ? state.locked_until : null,
      idle_expires_at: this.sessions.expiresAt(senderId)?.toISOString() ?? null,
    };
  }

  async setup(senderId: string, secret: string): Promise<InstructorStatus> {
    await this.#load();
    const state = this.#state;
    // The flag closes the window while the first setup is still hashing.
    if (state.hash !== null || this.#settingUp) throw new IpcFailure('ALREADY_CONFIGURED', 'An instructor passphrase is already set');
    checkStrength(secret);
    this.#settingUp = true;
    try {
      await this.#save({ hash: await hashSecret(secret, this.options.kdf ?? DEFAULT_KDF), failures: 0, locked_until: null });
    } finally {
      this.#settingUp = false;
    }
    this.sessions.start(senderId);
    return this.status(senderId);
  }

  async signIn(senderId: string, secret: string): Promise<InstructorStatus> {
    await this.#check(secret);
    this.sessions.start(senderId);
    return this.status(senderId);
  }

  signOut(senderId: string): Promise<InstructorStatus> {
    this.sessions.end(senderId);
    return this.status(senderId);
  }

  /** Needs the current passphrase too (same lockout), so an unattended session cannot take the role over. */
  async changeSecret(senderId: string, current: string, next: string): Promise<InstructorStatus> {
    checkStrength(next);
    await this.#check(current);
    await this.#save({ hash: await hashSecret(next, this.options.kdf ?? DEFAULT_KDF), failures: 0, locked_until: null });
    this.sessions.endAllExcept(senderId);
    this.sessions.start(senderId);
    return this.status(senderId);
  }

  /** Counts the attempt on disk first, then runs the slow check, so parallel guesses cannot slip past. */
  async #check(secret: string): Promise<void> {
    await this.#load();
    // Read synchronously with the increment below, so no parallel attempt sees the same count.
    const state = this.#state;
    if (state.hash === null) throw new IpcFailure('NOT_CONFIGURED', 'No instructor passphrase is set yet');
    const now = this.options.now().getTime();
    if (state.locked_until !== null && Date.parse(state.locked_until) > now) {
      throw new IpcFailure('LOCKED', 'Too many wrong passphrases; try again later', { locked_until: state.locked_until });
    }
    const failures = state.failures + 1;
    const lockMs = lockMsAfter(failures);
    const lockedUntil = lockMs === null ? null : new Date(now + lockMs).toISOString();
    await this.#save({ hash: state.hash, failures, locked_until: lockedUntil });
    if (await (this.options.verify ?? verifySecret)(secret, state.hash)) {
      await this.#save({ ...this.#state, failures: 0, locked_until: null });
      return;
    }
    if (lockedUntil !== null) throw new IpcFailure('LOCKED', 'Too many wrong passphrases; try again later', { locked_until: lockedUntil });
    throw new IpcFailure('WRONG_SECRET', 'The passphrase is not right', { attempts_left: attemptsLeft(failures) });
  }

  /** Reads the file once; afterwards memory is the truth and every change is written through. */
  async #load(): Promise<void> {
    this.#loading ??= this.#file.read().then((state) => {
      this.#state = state;
    });
    try {
      await this.#loading;
    } catch {
      this.#loading = null;
      throw new IpcFailure('UNAVAILABLE', 'The instructor credential file is damaged; see docs/security.md to reset it');
    }
  }

  async #save(next: Credential): Promise<void> {
    this.#state = next;
    await this.#file.write(next);
  }
}

function checkStrength(secret: string): void {
  if ([...secret].length < INSTRUCTOR_SECRET_MIN_LENGTH) {
    throw new IpcFailure('WEAK_SECRET', `The passphrase needs at least ${INSTRUCTOR_SECRET_MIN_LENGTH} characters`, { min_length: INSTRUCTOR_SECRET_MIN_LENGTH });
  }
}
