-- AlterTable
ALTER TABLE "AppSettings" ADD COLUMN "companyName" TEXT;
ALTER TABLE "AppSettings" ADD COLUMN "setupCodeHash" TEXT;
ALTER TABLE "AppSettings" ADD COLUMN "setupCompletedAt" DATETIME;

