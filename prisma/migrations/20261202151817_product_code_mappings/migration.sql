-- CreateTable
CREATE TABLE "ProductCodeMapping" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "productId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProductCodeMapping_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ProductCodeMapping_productId_idx" ON "ProductCodeMapping"("productId");

