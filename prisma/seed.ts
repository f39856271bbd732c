/**
 * Seeds the database named by DATABASE_URL.
 *   tsx prisma/seed.ts             demo data (wipes the tables first)
 *   tsx prisma/seed.ts --if-empty  demo data only when there are no users yet (npm start)
 *   tsx prisma/seed.ts --large     the benchmark dataset of PRODUCT.md
 * The data is generated from a fixed random seed: every run gives the same demo.
 */
import crypto from 'node:crypto'
import { type Prisma } from '@prisma/client'
import sharp from 'sharp'
import { cnpjFromBase } from '../app/domain/accounts/cnpj'
import { syncAccounts } from '../app/domain/accounts/reclassify.server'
import { accountSearchText } from '../app/domain/accounts/search'
import { rebuildRevenueSummary } from '../app/domain/accounts/revenue-summary.server'
import { productSearchText } from '../app/domain/catalog/search-text'
import { CompanySchema } from '../app/domain/company/company-form'
import { updateCompany } from '../app/domain/company/company.server'
import { saveLogo } from '../app/domain/company/logo.server'
import { chunks } from '../app/utils/chunks'
import { prisma } from '../app/utils/db.server'
import { hashPassword } from '../app/utils/password.server'
import { syncIdSequence } from '../app/utils/sql.server'
import {
  FAMILIES,
  FIRST_NAMES,
  SEGMENTS,
  STATES,
  STORE_WORDS,
  SURNAMES,
  type ProductSeed,
  DEMO_COMPANY,
  DEMO_PASSWORD,
} from './seed-data'
import { seedDemoCalls, seedDemoContest, seedDemoGoals, seedDemoStory } from './demo-story'
import { rng, type Random } from './seed-random'

const DAY = 86_400_000

type Size = { accounts: number; products: number; reps: number; orderLines: number | null }
const DEMO: Size = { accounts: 300, products: 200, reps: 8, orderLines: null }
const LARGE: Size = { accounts: 20_000, products: 2_000, reps: 50, orderLines: 500_000 }

async function wipe() {
  // Children first, so foreign keys hold on both SQLite and PostgreSQL.
  await prisma.emailOptOut.deleteMany()
  await prisma.resendEvent.deleteMany()
  await prisma.stripeEvent.deleteMany()
  await prisma.commissionEntry.deleteMany()
  await prisma.payoutBatch.deleteMany()
  await prisma.repFamilyRate.deleteMany()
  await prisma.offerRedemption.deleteMany()
  await prisma.offerAccountUsage.deleteMany()
  await prisma.cartOffer.deleteMany()
  await prisma.offer.deleteMany()
  await prisma.priceTier.deleteMany()
  await prisma.orderLine.deleteMany()
  await prisma.order.deleteMany()
  // Orders and reactivations point at invitations, which go next.
  await prisma.reactivation.deleteMany()
  await prisma.outboxMessage.deleteMany()
  await prisma.invitation.deleteMany()
  await prisma.campaign.deleteMany()
  await prisma.cartItem.deleteMany()
  await prisma.cart.deleteMany()
  await prisma.session.deleteMany()
  await prisma.passwordResetToken.deleteMany()
  await prisma.auditLog.deleteMany()
  await prisma.accessRequest.deleteMany()
  await prisma.revenueSummary.deleteMany()
  await prisma.importBatch.deleteMany()
  await prisma.appSettings.deleteMany()
  await prisma.mailboxMessage.deleteMany()
  await prisma.user.deleteMany()
  await prisma.accountStatusChange.deleteMany()
  await prisma.repAssignment.deleteMany()
  await prisma.account.deleteMany()
  await prisma.priceListItem.deleteMany()
  await prisma.priceList.deleteMany()
  await prisma.product.deleteMany()
  await prisma.productFamily.deleteMany()
  // Uploads (import files, product photos, the logo): nothing points at them any more.
  await prisma.storedFile.deleteMany()
  await prisma.rep.deleteMany()
  await prisma.paymentTerm.deleteMany()
}

async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size))
}

type SeededProduct = {
  id: string
  sku: string
  name: string
  priceCents: number
  packSize: number
  active: boolean
}

