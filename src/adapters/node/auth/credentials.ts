/**
 * Agents' sign-in credentials, kept by the server apart from the `Agent` model (the domain never
 * sees a password): `dataDir/credentials.json`, email (lower case) → agent id + scrypt hash.
 * Only hashes are written, atomically (temp file + rename), with mode 0600.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Id } from '../../../model/index.js';
import { hashPassword, verifyPassword } from './passwords.js';

export interface CredentialRecord {
  agentId: Id;
  hash: string;
}

interface CredentialFile {
  version: 1;
  agents: Record<string, CredentialRecord>;
}

export class Credentials {
  private constructor(
    /** Whether this start created the file with the seed agents (the demo logins apply). */
    readonly seeded: boolean,
    private readonly file: string,
    private readonly data: CredentialFile,
    /** Checked against when the email is unknown, so both failures take as long. */
    private readonly decoy: string,
  ) {}

  /**
   * Reads the file; when it does not exist yet, creates it with `seed` agents sharing
   * `seedPassword` (the demo's logins). A file that exists but cannot be read stops the start.
   */
  static async open(
    file: string,
    seed: ReadonlyArray<{ email: string; agentId: Id }>,
    seedPassword: string,
  ): Promise<Credentials> {
    const decoy = await hashPassword(randomBytes(12).toString('hex'));
    let data: CredentialFile;
    let seeded = false;
    try {
      data = parse(await readFile(file, 'utf8'), file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      data = { version: 1, agents: {} };
      for (const { email, agentId } of seed)
        data.agents[email.toLowerCase()] = { agentId, hash: await hashPassword(seedPassword) };
      await save(file, data);
      seeded = true;
    }
    return new Credentials(seeded, file, data, decoy);
  }

  /** The agent id for a correct email + password, else `null` (never which one was wrong). */
  async verify(email: string, password: string): Promise<Id | null> {
    const record = Object.hasOwn(this.data.agents, email.trim().toLowerCase())
      ? this.data.agents[email.trim().toLowerCase()]
      : undefined;
    const ok = await verifyPassword(password, record?.hash ?? this.decoy);
    return ok && record ? record.agentId : null;
  }

  /** Sets (or replaces) an agent's password. */
  async set(email: string, agentId: Id, password: string): Promise<void> {
    this.data.agents[email.trim().toLowerCase()] = { agentId, hash: await hashPassword(password) };
    await save(this.file, this.data);
  }
}

function parse(text: string, file: string): CredentialFile {
  const data = JSON.parse(text) as Partial<CredentialFile>;
  if (data?.version !== 1 || typeof data.agents !== 'object' || data.agents === null)
    throw new Error(`${file} is not a credentials file (version 1).`);
  return data as CredentialFile;
}

async function save(file: string, data: CredentialFile): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
  await rename(temp, file);
}
