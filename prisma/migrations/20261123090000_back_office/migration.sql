-- AlterTable
ALTER TABLE "Session" ADD COLUMN "impersonatorId" TEXT;

-- AlterTable
ALTER TABLE "Account" ADD COLUMN "expectedNextOrderAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "medianIntervalDays" INTEGER;

-- CreateTable
CREATE TABLE "AppSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "atRiskDays" INTEGER NOT NULL DEFAULT 90,
    "inactiveDays" INTEGER NOT NULL DEFAULT 180,
    "lostDays" INTEGER NOT NULL DEFAULT 365,
    "lastReclassifiedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AccountStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL,
    CONSTRAINT "AccountStatusChange_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reactivation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "reactivatedAt" DATETIME NOT NULL,
    "channel" TEXT NOT NULL,
    "orderId" INTEGER,
    "previousStatus" TEXT NOT NULL,
    "invitationId" TEXT,
    CONSTRAINT "Reactivation_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RepAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "repId" TEXT,
    "assignedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assignedById" TEXT,
    CONSTRAINT "RepAssignment_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RepAssignment_repId_fkey" FOREIGN KEY ("repId") REFERENCES "Rep" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "onBehalfOfUserId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "changes" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "storedPath" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PREVIEWED',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "validRows" INTEGER NOT NULL DEFAULT 0,
    "errorRows" INTEGER NOT NULL DEFAULT 0,
    "createdRows" INTEGER NOT NULL DEFAULT 0,
    "updatedRows" INTEGER NOT NULL DEFAULT 0,
    "skippedRows" INTEGER NOT NULL DEFAULT 0,
    "preview" TEXT NOT NULL DEFAULT '{}',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "AccountStatusChange_accountId_changedAt_idx" ON "AccountStatusChange"("accountId", "changedAt");

-- CreateIndex
CREATE INDEX "AccountStatusChange_changedAt_idx" ON "AccountStatusChange"("changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Reactivation_orderId_key" ON "Reactivation"("orderId");

-- CreateIndex
CREATE INDEX "Reactivation_reactivatedAt_idx" ON "Reactivation"("reactivatedAt");

-- CreateIndex
CREATE INDEX "Reactivation_accountId_idx" ON "Reactivation"("accountId");

-- CreateIndex
CREATE INDEX "RepAssignment_accountId_assignedAt_idx" ON "RepAssignment"("accountId", "assignedAt");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "ImportBatch_kind_fileHash_idx" ON "ImportBatch"("kind", "fileHash");

-- CreateIndex
CREATE INDEX "Account_expectedNextOrderAt_idx" ON "Account"("expectedNextOrderAt");

