-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProductFamily" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "ProductFamily_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ProductFamily" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProductFamily" ("id", "name", "parentId", "slug", "sortOrder") SELECT "id", "name", "parentId", "slug", "sortOrder" FROM "ProductFamily";
DROP TABLE "ProductFamily";
ALTER TABLE "new_ProductFamily" RENAME TO "ProductFamily";
CREATE UNIQUE INDEX "ProductFamily_slug_key" ON "ProductFamily"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

