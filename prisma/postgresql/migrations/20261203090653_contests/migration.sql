-- AlterEnum
ALTER TYPE "CommissionEvent" ADD VALUE 'CONTEST_PRIZE';

-- AlterTable
ALTER TABLE "CommissionEntry" ADD COLUMN     "contestId" TEXT;

-- CreateTable
CREATE TABLE "Contest" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "prizePerAccountCents" INTEGER NOT NULL,
    "minSilentDays" INTEGER,
    "topCount" INTEGER,
    "topBonusCents" INTEGER,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,

    CONSTRAINT "Contest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestRep" (
    "contestId" TEXT NOT NULL,
    "repId" TEXT NOT NULL,

    CONSTRAINT "ContestRep_pkey" PRIMARY KEY ("contestId","repId")
);

-- CreateIndex
CREATE INDEX "Contest_startsAt_idx" ON "Contest"("startsAt");

-- CreateIndex
CREATE INDEX "ContestRep_repId_idx" ON "ContestRep"("repId");

-- CreateIndex
CREATE INDEX "CommissionEntry_contestId_idx" ON "CommissionEntry"("contestId");

-- AddForeignKey
ALTER TABLE "ContestRep" ADD CONSTRAINT "ContestRep_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestRep" ADD CONSTRAINT "ContestRep_repId_fkey" FOREIGN KEY ("repId") REFERENCES "Rep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionEntry" ADD CONSTRAINT "CommissionEntry_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

