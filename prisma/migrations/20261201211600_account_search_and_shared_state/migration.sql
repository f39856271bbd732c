-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "headers" JSONB;
ALTER TABLE "OutboxMessage" ADD COLUMN "html" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "subject" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "text" TEXT;

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "acquiredAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cnpj" TEXT NOT NULL,
    "legalName" TEXT NOT NULL,
    "tradeName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "street" TEXT,
    "city" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "postalCode" TEXT,
    "segment" TEXT,
    "repId" TEXT,
    "priceListId" TEXT,
    "minimumOrderCents" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'NEVER_ORDERED',
    "firstOrderAt" DATETIME,
    "lastOrderAt" DATETIME,
    "reactivatedAt" DATETIME,
    "medianIntervalDays" INTEGER,
    "expectedNextOrderAt" DATETIME,
    "nextReviewAt" DATETIME,
    "emailBouncedAt" DATETIME,
    "emailBounceReason" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Account_repId_fkey" FOREIGN KEY ("repId") REFERENCES "Rep" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Account_priceListId_fkey" FOREIGN KEY ("priceListId") REFERENCES "PriceList" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Account" ("city", "cnpj", "createdAt", "email", "emailBounceReason", "emailBouncedAt", "expectedNextOrderAt", "firstOrderAt", "id", "lastOrderAt", "legalName", "medianIntervalDays", "minimumOrderCents", "nextReviewAt", "phone", "postalCode", "priceListId", "reactivatedAt", "repId", "segment", "state", "status", "street", "tradeName", "updatedAt") SELECT "city", "cnpj", "createdAt", "email", "emailBounceReason", "emailBouncedAt", "expectedNextOrderAt", "firstOrderAt", "id", "lastOrderAt", "legalName", "medianIntervalDays", "minimumOrderCents", "nextReviewAt", "phone", "postalCode", "priceListId", "reactivatedAt", "repId", "segment", "state", "status", "street", "tradeName", "updatedAt" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE UNIQUE INDEX "Account_cnpj_key" ON "Account"("cnpj");
CREATE INDEX "Account_status_idx" ON "Account"("status");
CREATE INDEX "Account_state_city_idx" ON "Account"("state", "city");
CREATE INDEX "Account_repId_idx" ON "Account"("repId");
CREATE INDEX "Account_lastOrderAt_idx" ON "Account"("lastOrderAt");
CREATE INDEX "Account_expectedNextOrderAt_idx" ON "Account"("expectedNextOrderAt");
CREATE INDEX "Account_nextReviewAt_idx" ON "Account"("nextReviewAt");
CREATE TABLE "new_ImportBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "fileId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PREVIEWED',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "validRows" INTEGER NOT NULL DEFAULT 0,
    "errorRows" INTEGER NOT NULL DEFAULT 0,
    "createdRows" INTEGER NOT NULL DEFAULT 0,
    "updatedRows" INTEGER NOT NULL DEFAULT 0,
    "skippedRows" INTEGER NOT NULL DEFAULT 0,
    "preview" TEXT NOT NULL DEFAULT '{}',
    "createdById" TEXT NOT NULL,
    "committedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" DATETIME,
    CONSTRAINT "ImportBatch_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ImportBatch" ("committedAt", "createdAt", "createdById", "createdRows", "errorRows", "fileHash", "fileName", "id", "kind", "preview", "skippedRows", "status", "totalRows", "updatedRows", "validRows") SELECT "committedAt", "createdAt", "createdById", "createdRows", "errorRows", "fileHash", "fileName", "id", "kind", "preview", "skippedRows", "status", "totalRows", "updatedRows", "validRows" FROM "ImportBatch";
DROP TABLE "ImportBatch";
ALTER TABLE "new_ImportBatch" RENAME TO "ImportBatch";
CREATE INDEX "ImportBatch_kind_fileHash_idx" ON "ImportBatch"("kind", "fileHash");
CREATE INDEX "ImportBatch_status_idx" ON "ImportBatch"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RateLimiterFlexible_expire_idx" ON "RateLimiterFlexible"("expire");

