-- AlterTable
ALTER TABLE "AppSettings" ADD COLUMN "brandColor" TEXT;
ALTER TABLE "AppSettings" ADD COLUMN "companyName" TEXT;
ALTER TABLE "AppSettings" ADD COLUMN "setupCodeHash" TEXT;
ALTER TABLE "AppSettings" ADD COLUMN "setupCompletedAt" DATETIME;
ALTER TABLE "AppSettings" ADD COLUMN "supportPhone" TEXT;
ALTER TABLE "AppSettings" ADD COLUMN "whatsapp" TEXT;

