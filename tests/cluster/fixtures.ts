import crypto from 'node:crypto'
import { createBuyer, createProduct, putInCart } from '#tests/fixtures/factories'
import { cnpjFromBase } from '~/domain/accounts/cnpj'
import { accountSearchText } from '~/domain/accounts/search'
import { createSessionCookie } from '~/utils/auth.server'
import { chunks } from '~/utils/chunks'
import { prisma } from '~/utils/db.server'
import { Browser } from './client'

/**
 * Data the scenarios need, written straight to the database as the e2e fixtures do; the
 * people then act through the web instances. Imported only once DATABASE_URL names the
 * cluster's database (app modules open their connection when they are loaded).
 */

/** A browser already logged in as this user: a session created in the database, as a cookie. */
export async function loggedIn(userId: string): Promise<Browser> {
  const cookie = await createSessionCookie(userId)
  const [pair = ''] = cookie.split(';')
  const separator = pair.indexOf('=')
  return new Browser({ [pair.slice(0, separator)]: pair.slice(separator + 1) })
}

export type Buyer = { accountId: string; userId: string; email: string; browser: Browser }

/** Buyer accounts (payment term "28", no minimum) whose carts hold `quantity` of the product. */
export async function buyersWithCarts(
  count: number,
  item: { productId: string; quantity: number },
): Promise<Buyer[]> {
  const buyers: Buyer[] = []
  for (const part of chunks(
    Array.from({ length: count }, (_, i) => i),
    10,
  )) {
    buyers.push(
      ...(await Promise.all(
        part.map(async () => {
          const { account, user } = await createBuyer({ terms: ['28'] })
          await putInCart(account.id, [item])
          return {
            accountId: account.id,
            userId: user.id,
            email: user.email,
            browser: await loggedIn(user.id),
          }
        }),
      )),
    )
  }
  return buyers
}

/** A product of its own family, so that none of the demo's offers touches its carts. */
export function standaloneProduct(listPriceCents: number) {
  return createProduct({ listPriceCents })
}

/**
 * Accounts that an invitation campaign can reach (an email, no bounce, no opt-out), grouped
 * by `segment` so a campaign can target exactly them. Returns their emails.
 */
export async function reachableAccounts(count: number, segment: string): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => {
    const base = String(crypto.randomInt(10 ** 11, 10 ** 12 - 1)).padStart(12, '0')
    const tradeName = `Loja ${segment} ${i + 1}`
    const legalName = `${tradeName} Ltda`
    return {
      cnpj: cnpjFromBase(base),
      tradeName,
      legalName,
      searchText: accountSearchText({ tradeName, legalName }),
      city: 'Campinas',
      state: 'SP',
      segment,
      status: 'INACTIVE' as const,
      email: `loja-${i + 1}@${segment}.cluster.test`,
    }
  })
  for (const part of chunks(rows, 250)) await prisma.account.createMany({ data: part })
  return rows.map((row) => row.email)
}

export async function userIdOf(email: string): Promise<string> {
  return (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id
}
