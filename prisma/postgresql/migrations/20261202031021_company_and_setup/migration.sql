-- AlterTable
ALTER TABLE "AppSettings" ADD COLUMN     "brandColor" TEXT,
ADD COLUMN     "companyName" TEXT,
ADD COLUMN     "setupCodeHash" TEXT,
ADD COLUMN     "setupCompletedAt" TIMESTAMP(3),
ADD COLUMN     "supportPhone" TEXT,
ADD COLUMN     "whatsapp" TEXT;

