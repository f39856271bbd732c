import { prisma } from '~/utils/db.server'
import { audit } from '~/domain/audit/audit.server'
import { parseStripeMethods, STRIPE_METHODS, type StripeMethod } from './payment-state'
import { stripeConfig } from './stripe.server'

export async function getPaymentSettings() {
  const settings = await prisma.appSettings.findUnique({
    where: { id: 1 },
    select: { stripePaymentMethods: true },
  })
  const config = stripeConfig()
  return {
    stripeConfigured: config !== null,
    webhookConfigured: Boolean(config?.webhookSecret),
    methods: parseStripeMethods(settings?.stripePaymentMethods ?? 'card'),
  }
}

/** The methods offered at Stripe Checkout (those the Stripe account has enabled show). Audited. */
export async function updatePaymentMethods(actorId: string, methods: StripeMethod[]) {
  const value = STRIPE_METHODS.filter((method) => methods.includes(method)).join(',')
  await prisma.$transaction(async (tx) => {
    const before = await tx.appSettings.findUnique({
      where: { id: 1 },
      select: { stripePaymentMethods: true },
    })
    await tx.appSettings.upsert({
      where: { id: 1 },
      create: { id: 1, stripePaymentMethods: value },
      update: { stripePaymentMethods: value },
    })
    await audit(tx, {
      actorId,
      action: 'settings.payment_methods',
      entity: 'AppSettings',
      entityId: '1',
      changes: { stripePaymentMethods: [before?.stripePaymentMethods ?? 'card', value] },
    })
  })
}
