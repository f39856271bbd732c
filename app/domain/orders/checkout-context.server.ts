/**
 * Everything checkout needs to know before it prices the cart, in two statements inside the
 * order's transaction (issue 22, decision 016): the ORM would spend one statement a relation.
 * Hand-written SQL, the same on SQLite and PostgreSQL (decision 009): quoted identifiers, NULLs
 * cast in every branch of the UNION (PostgreSQL types a bare NULL as text), booleans read as
 * 0/1 and dates converted whatever the driver returns.
 */
import { Prisma, type AccountStatus, type OrderChannel } from '@prisma/client'
import { type Tx } from '~/utils/db.server'
import { DAY_MS } from '~/utils/dates'
import { typed } from '~/utils/sql.server'
import { DEFAULT_ATTRIBUTION_WINDOW_DAYS } from '~/domain/campaigns/attribution.server'
import { DEFAULT_THRESHOLDS, type StatusThresholds } from '~/domain/accounts/status'
import { lineageOf, type BuyerAccount, type FamilyLineage } from './cart.server'

const toDate = (value: unknown): Date | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value
      : new Date(
          typeof value === 'string' && !/[zZ]|[+-]\d\d:?\d\d$/.test(value)
            ? `${value}Z`
            : (value as string | number),
        )
const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value)
const toText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value)

type AccountRow = Record<string, unknown>
type FactRow = {
  kind: string
  id: unknown
  ref: unknown
  txt: unknown
  at1: unknown
  at2: unknown
  num: unknown
}

export type CheckoutContext = {
  account: BuyerAccount & {
    lastOrderAt: Date | null
    firstOrderAt: Date | null
    medianIntervalDays: number | null
    expectedNextOrderAt: Date | null
    nextReviewAt: Date | null
  }
  settings: {
    reactivationBonusBps: number
    reactivationWindowDays: number
    attributionWindowDays: number
    thresholds: StatusThresholds
    brand: {
      companyName: string | null
      brandColor: string | null
      supportPhone: string | null
      whatsapp: string | null
      logo: { id: string; width: number | null; height: number | null } | null
    }
  }
  /** The account's rep and their rates, when it has a rep who still exists. */
  rep: { defaultBps: number; familyBps: Map<string, number> } | null
  /** Who places the order, for the confirmation email. */
  placedBy: { email: string; name: string; locale: string } | null
  /** The latest status change recorded for the account. */
  lastStatusChangeAt: Date | null
  /** The account's orders that count (not cancelled). */
  orders: { id: number; channel: OrderChannel; placedAt: Date; invitationId: string | null }[]
  /** Invitations sent or used within the attribution window. */
  invitations: { id: string; sentAt: Date | null; activatedAt: Date | null }[]
  /** The lineage of the families of the products in the cart (and their ancestors). */
  families: FamilyLineage
  /** How many times the account used each offer. */
  usage: { offerId: string; count: number }[]
}

const nullText = Prisma.sql`CAST(NULL AS TEXT)`
const nullTime = Prisma.sql`CAST(NULL AS TIMESTAMP(3))`
const nullInt = Prisma.sql`CAST(NULL AS INTEGER)`