async function seedCatalog(size: Size, random: Random): Promise<SeededProduct[]> {
  const leaves: { familyId: string; prefix: string; unit: string; products: ProductSeed[] }[] = []
  let order = 0
  for (const family of FAMILIES) {
    const parent = await prisma.productFamily.create({
      data: { slug: family.slug, name: family.name, sortOrder: order++ },
    })
    if (family.products)
      leaves.push({
        familyId: parent.id,
        prefix: family.prefix,
        unit: family.unit,
        products: family.products,
      })
    for (const child of family.children ?? []) {
      const node = await prisma.productFamily.create({
        data: { slug: child.slug, name: child.name, parentId: parent.id, sortOrder: order++ },
      })
      leaves.push({
        familyId: node.id,
        prefix: family.prefix,
        unit: family.unit,
        products: child.products,
      })
    }
  }

  // Base items from seed-data, each in a standard and a premium line; the large dataset adds
  // numbered references until it reaches its size.
  const rows: Prisma.ProductCreateManyInput[] = []
  const counters = new Map<string, number>()
  const push = (
    leaf: (typeof leaves)[number],
    name: string,
    priceCents: number,
    packSize: number,
  ) => {
    const n = (counters.get(leaf.prefix) ?? 0) + 1
    counters.set(leaf.prefix, n)
    const sku = `${leaf.prefix}-${String(n).padStart(4, '0')}`
    rows.push({
      id: `prod_${sku}`,
      sku,
      name,
      description: `${name}. Produto de linha da indústria, entrega em todo o Brasil.`,
      searchText: productSearchText({ sku, name }),
      familyId: leaf.familyId,
      unit: leaf.unit,
      packSize,
      listPriceCents: priceCents,
      stock: random.next() < 0.3 ? random.int(0, 500) : null,
    })
  }
  for (const leaf of leaves) {
    leaf.products.forEach(([name, price, pack, variants], index) => {
      for (const variant of variants) {
        const fullName = variant ? `${name} ${variant}` : name
        push(leaf, fullName, price, pack)
        if (index % 2 === 0) push(leaf, `${fullName} Premium`, Math.round(price * 1.35), pack)
      }
    })
  }
  let ref = 1
  while (rows.length < size.products) {
    const leaf = leaves[rows.length % leaves.length]!
    const [name, price, pack] = random.pick(leaf.products)
    push(
      leaf,
      `${name} Ref. ${String(ref++).padStart(4, '0')}`,
      Math.round(price * (0.8 + random.next() * 0.5)),
      pack,
    )
  }
  rows.length = Math.min(rows.length, size.products)
  // A few products left the line: reorders of old orders must report them.
  for (const row of rows) if (random.next() < 0.03) row.active = false
  // The demo needs known products in stock and in line.
  for (const row of rows)
    if (['CIM-0001', 'CIM-0003', 'HID-0001'].includes(row.sku)) row.active = true
  await inChunks(rows, 500, (chunk) => prisma.product.createMany({ data: chunk }))
  await seedProductPhotos(rows.filter((row) => row.sku.endsWith('-0001')))
  return rows.map((r) => ({
    id: r.id!,
    sku: r.sku,
    name: r.name,
    priceCents: r.listPriceCents,
    packSize: r.packSize ?? 1,
    active: r.active ?? true,
  }))
}

/**
 * A drawn "photo" for the first product of each family line, so the demo shows photos beside
 * placeholders. Made now with sharp (a few milliseconds each), stored like an upload.
 */
