-- AlterTable
ALTER TABLE "PaymentTerm" ADD COLUMN     "forNewAccounts" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "AppSettings" ADD COLUMN     "defaultMinimumOrderCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "defaultPriceListId" TEXT;

-- AddForeignKey
ALTER TABLE "AppSettings" ADD CONSTRAINT "AppSettings_defaultPriceListId_fkey" FOREIGN KEY ("defaultPriceListId") REFERENCES "PriceList"("id") ON DELETE SET NULL ON UPDATE CASCADE;

