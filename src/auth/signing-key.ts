import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The HS256 secret: from configuration when given; otherwise generated once
 * and kept (mode 0600) in the data directory, so tokens survive restarts.
 */
export function resolveSigningSecret(configured: string | undefined, dataDir: string): string {
  if (configured) {
    if (configured.length < 32) {
      throw new Error('ZHIFA_JWT_SECRET must be at least 32 characters');
    }
    return configured;
  }
  return keptSecret(dataDir, 'jwt-secret', 48);
}

/**
 * A random secret of `bytes` bytes (base64url) kept in `dataDir/fileName`: read when the file
 * exists, otherwise generated once and written readable by the owner only (mode 0600).
 */
export function keptSecret(dataDir: string, fileName: string, bytes: number): string {
  const file = join(dataDir, fileName);
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(bytes).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