async function seedProductPhotos(rows: Prisma.ProductCreateManyInput[]) {
  for (const [index, row] of rows.entries()) {
    const hue = (index * 47) % 360
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480">
      <rect width="480" height="480" fill="hsl(${hue},35%,94%)"/>
      <rect x="110" y="90" width="260" height="320" rx="28" fill="hsl(${hue},45%,42%)"/>
      <rect x="110" y="90" width="260" height="60" rx="28" fill="hsl(${hue},45%,34%)"/>
      <rect x="140" y="220" width="200" height="110" rx="10" fill="#ffffff" opacity="0.92"/>
      <rect x="165" y="250" width="150" height="16" rx="8" fill="hsl(${hue},45%,42%)"/>
      <rect x="165" y="282" width="100" height="12" rx="6" fill="hsl(${hue},20%,70%)"/>
    </svg>`
    const data = await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer()
    const file = await prisma.storedFile.create({
      data: {
        fileName: `${row.sku.toLowerCase()}.png`,
        contentType: 'image/png',
        size: data.length,
        sha256: crypto.createHash('sha256').update(data).digest('hex'),
        data: new Uint8Array(data),
        width: 480,
        height: 480,
      },
      select: { id: true },
    })
    await prisma.product.update({ where: { id: row.id! }, data: { imageFileId: file.id } })
  }
}

function cnpjFor(index: number): string {
  // Distinct 8-digit company roots, branch 0001.
  return cnpjFromBase(`${String(10_000_000 + index * 7919).slice(-8)}0001`)
}

async function seed(size: Size, now: Date) {
  const random = rng(20261123)
  const terms = await Promise.all(
    ['28', '28/56', '28/56/84'].map((code, sortOrder) =>
      prisma.paymentTerm.create({ data: { code, sortOrder } }),
    ),
  )
  const products = await seedCatalog(size, random)

  const priceLists = await Promise.all([
    prisma.priceList.create({ data: { code: 'SUDESTE', name: 'Tabela Sudeste (-3%)' } }),
    prisma.priceList.create({
      data: { code: 'NORTE-NORDESTE', name: 'Tabela Norte/Nordeste (+4%)' },
    }),
  ])
  const [sudeste, norteNordeste] = priceLists as [(typeof priceLists)[0], (typeof priceLists)[0]]
  const priceItems = products.flatMap((p) => [
    { priceListId: sudeste.id, productId: p.id, priceCents: Math.round(p.priceCents * 0.97) },
    { priceListId: norteNordeste.id, productId: p.id, priceCents: Math.round(p.priceCents * 1.04) },
  ])
  await inChunks(priceItems, 1000, (chunk) => prisma.priceListItem.createMany({ data: chunk }))

  await seedPromotions(products, now)

  const reps = Array.from({ length: size.reps }, (_, i) => ({
    id: `rep_${i + 1}`,
    code: `R${String(i + 1).padStart(2, '0')}`,
    name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${SURNAMES[(i * 7) % SURNAMES.length]}`,
    email: `rep${i + 1}@reativa.dev`,
    phone: `(11) 9${String(80_000_000 + i * 1371).slice(0, 8)}`,
    defaultCommissionBps: 300 + (i % 3) * 50,
  }))
  await prisma.rep.createMany({ data: reps })

  const totalWeight = STATES.reduce((sum, s) => sum + s.weight, 0)
  const pickState = () => {
    let roll = random.next() * totalWeight
    for (const state of STATES) {
      roll -= state.weight
      if (roll <= 0) return state
    }
    return STATES[0]!
  }

  type Profile = { minDays: number; maxDays: number } | null
  const pickProfile = (): Profile => {
    const roll = random.next()
    if (roll < 0.1) return null // never ordered
    if (roll < 0.45) return { minDays: 0, maxDays: 90 } // active
    if (roll < 0.55) return { minDays: 91, maxDays: 180 } // at risk
    // Stopped buying at a steady pace over the last twenty months, so the dashboard's monthly
    // churn before the portal is flat: inactive (181 to 365 days silent) or lost (more).
    return { minDays: 181, maxDays: 600 }
  }

  const accounts: Prisma.AccountCreateManyInput[] = []
  const accountTerms: { accountId: string; termIds: string[] }[] = []
  const orders: Prisma.OrderCreateManyInput[] = []
  const lines: Prisma.OrderLineCreateManyInput[] = []
  const lineBudget = size.orderLines
  const averageLinesPerAccount = lineBudget ? lineBudget / (size.accounts * 0.9) : 30
  let orderId = 1
  let erp = 100_000

  for (let i = 0; i < size.accounts; i++) {
    const state = pickState()
    const city = random.pick(state.cities)
    const surname = random.pick(SURNAMES)
    const tradeName =
      i === 0 ? 'Casa do Construtor Silva' : `${random.pick(STORE_WORDS)} ${surname}`
    const id = `acc_${String(i + 1).padStart(5, '0')}`
    // acc_00005, the demo's reactivated account, belongs to the demo rep.
    const rep = reps[i === 4 ? 0 : i % reps.length]!
    const profile =
      i === 0
        ? { minDays: 10, maxDays: 30 }
        : i === 1
          ? { minDays: 20, maxDays: 40 }
          : i === 2
            ? { minDays: 200, maxDays: 240 }
            : i === 3
              ? { minDays: 400, maxDays: 500 }
              : i === 4
                ? { minDays: 0, maxDays: 5 }
                : pickProfile()
    const priceListId = ['SP', 'MG', 'RJ', 'ES'].includes(state.uf)
      ? sudeste.id
      : ['BA', 'PE', 'CE', 'PA'].includes(state.uf)
        ? norteNordeste.id
        : null

    let firstOrderAt: Date | null = null
    let lastOrderAt: Date | null = null
    if (profile) {
      const lastDaysAgo = random.int(profile.minDays, profile.maxDays)
      const cadence = random.int(15, 60)
      const orderCount = Math.max(
        i === 4 ? 4 : 1,
        Math.round((averageLinesPerAccount / 4) * (0.5 + random.next())),
      )
      lastOrderAt = new Date(now.getTime() - lastDaysAgo * DAY - random.int(0, 86_000) * 1000)
      // A quarter of the active accounts came back after a long silence: reactivated.
      const comebackDays =
        (profile.minDays === 0 && i > 2 && random.next() < 0.25) || i === 4
          ? random.int(200, 400)
          : 0
      for (let k = orderCount - 1; k >= 0; k--) {
        const gap = k >= 2 ? comebackDays * DAY : 0
        const placedAt = new Date(lastOrderAt.getTime() - k * cadence * DAY - gap)
        firstOrderAt ??= placedAt
        const lineCount = random.int(2, 6)
        const chosen = new Map<string, SeededProduct>()
        while (chosen.size < lineCount) {
          const product = random.pick(products)
          chosen.set(product.id, product)
        }
        let total = 0
        for (const product of chosen.values()) {
          const quantity = product.packSize * random.int(1, 8)
          const lineTotal = product.priceCents * quantity
          total += lineTotal
          lines.push({
            orderId,
            productId: product.id,
            sku: product.sku,
            name: product.name,
            quantity,
            unitPriceCents: product.priceCents,
            totalCents: lineTotal,
          })
        }
        orders.push({
          id: orderId,
          accountId: id,
          channel: 'OFFLINE',
          status: 'DELIVERED',
          paymentStatus: 'PAID',
          paymentMethod: 'ERP',
          externalRef: String(erp++),
          repId: rep.id,
          subtotalCents: total,
          totalCents: total,
          placedAt,
          createdAt: placedAt,
        })
        orderId++
        if (lineBudget && lines.length >= lineBudget) break
      }
    }
    const legalName = `${tradeName} Comércio de Materiais Ltda`
    accounts.push({
      id,
      cnpj: cnpjFor(i + 1),
      legalName,
      tradeName,
      searchText: accountSearchText({ tradeName, legalName }),
      email: `contato${i + 1}@loja.example`,
      // The draws stay as they were, so the rest of the demo does not change; the area code is
      // the state's capital's, and one shop in three has a WhatsApp.
      ...demoPhones(i, state.uf, random.int(11, 99), random.int(1_000_000, 9_999_999)),
      street: `Rua ${random.pick(SURNAMES)}, ${random.int(10, 2500)}`,
      city,
      state: state.uf,
      postalCode: `${random.int(10_000, 99_999)}-${random.int(100, 999)}`,
      segment: random.pick(SEGMENTS),
      repId: rep.id,
      priceListId: i === 0 ? null : priceListId,
      minimumOrderCents: i < 2 ? 30_000 : random.pick([20_000, 30_000, 50_000]),
      createdAt: new Date((firstOrderAt ?? now).getTime() - 30 * DAY),
    })
    accountTerms.push({
      accountId: id,
      termIds:
        random.next() < 0.6 || i < 2 || i === 3 ? [terms[0]!.id, terms[1]!.id] : [terms[0]!.id],
    })
  }

  await inChunks(accounts, 1000, (chunk) => prisma.account.createMany({ data: chunk }))
  // Implicit many-to-many: one update per account, grouped by the set of terms.
  await inChunks(accountTerms, 200, (chunk) =>
    prisma.$transaction(
      chunk.map(({ accountId, termIds }) =>
        prisma.account.update({
          where: { id: accountId },
          data: { paymentTerms: { connect: termIds.map((id) => ({ id })) } },
        }),
      ),
    ),
  )
  await inChunks(orders, 2000, (chunk) => prisma.order.createMany({ data: chunk }))
  // Orders carry ids chosen here; the next order placed in the portal must come after them.
  await syncIdSequence(prisma, 'Order')
  await inChunks(lines, 5000, (chunk) => prisma.orderLine.createMany({ data: chunk }))
  await inChunks(accounts, 2000, (chunk) =>
    prisma.repAssignment.createMany({
      data: chunk.map((a) => ({
        accountId: a.id!,
        repId: a.repId ?? null,
        assignedAt: a.createdAt as Date,
      })),
    }),
  )
  // Status, cadence, status history and past reactivations, from the order timeline.
  await syncAccounts(prisma, { now, rebuild: true })
  await rebuildRevenueSummary()

  // The demo's first account has an old order with a product that left the line.
  const discontinued = products.find((p) => !p.active)
  const firstAccountOrder = orders.find((o) => o.accountId === 'acc_00001')
  if (discontinued && firstAccountOrder) {
    await prisma.orderLine.create({
      data: {
        orderId: firstAccountOrder.id!,
        productId: discontinued.id,
        sku: discontinued.sku,
        name: discontinued.name,
        quantity: discontinued.packSize,
        unitPriceCents: discontinued.priceCents,
        totalCents: discontinued.priceCents * discontinued.packSize,
      },
    })
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await prisma.user.createMany({
    data: [
      {
        email: 'comprador@reativa.dev',
        name: 'Maria Silva',
        role: 'BUYER',
        accountId: 'acc_00001',
        isAccountAdmin: true,
        passwordHash,
      },
      {
        email: 'compras@reativa.dev',
        name: 'João Souza',
        role: 'BUYER',
        accountId: 'acc_00002',
        isAccountAdmin: true,
        passwordHash,
      },
      {
        email: 'inativo@reativa.dev',
        name: 'Cláudia Rocha',
        role: 'BUYER',
        accountId: 'acc_00003',
        isAccountAdmin: true,
        passwordHash,
      },
      {
        email: 'perdido@reativa.dev',
        name: 'Rogério Lima',
        role: 'BUYER',
        accountId: 'acc_00004',
        isAccountAdmin: true,
        passwordHash,
      },
      {
        email: 'voltou@reativa.dev',
        name: 'Sandra Alves',
        role: 'BUYER',
        accountId: 'acc_00005',
        isAccountAdmin: true,
        passwordHash,
      },
      {
        email: 'rep@reativa.dev',
        name: reps[0]!.name,
        role: 'REP',
        repId: reps[0]!.id,
        passwordHash,
      },
      { email: 'gerente@reativa.dev', name: 'Patrícia Gomes', role: 'MANAGER', passwordHash },
      { email: 'televendas@reativa.dev', name: 'Renata Alves', role: 'TELESALES', passwordHash },
      { email: 'admin@reativa.dev', name: 'Admin Reativa', role: 'ADMIN', passwordHash },
    ],
  })
  return {
    products: products.length,
    accounts: accounts.length,
    orders: orders.length,
    lines: lines.length,
  }
}

