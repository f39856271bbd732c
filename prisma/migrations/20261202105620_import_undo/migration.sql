-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN "undoneAt" DATETIME;
ALTER TABLE "ImportBatch" ADD COLUMN "undoneById" TEXT;

-- CreateTable
CREATE TABLE "ImportUndoRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "batchId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "created" BOOLEAN NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "accountId" TEXT NOT NULL,
    CONSTRAINT "ImportUndoRecord_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ImportUndoRecord_batchId_entity_idx" ON "ImportUndoRecord"("batchId", "entity");

-- CreateIndex
CREATE INDEX "ImportUndoRecord_accountId_idx" ON "ImportUndoRecord"("accountId");

