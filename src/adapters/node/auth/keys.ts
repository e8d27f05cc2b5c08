/**
 * The server's secret and the keys derived from it. One key per use (agent tokens, device tokens,
 * file URLs), so a value signed for one purpose never verifies for another even if its payload
 * happened to parse.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ServerKeys {
  agentToken: Buffer;
  deviceToken: Buffer;
  fileUrl: Buffer;
}

/**
 * The configured secret, else the one kept in `dataDir/secret`, else a new random one written
 * there (mode 0600, created exclusively so two starting servers cannot pick different secrets).
 */
export async function resolveSecret(dataDir: string, configured?: string): Promise<string> {
  if (configured) return configured;
  const file = join(dataDir, 'secret');
  const existing = await readSecret(file);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    await writeFile(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const raced = await readSecret(file);
    if (!raced) throw new Error(`${file} exists but is empty.`);
    return raced;
  }
}

async function readSecret(file: string): Promise<string | undefined> {
  try {
    const text = (await readFile(file, 'utf8')).trim();
    return text || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function deriveKeys(secret: string): ServerKeys {
  const derive = (purpose: string) => createHmac('sha256', secret).update(purpose).digest();
  return {
    agentToken: derive('atento/agent-token/v1'),
    deviceToken: derive('atento/device-token/v1'),
    fileUrl: derive('atento/file-url/v1'),
  };
}
