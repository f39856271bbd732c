-- DropIndex
DROP INDEX "AccountStatusChange_changedAt_idx";

-- AlterTable
ALTER TABLE "Account" ADD COLUMN "nextReviewAt" DATETIME;

-- CreateTable
CREATE TABLE "RevenueSummary" (
    "month" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "repId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,

    PRIMARY KEY ("month", "channel", "repId", "state")
);

-- CreateIndex
CREATE INDEX "Account_nextReviewAt_idx" ON "Account"("nextReviewAt");

-- CreateIndex
CREATE INDEX "AccountStatusChange_changedAt_fromStatus_toStatus_idx" ON "AccountStatusChange"("changedAt", "fromStatus", "toStatus");

