-- AlterTable
ALTER TABLE "ProductFamily" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true;

