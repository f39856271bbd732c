-- AlterTable
ALTER TABLE "AppSettings" ADD COLUMN     "senderEmail" TEXT,
ADD COLUMN     "senderName" TEXT;

