-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PaymentTerm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "forNewAccounts" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_PaymentTerm" ("code", "id", "sortOrder") SELECT "code", "id", "sortOrder" FROM "PaymentTerm";
DROP TABLE "PaymentTerm";
ALTER TABLE "new_PaymentTerm" RENAME TO "PaymentTerm";
CREATE UNIQUE INDEX "PaymentTerm_code_key" ON "PaymentTerm"("code");
CREATE TABLE "new_AppSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "atRiskDays" INTEGER NOT NULL DEFAULT 90,
    "inactiveDays" INTEGER NOT NULL DEFAULT 180,
    "lostDays" INTEGER NOT NULL DEFAULT 365,
    "lastReclassifiedAt" DATETIME,
    "reactivationBonusBps" INTEGER NOT NULL DEFAULT 200,
    "reactivationWindowDays" INTEGER NOT NULL DEFAULT 90,
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
INSERT INTO "new_AppSettings" ("atRiskDays", "attributionWindowDays", "brandColor", "companyName", "id", "inactiveDays", "lastReclassifiedAt", "logoFileId", "lostDays", "reactivationBonusBps", "reactivationWindowDays", "senderEmail", "senderName", "setupCodeHash", "setupCompletedAt", "signingSecret", "stripePaymentMethods", "supportPhone", "updatedAt", "whatsapp") SELECT "atRiskDays", "attributionWindowDays", "brandColor", "companyName", "id", "inactiveDays", "lastReclassifiedAt", "logoFileId", "lostDays", "reactivationBonusBps", "reactivationWindowDays", "senderEmail", "senderName", "setupCodeHash", "setupCompletedAt", "signingSecret", "stripePaymentMethods", "supportPhone", "updatedAt", "whatsapp" FROM "AppSettings";
DROP TABLE "AppSettings";
ALTER TABLE "new_AppSettings" RENAME TO "AppSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