/**
 * The offers of the demo: a welcome-back offer for inactive accounts, a family coupon, a bonus
 * item on big cement orders, a non-stackable coupon, an expired one, and quantity tiers on
 * cement.
 */
async function seedPromotions(products: SeededProduct[], now: Date) {
  const day = 24 * 60 * 60 * 1000
  const families = new Map(
    (await prisma.productFamily.findMany({ select: { id: true, slug: true } })).map((f) => [
      f.slug,
      f.id,
    ]),
  )
  const cement = products.filter((p) => p.active && p.name.startsWith('Cimento CP-II'))
  const tiers = cement.flatMap((p) => [
    { productId: p.id, minQuantity: 50, priceCents: Math.round(p.priceCents * 0.95) },
    { productId: p.id, minQuantity: 200, priceCents: Math.round(p.priceCents * 0.92) },
  ])
  await prisma.priceTier.createMany({ data: tiers })

  const trowel = products.find((p) => p.active && p.name.startsWith('Desempenadeira'))
  await prisma.offer.create({
    data: {
      name: 'Bem-vindo de volta',
      description: '5% de desconto em todo o pedido e +30 dias no boleto, sem cupom.',
      audience: 'INACTIVE',
      discountType: 'PERCENT',
      discountValue: 500,
      extraTermDays: 30,
      maxPerAccount: 1,
      stackable: true,
    },
  })
  await prisma.offer.create({
    data: {
      name: 'Tintas com 10% para quem volta',
      code: 'VOLTA10',
      description: '10% em toda a linha de tintas, pedidos a partir de R$ 300,00.',
      discountType: 'PERCENT',
      discountValue: 1000,
      scope: 'FAMILIES',
      families: { connect: [{ id: families.get('tintas')! }] },
      minOrderCents: 30_000,
      endsAt: new Date(now.getTime() + 60 * day),
      maxRedemptions: 500,
      maxPerAccount: 1,
      stackable: true,
    },
  })
  if (trowel) {
    await prisma.offer.create({
      data: {
        name: 'Bonificação: desempenadeira no pedido de cimento',
        description: '1 desempenadeira grátis em pedidos acima de R$ 1.500,00 com cimento.',
        discountType: 'NONE',
        scope: 'FAMILIES',
        families: { connect: [{ id: families.get('cimentos-argamassas')! }] },
        minOrderCents: 150_000,
        bonusProductId: trowel.id,
        bonusQuantity: 1,
        stackable: true,
      },
    })
  }
  await prisma.offer.create({
    data: {
      name: 'Obra em dia: 7% no pedido',
      code: 'OBRA7',
      description: 'Não acumula com outras ofertas.',
      discountType: 'PERCENT',
      discountValue: 700,
      minOrderCents: 50_000,
      stackable: false,
    },
  })
  // The coupon invitation campaigns carry: for shops coming back, once each.
  await prisma.offer.create({
    data: {
      name: 'Convite de volta: 5% no pedido',
      code: 'CONVITE5',
      description: '5% em todo o pedido para quem volta pelo convite.',
      discountType: 'PERCENT',
      discountValue: 500,
      audience: 'INACTIVE',
      endsAt: new Date(now.getTime() + 90 * day),
      maxPerAccount: 1,
      stackable: true,
    },
  })
  await prisma.offer.create({
    data: {
      name: 'Black Friday 2025',
      code: 'BLACK25',
      discountType: 'FIXED',
      discountValue: 5_000,
      startsAt: new Date('2025-11-20T03:00:00Z'),
      endsAt: new Date('2025-12-01T03:00:00Z'),
      stackable: false,
    },
  })
}

