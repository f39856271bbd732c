-- AlterTable
ALTER TABLE "AppSettings" ADD COLUMN     "companyName" TEXT,
ADD COLUMN     "setupCodeHash" TEXT,
ADD COLUMN     "setupCompletedAt" TIMESTAMP(3);

