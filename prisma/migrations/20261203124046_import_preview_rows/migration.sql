-- CreateTable
CREATE TABLE "ImportPreviewRow" (
    "batchId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "cells" TEXT,

    PRIMARY KEY ("batchId", "line"),
    CONSTRAINT "ImportPreviewRow_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportPreviewError" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "batchId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "column" TEXT,
    "value" TEXT,
    CONSTRAINT "ImportPreviewError_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ImportPreviewRow_batchId_outcome_line_idx" ON "ImportPreviewRow"("batchId", "outcome", "line");

-- CreateIndex
CREATE INDEX "ImportPreviewError_batchId_line_idx" ON "ImportPreviewError"("batchId", "line");

