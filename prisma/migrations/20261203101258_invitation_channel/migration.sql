-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL DEFAULT 'EMAIL',
    "campaignId" TEXT,
    "run" INTEGER NOT NULL DEFAULT 1,
    "accountId" TEXT NOT NULL,
    "repId" TEXT,
    "sentById" TEXT,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'pt-BR',
    "offerId" TEXT,
    "subject" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "deliveredAt" DATETIME,
    "bouncedAt" DATETIME,
    "complainedAt" DATETIME,
    "clickedAt" DATETIME,
    "activatedAt" DATETIME,
    CONSTRAINT "Invitation_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invitation_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Invitation" ("accountId", "activatedAt", "bouncedAt", "campaignId", "clickedAt", "complainedAt", "createdAt", "deliveredAt", "email", "expiresAt", "id", "locale", "message", "nonce", "offerId", "repId", "run", "sentAt", "sentById", "subject", "tokenHash") SELECT "accountId", "activatedAt", "bouncedAt", "campaignId", "clickedAt", "complainedAt", "createdAt", "deliveredAt", "email", "expiresAt", "id", "locale", "message", "nonce", "offerId", "repId", "run", "sentAt", "sentById", "subject", "tokenHash" FROM "Invitation";
DROP TABLE "Invitation";
ALTER TABLE "new_Invitation" RENAME TO "Invitation";
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");
CREATE INDEX "Invitation_accountId_sentAt_idx" ON "Invitation"("accountId", "sentAt");
CREATE INDEX "Invitation_repId_idx" ON "Invitation"("repId");
CREATE UNIQUE INDEX "Invitation_campaignId_run_accountId_key" ON "Invitation"("campaignId", "run", "accountId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

