-- AlterTable
ALTER TABLE "ContestRep" ADD COLUMN "bonusCents" INTEGER;
ALTER TABLE "ContestRep" ADD COLUMN "position" INTEGER;
ALTER TABLE "ContestRep" ADD COLUMN "prizeCents" INTEGER;
ALTER TABLE "ContestRep" ADD COLUMN "reactivations" INTEGER;

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
    "commissionPerInstalment" BOOLEAN NOT NULL DEFAULT false,
    "idempotencyKey" TEXT,
    "externalRef" TEXT,
    "invoiceNumber" TEXT,
    "trackingCode" TEXT,
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
INSERT INTO "new_Order" ("accountId", "channel", "createdAt", "currency", "discountCents", "externalRef", "id", "idempotencyKey", "invitationId", "invoiceNumber", "paymentMethod", "paymentStatus", "paymentTermCode", "placedAt", "placedById", "repId", "status", "subtotalCents", "termExtraDays", "totalCents", "trackingCode", "updatedAt") SELECT "accountId", "channel", "createdAt", "currency", "discountCents", "externalRef", "id", "idempotencyKey", "invitationId", "invoiceNumber", "paymentMethod", "paymentStatus", "paymentTermCode", "placedAt", "placedById", "repId", "status", "subtotalCents", "termExtraDays", "totalCents", "trackingCode", "updatedAt" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_idempotencyKey_key" ON "Order"("idempotencyKey");
CREATE INDEX "Order_accountId_placedAt_idx" ON "Order"("accountId", "placedAt");
CREATE INDEX "Order_repId_placedAt_idx" ON "Order"("repId", "placedAt");
CREATE INDEX "Order_placedAt_idx" ON "Order"("placedAt");
CREATE INDEX "Order_invitationId_idx" ON "Order"("invitationId");
CREATE UNIQUE INDEX "Order_channel_externalRef_key" ON "Order"("channel", "externalRef");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

