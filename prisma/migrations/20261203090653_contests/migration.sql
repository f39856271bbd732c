-- CreateTable
CREATE TABLE "Contest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "prizePerAccountCents" INTEGER NOT NULL,
    "minSilentDays" INTEGER,
    "topCount" INTEGER,
    "topBonusCents" INTEGER,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    "closedById" TEXT
);

-- CreateTable
CREATE TABLE "ContestRep" (
    "contestId" TEXT NOT NULL,
    "repId" TEXT NOT NULL,

    PRIMARY KEY ("contestId", "repId"),
    CONSTRAINT "ContestRep_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContestRep_repId_fkey" FOREIGN KEY ("repId") REFERENCES "Rep" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CommissionEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventKey" TEXT NOT NULL,
    "repId" TEXT NOT NULL,
    "orderId" INTEGER,
    "contestId" TEXT,
    "payoutBatchId" TEXT,
    "event" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommissionEntry_repId_fkey" FOREIGN KEY ("repId") REFERENCES "Rep" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CommissionEntry_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CommissionEntry_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CommissionEntry_payoutBatchId_fkey" FOREIGN KEY ("payoutBatchId") REFERENCES "PayoutBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CommissionEntry" ("amountCents", "bucket", "createdAt", "event", "eventKey", "id", "orderId", "payoutBatchId", "repId") SELECT "amountCents", "bucket", "createdAt", "event", "eventKey", "id", "orderId", "payoutBatchId", "repId" FROM "CommissionEntry";
DROP TABLE "CommissionEntry";
ALTER TABLE "new_CommissionEntry" RENAME TO "CommissionEntry";
CREATE UNIQUE INDEX "CommissionEntry_eventKey_key" ON "CommissionEntry"("eventKey");
CREATE INDEX "CommissionEntry_repId_createdAt_idx" ON "CommissionEntry"("repId", "createdAt");
CREATE INDEX "CommissionEntry_orderId_idx" ON "CommissionEntry"("orderId");
CREATE INDEX "CommissionEntry_payoutBatchId_idx" ON "CommissionEntry"("payoutBatchId");
CREATE INDEX "CommissionEntry_contestId_idx" ON "CommissionEntry"("contestId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Contest_startsAt_idx" ON "Contest"("startsAt");

-- CreateIndex
CREATE INDEX "ContestRep_repId_idx" ON "ContestRep"("repId");

