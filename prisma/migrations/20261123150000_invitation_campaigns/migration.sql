-- AlterTable
ALTER TABLE "Account" ADD COLUMN "emailBounceReason" TEXT;
ALTER TABLE "Account" ADD COLUMN "emailBouncedAt" DATETIME;

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "filters" TEXT NOT NULL,
    "offerId" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'pt-BR',
    "subject" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "schedule" TEXT NOT NULL DEFAULT 'NOW',
    "nextRunAt" DATETIME,
    "lastRunAt" DATETIME,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Campaign_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT,
    "run" INTEGER NOT NULL DEFAULT 1,
    "accountId" TEXT NOT NULL,
    "repId" TEXT,
    "sentById" TEXT,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'pt-BR',
    "offerId" TEXT,
    "subject" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "deliveredAt" DATETIME,
    "bouncedAt" DATETIME,
    "complainedAt" DATETIME,
    "clickedAt" DATETIME,
    "activatedAt" DATETIME,
    CONSTRAINT "Invitation_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invitation_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "invitationId" TEXT,
    "to" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "claimToken" TEXT,
    "lastError" TEXT,
    "providerMessageId" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxMessage_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmailOptOut" (
    "email" TEXT NOT NULL PRIMARY KEY,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ResendEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Order" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PLACED',
    "paymentStatus" TEXT NOT NULL DEFAULT 'PENDING',
    "paymentMethod" TEXT NOT NULL,
    "paymentTermCode" TEXT,
    "termExtraDays" INTEGER NOT NULL DEFAULT 0,
    "idempotencyKey" TEXT,
    "externalRef" TEXT,
    "placedById" TEXT,
    "repId" TEXT,
    "currency" TEXT NOT NULL DEFAULT 'BRL',
    "subtotalCents" INTEGER NOT NULL,
    "discountCents" INTEGER NOT NULL DEFAULT 0,
    "totalCents" INTEGER NOT NULL,
    "placedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "invitationId" TEXT,
    CONSTRAINT "Order_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_placedById_fkey" FOREIGN KEY ("placedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Order_repId_fkey" FOREIGN KEY ("repId") REFERENCES "Rep" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Order_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("accountId", "channel", "createdAt", "currency", "discountCents", "externalRef", "id", "idempotencyKey", "paymentMethod", "paymentStatus", "paymentTermCode", "placedAt", "placedById", "repId", "status", "subtotalCents", "termExtraDays", "totalCents", "updatedAt") SELECT "accountId", "channel", "createdAt", "currency", "discountCents", "externalRef", "id", "idempotencyKey", "paymentMethod", "paymentStatus", "paymentTermCode", "placedAt", "placedById", "repId", "status", "subtotalCents", "termExtraDays", "totalCents", "updatedAt" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_idempotencyKey_key" ON "Order"("idempotencyKey");
CREATE INDEX "Order_accountId_placedAt_idx" ON "Order"("accountId", "placedAt");
CREATE INDEX "Order_repId_placedAt_idx" ON "Order"("repId", "placedAt");
CREATE INDEX "Order_placedAt_idx" ON "Order"("placedAt");
CREATE INDEX "Order_invitationId_idx" ON "Order"("invitationId");
CREATE UNIQUE INDEX "Order_channel_externalRef_key" ON "Order"("channel", "externalRef");
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
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_AppSettings" ("atRiskDays", "id", "inactiveDays", "lastReclassifiedAt", "lostDays", "reactivationBonusBps", "reactivationWindowDays", "stripePaymentMethods", "updatedAt") SELECT "atRiskDays", "id", "inactiveDays", "lastReclassifiedAt", "lostDays", "reactivationBonusBps", "reactivationWindowDays", "stripePaymentMethods", "updatedAt" FROM "AppSettings";
DROP TABLE "AppSettings";
ALTER TABLE "new_AppSettings" RENAME TO "AppSettings";
CREATE TABLE "new_Reactivation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "reactivatedAt" DATETIME NOT NULL,
    "channel" TEXT NOT NULL,
    "orderId" INTEGER,
    "previousStatus" TEXT NOT NULL,
    "invitationId" TEXT,
    CONSTRAINT "Reactivation_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Reactivation_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Reactivation" ("accountId", "channel", "id", "invitationId", "orderId", "previousStatus", "reactivatedAt") SELECT "accountId", "channel", "id", "invitationId", "orderId", "previousStatus", "reactivatedAt" FROM "Reactivation";
DROP TABLE "Reactivation";
ALTER TABLE "new_Reactivation" RENAME TO "Reactivation";
CREATE UNIQUE INDEX "Reactivation_orderId_key" ON "Reactivation"("orderId");
CREATE INDEX "Reactivation_reactivatedAt_idx" ON "Reactivation"("reactivatedAt");
CREATE INDEX "Reactivation_accountId_idx" ON "Reactivation"("accountId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Campaign_nextRunAt_idx" ON "Campaign"("nextRunAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_accountId_sentAt_idx" ON "Invitation"("accountId", "sentAt");

-- CreateIndex
CREATE INDEX "Invitation_repId_idx" ON "Invitation"("repId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_campaignId_run_accountId_key" ON "Invitation"("campaignId", "run", "accountId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_invitationId_key" ON "OutboxMessage"("invitationId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_providerMessageId_key" ON "OutboxMessage"("providerMessageId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

