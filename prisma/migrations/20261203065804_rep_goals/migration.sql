-- CreateTable
CREATE TABLE "RepGoal" (
    "repId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "reactivations" INTEGER,
    "activeAccounts" INTEGER,
    "onlineRevenueCents" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT NOT NULL,

    PRIMARY KEY ("repId", "month"),
    CONSTRAINT "RepGoal_repId_fkey" FOREIGN KEY ("repId") REFERENCES "Rep" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RepGoal_month_idx" ON "RepGoal"("month");

