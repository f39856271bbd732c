import { expect, test } from './fixtures'
import { expectNo500s, HOSTILE_TAG } from './hostile'
import { orderIds } from './helpers'

// The back office's forms include portfolio-wide settings (thresholds, bonus, payment methods):
// a hostile value that happens to be valid is saved like any other, so this runs with the
// shared-state specs. Offers, campaigns and accounts are the test's own.
test(
  'the back office: hostile values in every URL parameter and form field never get a 500',
  HOSTILE_TAG,
  async ({ browser, world }) => {
    test.setTimeout(10 * 60_000)
    const buyer = await world.buyer({ twinOf: 'acc_00001' })
    // A second buyer, so the account page shows the buyers' row actions too.
    await world.buyer({ accountId: buyer.accountId })
    const rep = await world.rep()
    const offer = await world.call('offer')
    const campaign = await world.call('campaign')
    const paid = await world.call('paidStripeOrder', { accountId: buyer.accountId })
    const buyerPage = await world.pageAs(browser, buyer)
    const [imported] = await orderIds(buyerPage)
    await buyerPage.context().close()

    const page = await world.pageAs(browser, await world.manager())
    await expectNo500s(page, [
      '/admin',
      '/admin/accounts',
      `/admin/accounts/${buyer.accountId}`,
      '/admin/accounts.csv',
      '/admin/dashboard.csv',
      '/admin/imports',
      '/admin/imports/codes',
      '/admin/imports/template/PRODUCTS.csv',
      '/admin/imports/template/PRICE_LISTS.csv',
      '/admin/imports/template/NONE.csv',
      '/admin/offers',
      '/admin/offers/new',
      `/admin/offers/${offer.id}`,
      '/admin/campaigns',
      '/admin/campaigns/new',
      `/admin/campaigns/${campaign.id}`,
      '/admin/campaigns/funnel.csv',
      '/admin/commission',
      `/admin/commission/${rep.repId}`,
      '/admin/goals',
      '/admin/goals.csv',
      '/admin/contests',
      '/admin/contests/new',
      '/admin/contests/no-such-contest',
      '/admin/calls',
      '/admin/stop-reasons.csv',
      `/admin/orders/${imported}`,
      `/admin/orders/${paid.orderId}`,
      '/admin/settings',
      '/admin/audit',
      '/dev/mailbox',
    ])
    expect(page.url()).not.toContain('/auth/login')
  },
)
