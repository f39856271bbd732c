-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "fileId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PREVIEWED',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "validRows" INTEGER NOT NULL DEFAULT 0,
    "errorRows" INTEGER NOT NULL DEFAULT 0,
    "createdRows" INTEGER NOT NULL DEFAULT 0,
    "updatedRows" INTEGER NOT NULL DEFAULT 0,
    "skippedRows" INTEGER NOT NULL DEFAULT 0,
    "preview" TEXT NOT NULL DEFAULT '{}',
    "createdById" TEXT NOT NULL,
    "committedById" TEXT,
    "writtenCreated" INTEGER NOT NULL DEFAULT 0,
    "writtenUpdated" INTEGER NOT NULL DEFAULT 0,
    "pendingRebuild" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" DATETIME,
    CONSTRAINT "ImportBatch_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ImportBatch" ("committedAt", "committedById", "createdAt", "createdById", "createdRows", "errorRows", "fileHash", "fileId", "fileName", "id", "kind", "preview", "skippedRows", "status", "totalRows", "updatedRows", "validRows") SELECT "committedAt", "committedById", "createdAt", "createdById", "createdRows", "errorRows", "fileHash", "fileId", "fileName", "id", "kind", "preview", "skippedRows", "status", "totalRows", "updatedRows", "validRows" FROM "ImportBatch";
DROP TABLE "ImportBatch";
ALTER TABLE "new_ImportBatch" RENAME TO "ImportBatch";
CREATE INDEX "ImportBatch_kind_fileHash_idx" ON "ImportBatch"("kind", "fileHash");
CREATE INDEX "ImportBatch_status_idx" ON "ImportBatch"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

