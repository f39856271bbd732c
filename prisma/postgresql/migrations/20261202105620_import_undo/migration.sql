-- AlterEnum
ALTER TYPE "ImportStatus" ADD VALUE 'UNDONE';

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "undoneAt" TIMESTAMP(3),
ADD COLUMN     "undoneById" TEXT;

-- CreateTable
CREATE TABLE "ImportUndoRecord" (
    "id" SERIAL NOT NULL,
    "batchId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "created" BOOLEAN NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "accountId" TEXT NOT NULL,

    CONSTRAINT "ImportUndoRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportUndoRecord_batchId_entity_idx" ON "ImportUndoRecord"("batchId", "entity");

-- CreateIndex
CREATE INDEX "ImportUndoRecord_accountId_idx" ON "ImportUndoRecord"("accountId");

-- AddForeignKey
ALTER TABLE "ImportUndoRecord" ADD CONSTRAINT "ImportUndoRecord_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

