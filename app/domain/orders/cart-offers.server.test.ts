import { assert } from 'vitest'
import { createBuyer, createOffer } from '#tests/fixtures/factories'
import { prisma } from '~/utils/db.server'
import { couponErrors } from './cart-forms.server'
import { getBuyerAccount } from './cart.server'
import { applyTypedCoupon } from './cart-offers.server'

const NOW = new Date('2026-11-23T12:00:00Z')

async function buyerAccount() {
  const { account } = await createBuyer({ terms: ['28'], status: 'ACTIVE' })
  return getBuyerAccount(account.id)
}

describe('coupon codes a buyer types', () => {
  it('answers one and the same refusal for an unknown, other-account, expired, future, paused or used-up code', async () => {
    const account = await buyerAccount()
    const other = await createBuyer({ terms: ['28'] })
    const codes = [
      'NAOEXISTE',
      (await createOffer({ audience: 'NAMED', namedAccountIds: [other.account.id] })).code!,
      (await createOffer({ audience: 'INACTIVE' })).code!,
      (await createOffer({ endsAt: new Date('2026-01-01T00:00:00Z') })).code!,
      (await createOffer({ startsAt: new Date('2027-01-01T00:00:00Z') })).code!,
      (await createOffer({ paused: true })).code!,
      (await createOffer({ maxRedemptions: 3, redemptionCount: 3 })).code!,
    ]
    const answers = []
    for (const code of codes) {
      const result = await applyTypedCoupon(account, code, NOW)
      assert(!result.ok, `${code} is refused`)
      answers.push({ refusal: result.refusal, errors: couponErrors({ ...result, code: 'X' }) })
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1)
    expect(answers[0]!.refusal).toEqual({ code: 'NOT_VALID' })
    expect(await prisma.cartOffer.count({ where: { cart: { accountId: account.id } } })).toBe(0)
  })

  it('stops an account after 10 wrong codes in 10 minutes, and says how long to wait', async () => {
    const account = await buyerAccount()
    const valid = await createOffer()
    for (let i = 0; i < 10; i++)
      expect(await applyTypedCoupon(account, `CHUTE${i}`, NOW)).toMatchObject({
        ok: false,
        refusal: { code: 'NOT_VALID' },
      })
    const refused = await applyTypedCoupon(account, valid.code!, NOW)
    assert(!refused.ok && refused.refusal.code === 'TOO_MANY_ATTEMPTS', 'the 11th is refused')
    expect(refused.refusal.retryAfterSeconds).toBeGreaterThan(0)
    expect(refused.refusal.retryAfterSeconds).toBeLessThanOrEqual(10 * 60)
    expect(couponErrors(refused)).toEqual({
      code: [
        expect.stringMatching(
          /^offerRefusal\.TOO_MANY_ATTEMPTS \{"count":(10|9|8|7|6|5|4|3|2|1)\}$/,
        ),
      ],
    })
    expect(await prisma.cartOffer.count({ where: { cart: { accountId: account.id } } })).toBe(0)

    // Another account is not held back.
    const neighbour = await buyerAccount()
    expect(await applyTypedCoupon(neighbour, valid.code!, NOW)).toMatchObject({ ok: true })
  })

  it('does not count codes that apply, or one already in the cart', async () => {
    const account = await buyerAccount()
    for (let i = 0; i < 12; i++) {
      const offer = await createOffer()
      expect(await applyTypedCoupon(account, offer.code!, NOW)).toMatchObject({ ok: true })
      expect(await applyTypedCoupon(account, offer.code!, NOW)).toMatchObject({
        ok: false,
        refusal: { code: 'ALREADY_APPLIED' },
      })
    }
    for (let i = 0; i < 10; i++)
      expect(await applyTypedCoupon(account, `CHUTE${i}`, NOW)).toMatchObject({
        refusal: { code: 'NOT_VALID' },
      })
  })

  it('lets at most 10 of a burst of parallel guesses reach the codes', async () => {
    const account = await buyerAccount()
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => applyTypedCoupon(account, `RAJADA${i}`, NOW)),
    )
    const reached = results.filter((r) => !r.ok && r.refusal.code === 'NOT_VALID')
    expect(reached).toHaveLength(10)
  })
})
