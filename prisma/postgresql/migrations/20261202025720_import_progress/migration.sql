-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "pendingRebuild" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "writtenCreated" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "writtenUpdated" INTEGER NOT NULL DEFAULT 0;