export async function readCheckoutContext(
  tx: Tx,
  { accountId, userId, now }: { accountId: string; userId: string; now: Date },
): Promise<CheckoutContext> {
  const [row] = await tx.$queryRaw<AccountRow[]>`
    SELECT a."id", a."tradeName", a."status", a."reactivatedAt", a."segment", a."repId",
      a."state", a."priceListId", a."minimumOrderCents", a."lastOrderAt", a."firstOrderAt",
      a."medianIntervalDays", a."expectedNextOrderAt", a."nextReviewAt",
      s."reactivationBonusBps", s."reactivationWindowDays", s."attributionWindowDays",
      s."atRiskDays", s."inactiveDays", s."lostDays",
      s."companyName", s."brandColor", s."supportPhone", s."whatsapp",
      l."id" AS "logoId", l."width" AS "logoWidth", l."height" AS "logoHeight",
      r."id" AS "repFound", r."defaultCommissionBps",
      u."email" AS "userEmail", u."name" AS "userName", u."locale" AS "userLocale",
      (SELECT MAX(c."changedAt") FROM "AccountStatusChange" c WHERE c."accountId" = a."id")
        AS "lastStatusChangeAt"
    FROM "Account" a
    LEFT JOIN "AppSettings" s ON s."id" = 1
    LEFT JOIN "StoredFile" l ON l."id" = s."logoFileId"
    LEFT JOIN "Rep" r ON r."id" = a."repId"
    LEFT JOIN "User" u ON u."id" = ${userId}
    WHERE a."id" = ${accountId}`
  if (!row) throw new Error(`Account ${accountId} not found`)

  const windowDays = toNumber(row.attributionWindowDays) ?? DEFAULT_ATTRIBUTION_WINDOW_DAYS
  const since = new Date(now.getTime() - windowDays * DAY_MS)
  const facts = await tx.$queryRaw<FactRow[]>`
    WITH RECURSIVE "lineage" ("id", "parentId", "active") AS (
      SELECT f."id", f."parentId", f."active" FROM "ProductFamily" f
      WHERE f."id" IN (
        SELECT p."familyId" FROM "CartItem" i
        JOIN "Cart" k ON k."id" = i."cartId"
        JOIN "Product" p ON p."id" = i."productId"
        WHERE k."accountId" = ${accountId})
      UNION
      SELECT f."id", f."parentId", f."active" FROM "ProductFamily" f
      JOIN "lineage" l ON f."id" = l."parentId"
    )
    SELECT 'term' AS "kind", t."code" AS "id", ${nullText} AS "ref", ${nullText} AS "txt",
      ${nullTime} AS "at1", ${nullTime} AS "at2", t."sortOrder" AS "num"
    FROM "PaymentTerm" t JOIN "_AccountToPaymentTerm" j ON j."B" = t."id"
    WHERE j."A" = ${accountId}
    UNION ALL
    SELECT 'order', CAST(o."id" AS TEXT), o."invitationId", CAST(o."channel" AS TEXT),
      o."placedAt", ${nullTime}, ${nullInt}
    FROM "Order" o WHERE o."accountId" = ${accountId} AND o."status" <> 'CANCELLED'
    UNION ALL
    SELECT 'invitation', v."id", ${nullText}, ${nullText}, v."sentAt", v."activatedAt", ${nullInt}
    FROM "Invitation" v
    WHERE v."accountId" = ${accountId} AND (v."activatedAt" >= ${typed(since, 'timestamp(3)')} OR v."sentAt" >= ${typed(since, 'timestamp(3)')})
    UNION ALL
    SELECT 'rate', fr."familyId", ${nullText}, ${nullText}, ${nullTime}, ${nullTime}, fr."bps"
    FROM "RepFamilyRate" fr WHERE fr."repId" = ${toText(row.repId) ?? ''}
    UNION ALL
    SELECT 'family', l."id", l."parentId", ${nullText}, ${nullTime}, ${nullTime},
      CASE WHEN l."active" THEN 1 ELSE 0 END
    FROM "lineage" l
    UNION ALL
    SELECT 'usage', g."offerId", ${nullText}, ${nullText}, ${nullTime}, ${nullTime}, g."count"
    FROM "OfferAccountUsage" g WHERE g."accountId" = ${accountId}`

  const of = (kind: string) => facts.filter((fact) => fact.kind === kind)
  const terms = of('term').sort((a, b) => (toNumber(a.num) ?? 0) - (toNumber(b.num) ?? 0))
  const rep =
    row.repFound === null || row.repFound === undefined
      ? null
      : {
          defaultBps: toNumber(row.defaultCommissionBps) ?? 0,
          familyBps: new Map(of('rate').map((f) => [String(f.id), toNumber(f.num) ?? 0])),
        }
  return {
    account: {
      id: String(row.id),
      tradeName: String(row.tradeName),
      status: String(row.status) as AccountStatus,
      reactivatedAt: toDate(row.reactivatedAt),
      segment: toText(row.segment),
      repId: toText(row.repId),
      state: String(row.state),
      priceListId: toText(row.priceListId),
      minimumOrderCents: toNumber(row.minimumOrderCents) ?? 0,
      paymentTermCodes: terms.map((term) => String(term.id)),
      lastOrderAt: toDate(row.lastOrderAt),
      firstOrderAt: toDate(row.firstOrderAt),
      medianIntervalDays: toNumber(row.medianIntervalDays),
      expectedNextOrderAt: toDate(row.expectedNextOrderAt),
      nextReviewAt: toDate(row.nextReviewAt),
    },
    settings: {
      reactivationBonusBps: toNumber(row.reactivationBonusBps) ?? 200,
      reactivationWindowDays: toNumber(row.reactivationWindowDays) ?? 90,
      attributionWindowDays: windowDays,
      thresholds:
        row.atRiskDays === null || row.atRiskDays === undefined
          ? DEFAULT_THRESHOLDS
          : {
              atRiskDays: Number(row.atRiskDays),
              inactiveDays: Number(row.inactiveDays),
              lostDays: Number(row.lostDays),
            },
      brand: {
        companyName: toText(row.companyName),
        brandColor: toText(row.brandColor),
        supportPhone: toText(row.supportPhone),
        whatsapp: toText(row.whatsapp),
        logo:
          row.logoId === null || row.logoId === undefined
            ? null
            : {
                id: String(row.logoId),
                width: toNumber(row.logoWidth),
                height: toNumber(row.logoHeight),
              },
      },
    },
    rep,
    placedBy:
      row.userEmail === null || row.userEmail === undefined
        ? null
        : {
            email: String(row.userEmail),
            name: String(row.userName),
            locale: String(row.userLocale),
          },
    lastStatusChangeAt: toDate(row.lastStatusChangeAt),
    orders: of('order').map((f) => ({
      id: Number(f.id),
      channel: String(f.txt) as OrderChannel,
      placedAt: toDate(f.at1)!,
      invitationId: toText(f.ref),
    })),
    invitations: of('invitation').map((f) => ({
      id: String(f.id),
      sentAt: toDate(f.at1),
      activatedAt: toDate(f.at2),
    })),
    families: lineageOf(
      of('family').map((f) => ({
        id: String(f.id),
        parentId: toText(f.ref),
        active: Number(f.num) === 1,
      })),
    ),
    usage: of('usage').map((f) => ({ offerId: String(f.id), count: toNumber(f.num) ?? 0 })),
  }
}
