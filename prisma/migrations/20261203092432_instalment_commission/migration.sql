-- AlterTable
ALTER TABLE "CommissionEntry" ADD COLUMN "instalment" INTEGER;

-- CreateTable
CREATE TABLE "InstalmentPayment" (
    "orderId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "paidAt" DATETIME NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("orderId", "number"),
    CONSTRAINT "InstalmentPayment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AppSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "atRiskDays" INTEGER NOT NULL DEFAULT 90,
    "inactiveDays" INTEGER NOT NULL DEFAULT 180,
    "lostDays" INTEGER NOT NULL DEFAULT 365,
    "lastReclassifiedAt" DATETIME,
    "reactivationBonusBps" INTEGER NOT NULL DEFAULT 200,
    "reactivationWindowDays" INTEGER NOT NULL DEFAULT 90,
    "commissionOnPayment" BOOLEAN NOT NULL DEFAULT false,
    "stripePaymentMethods" TEXT NOT NULL DEFAULT 'card',
    "attributionWindowDays" INTEGER NOT NULL DEFAULT 30,
    "signingSecret" TEXT,
    "companyName" TEXT,
    "brandColor" TEXT,
    "supportPhone" TEXT,
    "whatsapp" TEXT,
    "senderName" TEXT,
    "senderEmail" TEXT,
    "logoFileId" TEXT,
    "setupCodeHash" TEXT,
    "setupCompletedAt" DATETIME,
    "defaultPriceListId" TEXT,
    "defaultMinimumOrderCents" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AppSettings_logoFileId_fkey" FOREIGN KEY ("logoFileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AppSettings_defaultPriceListId_fkey" FOREIGN KEY ("defaultPriceListId") REFERENCES "PriceList" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AppSettings" ("atRiskDays", "attributionWindowDays", "brandColor", "companyName", "defaultMinimumOrderCents", "defaultPriceListId", "id", "inactiveDays", "lastReclassifiedAt", "logoFileId", "lostDays", "reactivationBonusBps", "reactivationWindowDays", "senderEmail", "senderName", "setupCodeHash", "setupCompletedAt", "signingSecret", "stripePaymentMethods", "supportPhone", "updatedAt", "whatsapp") SELECT "atRiskDays", "attributionWindowDays", "brandColor", "companyName", "defaultMinimumOrderCents", "defaultPriceListId", "id", "inactiveDays", "lastReclassifiedAt", "logoFileId", "lostDays", "reactivationBonusBps", "reactivationWindowDays", "senderEmail", "senderName", "setupCodeHash", "setupCompletedAt", "signingSecret", "stripePaymentMethods", "supportPhone", "updatedAt", "whatsapp" FROM "AppSettings";
DROP TABLE "AppSettings";
ALTER TABLE "new_AppSettings" RENAME TO "AppSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