/**
 * The manufacturer's name, colour, contacts and logo, set as its admin sets them in the settings:
 * the headers, the login page and the emails show them.
 */
async function seedDemoCompany() {
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: 'admin@reativa.dev' } })
  await updateCompany(
    admin.id,
    CompanySchema.parse({
      companyName: DEMO_COMPANY,
      brandColor: '#1e40af',
      supportPhone: '(11) 3456-7800',
      whatsapp: '(11) 98765-4321',
    }),
  )
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="90">
    <rect x="4" y="12" width="66" height="66" rx="10" fill="#1e40af"/>
    <rect x="18" y="26" width="38" height="16" rx="3" fill="#ffffff"/>
    <rect x="18" y="48" width="38" height="16" rx="3" fill="#93c5fd"/>
    <text x="86" y="62" font-size="42" font-family="sans-serif" font-weight="bold" fill="#1e293b">Solidez</text>
  </svg>`
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer()
  await saveLogo(admin.id, { logo: new File([png], 'solidez.png', { type: 'image/png' }) })
}

/**
 * Two requests for access waiting for the sales team (/admin/access-requests): a buyer of a
 * demo account whose email is not on its record, and a shop that is not in the portfolio.
 */
async function seedDemoAccessRequests(now: Date) {
  const account = await prisma.account.findUniqueOrThrow({
    where: { id: 'acc_00002' },
    select: { cnpj: true },
  })
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 60 * 60 * 1000)
  const requests = [
    { cnpj: account.cnpj, email: 'joana.compras@gmail.com', name: 'Joana Pereira', at: 26 },
    { cnpj: '12345678000195', email: 'contato@lojanova.com.br', name: 'Carlos Nunes', at: 3 },
  ]
  for (const request of requests) {
    await prisma.accessRequest.create({
      data: {
        cnpj: request.cnpj,
        email: request.email,
        name: request.name,
        pendingKey: `${request.cnpj}|${request.email}`,
        createdAt: hoursAgo(request.at),
        lastRequestedAt: hoursAgo(request.at),
      },
    })
  }
}

/** Accounts written before the search column existed get it computed once. */
async function fillAccountSearchText() {
  const missing = await prisma.account.findMany({
    where: { searchText: '' },
    select: { id: true, tradeName: true, legalName: true },
  })
  for (const part of chunks(missing, 500))
    await prisma.$transaction(
      part.map((account) =>
        prisma.account.update({
          where: { id: account.id },
          data: { searchText: accountSearchText(account) },
        }),
      ),
    )
}

async function main() {
  const args = new Set(process.argv.slice(2))
  if (args.has('--if-empty') && (await prisma.user.count()) > 0) {
    await fillAccountSearchText()
    console.log('Database already has data: seed skipped.')
    return
  }
  const size = args.has('--large') ? LARGE : DEMO
  const started = Date.now()
  await wipe()
  const now = new Date()
  const counts = await seed(size, now)
  if (size === DEMO) {
    await seedDemoCompany()
    const storyStarted = Date.now()
    const story = await seedDemoStory(now, rng(20261201))
    // The story placed orders back in time and moved some shops' ERP orders online: statuses,
    // their history and every reactivation are derived again from the whole order timeline.
    await prisma.reactivation.deleteMany()
    await prisma.account.updateMany({ data: { reactivatedAt: null } })
    await syncAccounts(prisma, { now, rebuild: true })
    await rebuildRevenueSummary()
    await seedDemoGoals(now)
    await seedDemoContest(now)
    await seedDemoCalls(now)
    await seedDemoAccessRequests(now)
    console.log(
      `Demo story: ${story.campaigns} campaigns, ${story.invitations} invitations, ${story.activated} shops on the portal, ${story.orders} online orders, ${story.payouts} payouts in ${((Date.now() - storyStarted) / 1000).toFixed(1)} s.`,
    )
  }
  console.log(
    `Seeded ${counts.accounts} accounts, ${counts.products} products, ${counts.orders} ERP orders, ${counts.lines} order lines in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  )
}

main()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => prisma.$disconnect())

// The capital's area code of each state of the demo.
const AREA_CODES: Record<string, number> = {
  SP: 11,
  MG: 31,
  RJ: 21,
  PR: 41,
  SC: 48,
  RS: 51,
  BA: 71,
  PE: 81,
  CE: 85,
  GO: 62,
  ES: 27,
  PA: 91,
  MT: 65,
  DF: 61,
}

/** A demo shop's landline, and a WhatsApp for one in three, in E.164 as accounts keep them. */
function demoPhones(i: number, uf: string, _draw: number, digits: number) {
  const area = AREA_CODES[uf] ?? 11
  return {
    phone: `+55${area}3${digits}`,
    whatsapp: i % 3 === 0 ? `+55${area}9${String(81_000_000 + ((i * 7_919) % 18_000_000))}` : null,
  }
}
