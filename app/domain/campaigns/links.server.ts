import crypto from 'node:crypto'
import { hashToken } from '~/domain/identity/tokens.server'
import { env } from '~/utils/env.server'
import { sign, signaturesMatch, signingKey } from '~/utils/signing.server'

export const INVITATION_TTL_DAYS = 14

/**
 * An invitation link's token is `<invitation id>.<HMAC(id.nonce)>`. Only its SHA-256 is
 * stored; the worker that renders the email re-derives it from the id, the stored nonce and
 * the server's key, so a copy of the database alone cannot produce a working link.
 */
export function invitationToken(key: Buffer, invitationId: string, nonce: string): string {
  return `${invitationId}.${sign(key, 'invite', `${invitationId}.${nonce}`)}`
}

export type NewInvitationSecret = { id: string; nonce: string; tokenHash: string }

export function newInvitationSecret(key: Buffer): NewInvitationSecret {
  const id = crypto.randomUUID()
  const nonce = crypto.randomBytes(16).toString('base64url')
  return { id, nonce, tokenHash: hashToken(invitationToken(key, id, nonce)) }
}

export function invitationUrl(token: string): string {
  return new URL(`/invite/${encodeURIComponent(token)}`, env().APP_URL).toString()
}

/** Unsubscribe links carry the address and its signature: no lookup table, no expiry. */
export async function unsubscribeUrl(email: string): Promise<string> {
  const key = await signingKey()
  const e = Buffer.from(email, 'utf8').toString('base64url')
  const url = new URL('/unsubscribe', env().APP_URL)
  url.searchParams.set('e', e)
  url.searchParams.set('s', sign(key, 'unsubscribe', email))
  return url.toString()
}

/** The address an unsubscribe link was made for, or null when it was altered. */
export async function verifyUnsubscribe(
  e: string | null,
  s: string | null,
): Promise<string | null> {
  if (!e || !s || e.length > 400 || s.length > 100) return null
  const email = Buffer.from(e, 'base64url').toString('utf8')
  const key = await signingKey()
  return signaturesMatch(sign(key, 'unsubscribe', email), s) ? email : null
}
