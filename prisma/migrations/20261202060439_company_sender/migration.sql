-- AlterTable
ALTER TABLE "AppSettings" ADD COLUMN "senderEmail" TEXT;
ALTER TABLE "AppSettings" ADD COLUMN "senderName" TEXT;

