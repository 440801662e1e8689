/** Fresh secret values. */
import { randomBytes } from 'node:crypto';

/** A Fernet key as Airflow's cryptography expects: 32 random bytes, URL-safe base64 with padding. */
export function fernetKey(): string {
  return randomBytes(32).toString('base64url') + '=';
}

/** A random token for JWT signing and the API secret key: 48 bytes, URL-safe base64. */
export function randomToken(): string {
  return randomBytes(48).toString('base64url');
}

/** Whether a value given through the environment is a usable Fernet key. */
export function isFernetKey(value: string): boolean {
  if (!/^[A-Za-z0-9_-]{43}=$/.test(value)) return false;
  return Buffer.from(value, 'base64url').length === 32;
}
