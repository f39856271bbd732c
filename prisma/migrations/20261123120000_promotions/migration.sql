-- CreateTable
CREATE TABLE "PriceTier" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "productId" TEXT NOT NULL,
    "priceListId" TEXT,
    "minQuantity" INTEGER NOT NULL,
    "priceCents" INTEGER NOT NULL,
    CONSTRAINT "PriceTier_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PriceTier_priceListId_fkey" FOREIGN KEY ("priceListId") REFERENCES "PriceList" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CartOffer" (
    "cartId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "appliedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("cartId", "offerId"),
    CONSTRAINT "CartOffer_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "Cart" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CartOffer_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "code" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "discountType" TEXT NOT NULL DEFAULT 'NONE',
    "discountValue" INTEGER NOT NULL DEFAULT 0,
    "scope" TEXT NOT NULL DEFAULT 'ORDER',
    "minOrderCents" INTEGER NOT NULL DEFAULT 0,
    "startsAt" DATETIME,
    "endsAt" DATETIME,
    "maxRedemptions" INTEGER,
    "maxPerAccount" INTEGER,
    "redemptionCount" INTEGER NOT NULL DEFAULT 0,
    "audience" TEXT NOT NULL DEFAULT 'EVERYONE',
    "audienceSegment" TEXT,
    "stackable" BOOLEAN NOT NULL DEFAULT false,
    "bonusProductId" TEXT,
    "bonusQuantity" INTEGER NOT NULL DEFAULT 0,
    "extraTermDays" INTEGER NOT NULL DEFAULT 0,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Offer_bonusProductId_fkey" FOREIGN KEY ("bonusProductId") REFERENCES "Product" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfferAccountUsage" (
    "offerId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("offerId", "accountId"),
    CONSTRAINT "OfferAccountUsage_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OfferAccountUsage_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfferRedemption" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "offerId" TEXT NOT NULL,
    "orderId" INTEGER NOT NULL,
    "accountId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "code" TEXT,
    "discountCents" INTEGER NOT NULL DEFAULT 0,
    "bonusSku" TEXT,
    "bonusQuantity" INTEGER NOT NULL DEFAULT 0,
    "extraTermDays" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OfferRedemption_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OfferRedemption_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OfferRedemption_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_OfferNamedAccounts" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_OfferNamedAccounts_A_fkey" FOREIGN KEY ("A") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_OfferNamedAccounts_B_fkey" FOREIGN KEY ("B") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_OfferFamilies" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_OfferFamilies_A_fkey" FOREIGN KEY ("A") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_OfferFamilies_B_fkey" FOREIGN KEY ("B") REFERENCES "ProductFamily" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_OfferProducts" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_OfferProducts_A_fkey" FOREIGN KEY ("A") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_OfferProducts_B_fkey" FOREIGN KEY ("B") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Order" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PLACED',
    "paymentStatus" TEXT NOT NULL DEFAULT 'PENDING',
    "paymentMethod" TEXT NOT NULL,
    "paymentTermCode" TEXT,
    "termExtraDays" INTEGER NOT NULL DEFAULT 0,
    "idempotencyKey" TEXT,
    "externalRef" TEXT,
    "placedById" TEXT,
    "repId" TEXT,
    "currency" TEXT NOT NULL DEFAULT 'BRL',
    "subtotalCents" INTEGER NOT NULL,
    "discountCents" INTEGER NOT NULL DEFAULT 0,
    "totalCents" INTEGER NOT NULL,
    "placedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Order_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_placedById_fkey" FOREIGN KEY ("placedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Order_repId_fkey" FOREIGN KEY ("repId") REFERENCES "Rep" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("accountId", "channel", "createdAt", "currency", "discountCents", "externalRef", "id", "idempotencyKey", "paymentMethod", "paymentStatus", "paymentTermCode", "placedAt", "placedById", "repId", "status", "subtotalCents", "totalCents", "updatedAt") SELECT "accountId", "channel", "createdAt", "currency", "discountCents", "externalRef", "id", "idempotencyKey", "paymentMethod", "paymentStatus", "paymentTermCode", "placedAt", "placedById", "repId", "status", "subtotalCents", "totalCents", "updatedAt" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_idempotencyKey_key" ON "Order"("idempotencyKey");
CREATE INDEX "Order_accountId_placedAt_idx" ON "Order"("accountId", "placedAt");
CREATE INDEX "Order_repId_placedAt_idx" ON "Order"("repId", "placedAt");
CREATE INDEX "Order_placedAt_idx" ON "Order"("placedAt");
CREATE UNIQUE INDEX "Order_channel_externalRef_key" ON "Order"("channel", "externalRef");
CREATE TABLE "new_OrderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" INTEGER NOT NULL,
    "productId" TEXT,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "discountCents" INTEGER NOT NULL DEFAULT 0,
    "totalCents" INTEGER NOT NULL,
    "isBonus" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderLine_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OrderLine" ("discountCents", "id", "name", "orderId", "productId", "quantity", "sku", "totalCents", "unitPriceCents") SELECT "discountCents", "id", "name", "orderId", "productId", "quantity", "sku", "totalCents", "unitPriceCents" FROM "OrderLine";
DROP TABLE "OrderLine";
ALTER TABLE "new_OrderLine" RENAME TO "OrderLine";
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");
CREATE INDEX "OrderLine_productId_idx" ON "OrderLine"("productId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PriceTier_productId_minQuantity_idx" ON "PriceTier"("productId", "minQuantity");

-- CreateIndex
CREATE INDEX "CartOffer_offerId_idx" ON "CartOffer"("offerId");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_code_key" ON "Offer"("code");

-- CreateIndex
CREATE INDEX "OfferAccountUsage_accountId_idx" ON "OfferAccountUsage"("accountId");

-- CreateIndex
CREATE INDEX "OfferRedemption_orderId_idx" ON "OfferRedemption"("orderId");

-- CreateIndex
CREATE INDEX "OfferRedemption_accountId_idx" ON "OfferRedemption"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferRedemption_offerId_orderId_key" ON "OfferRedemption"("offerId", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "_OfferNamedAccounts_AB_unique" ON "_OfferNamedAccounts"("A", "B");

-- CreateIndex
CREATE INDEX "_OfferNamedAccounts_B_index" ON "_OfferNamedAccounts"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_OfferFamilies_AB_unique" ON "_OfferFamilies"("A", "B");

-- CreateIndex
CREATE INDEX "_OfferFamilies_B_index" ON "_OfferFamilies"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_OfferProducts_AB_unique" ON "_OfferProducts"("A", "B");

-- CreateIndex
CREATE INDEX "_OfferProducts_B_index" ON "_OfferProducts"("B");

