-- AlterTable
ALTER TABLE "AppSettings" ADD COLUMN     "commissionOnPayment" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "CommissionEntry" ADD COLUMN     "instalment" INTEGER;

-- CreateTable
CREATE TABLE "InstalmentPayment" (
    "orderId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "paidAt" TIMESTAMP(3) NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstalmentPayment_pkey" PRIMARY KEY ("orderId","number")
);

-- AddForeignKey
ALTER TABLE "InstalmentPayment" ADD CONSTRAINT "InstalmentPayment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

