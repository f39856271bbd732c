import { hash, verify } from '@node-rs/argon2'

// argon2id (the library's default algorithm) with the OWASP-recommended minimum:
// 19 MiB of memory, 2 iterations, 1 lane.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// A real hash to verify against when the email is unknown, so the response takes as long
// whether or not the account exists.
let decoyHash: Promise<string> | undefined
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('not-a-real-password-decoy')
  return decoyHash
}
