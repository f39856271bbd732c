-- AlterTable
ALTER TABLE "ContestRep" ADD COLUMN     "bonusCents" INTEGER,
ADD COLUMN     "position" INTEGER,
ADD COLUMN     "prizeCents" INTEGER,
ADD COLUMN     "reactivations" INTEGER;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "commissionPerInstalment" BOOLEAN NOT NULL DEFAULT false;

