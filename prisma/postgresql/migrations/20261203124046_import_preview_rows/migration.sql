-- CreateTable
CREATE TABLE "ImportPreviewRow" (
    "batchId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "cells" TEXT,

    CONSTRAINT "ImportPreviewRow_pkey" PRIMARY KEY ("batchId","line")
);

-- CreateTable
CREATE TABLE "ImportPreviewError" (
    "id" SERIAL NOT NULL,
    "batchId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "column" TEXT,
    "value" TEXT,

    CONSTRAINT "ImportPreviewError_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportPreviewRow_batchId_outcome_line_idx" ON "ImportPreviewRow"("batchId", "outcome", "line");

-- CreateIndex
CREATE INDEX "ImportPreviewError_batchId_line_idx" ON "ImportPreviewError"("batchId", "line");

-- AddForeignKey
ALTER TABLE "ImportPreviewRow" ADD CONSTRAINT "ImportPreviewRow_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportPreviewError" ADD CONSTRAINT "ImportPreviewError_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

