-- CreateTable
CREATE TABLE "RepGoal" (
    "repId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "reactivations" INTEGER,
    "activeAccounts" INTEGER,
    "onlineRevenueCents" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT NOT NULL,

    CONSTRAINT "RepGoal_pkey" PRIMARY KEY ("repId","month")
);

-- CreateIndex
CREATE INDEX "RepGoal_month_idx" ON "RepGoal"("month");

-- AddForeignKey
ALTER TABLE "RepGoal" ADD CONSTRAINT "RepGoal_repId_fkey" FOREIGN KEY ("repId") REFERENCES "Rep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

