-- CreateTable
CREATE TABLE "ProductCodeMapping" (
    "code" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductCodeMapping_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "ProductCodeMapping_productId_idx" ON "ProductCodeMapping"("productId");

-- AddForeignKey
ALTER TABLE "ProductCodeMapping" ADD CONSTRAINT "ProductCodeMapping_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

