import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from './hash-chain.js';

/**
 * The Ed25519 key that signs audit checkpoints. From ZHIFA_CHECKPOINT_PRIVATE_KEY
 * (PKCS#8 PEM) when given; otherwise generated once and kept (mode 0600) in the
 * data directory, like the JWT secret. The public key is published at
 * GET /audit/checkpoint-key.pem; keyId is the SHA-256 of its DER (SPKI) form.
 */
export interface CheckpointSigner {
  keyId: string;
  publicKeyPem: string;
  sign(statement: string): string;
}

export const CHECKPOINT_KEY_FILE = 'checkpoint-ed25519.pem';

export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }));
}

export function signerFromPrivateKey(privateKeyPem: string): CheckpointSigner {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('the checkpoint signing key must be an Ed25519 private key');
  }
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (statement) => sign(null, Buffer.from(statement), privateKey).toString('base64'),
  };
}

export function resolveCheckpointSigner(
  configured: string | undefined,
  dataDir: string,
): CheckpointSigner {
  if (configured) {
    return signerFromPrivateKey(configured.replace(/\\n/g, '\n'));
  }
  const file = join(dataDir, CHECKPOINT_KEY_FILE);
  if (existsSync(file)) {
    return signerFromPrivateKey(readFileSync(file, 'utf8'));
  }
  mkdirSync(dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(file, pem, { mode: 0o600 });
  return signerFromPrivateKey(pem);
}

/** What anyone holding the published key runs: the signature over the statement. */
export function verifyCheckpointSignature(
  statement: string,
  signatureBase64: string,
  publicKeyPem: string,
): boolean {
  return verify(
    null,
    Buffer.from(statement),
    createPublicKey(publicKeyPem),
    Buffer.from(signatureBase64, 'base64'),
  );
}
