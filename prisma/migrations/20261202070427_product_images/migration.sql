-- AlterTable
ALTER TABLE "StoredFile" ADD COLUMN "height" INTEGER;
ALTER TABLE "StoredFile" ADD COLUMN "width" INTEGER;

-- CreateTable
CREATE TABLE "ImageVariant" (
    "fileId" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "etag" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("fileId", "width", "format"),
    CONSTRAINT "ImageVariant_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Product" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT 'UN',
    "packSize" INTEGER NOT NULL DEFAULT 1,
    "listPriceCents" INTEGER NOT NULL,
    "imageFileId" TEXT,
    "stock" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Product_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "ProductFamily" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Product_imageFileId_fkey" FOREIGN KEY ("imageFileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Product" ("active", "createdAt", "description", "familyId", "id", "listPriceCents", "name", "packSize", "searchText", "sku", "stock", "unit", "updatedAt") SELECT "active", "createdAt", "description", "familyId", "id", "listPriceCents", "name", "packSize", "searchText", "sku", "stock", "unit", "updatedAt" FROM "Product";
DROP TABLE "Product";
ALTER TABLE "new_Product" RENAME TO "Product";
CREATE UNIQUE INDEX "Product_sku_key" ON "Product"("sku");
CREATE INDEX "Product_familyId_active_name_idx" ON "Product"("familyId", "active", "name");
CREATE INDEX "Product_active_name_idx" ON "Product"("active", "name");
CREATE INDEX "Product_imageFileId_idx" ON "Product"("imageFileId");
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
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AppSettings_logoFileId_fkey" FOREIGN KEY ("logoFileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AppSettings" ("atRiskDays", "attributionWindowDays", "brandColor", "companyName", "id", "inactiveDays", "lastReclassifiedAt", "lostDays", "reactivationBonusBps", "reactivationWindowDays", "senderEmail", "senderName", "setupCodeHash", "setupCompletedAt", "signingSecret", "stripePaymentMethods", "supportPhone", "updatedAt", "whatsapp") SELECT "atRiskDays", "attributionWindowDays", "brandColor", "companyName", "id", "inactiveDays", "lastReclassifiedAt", "lostDays", "reactivationBonusBps", "reactivationWindowDays", "senderEmail", "senderName", "setupCodeHash", "setupCompletedAt", "signingSecret", "stripePaymentMethods", "supportPhone", "updatedAt", "whatsapp" FROM "AppSettings";
DROP TABLE "AppSettings";
ALTER TABLE "new_AppSettings" RENAME TO "AppSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

