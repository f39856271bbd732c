-- AlterTable
ALTER TABLE "Account" ADD COLUMN "callBackAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "lastContactAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "lastContactOutcome" TEXT;
ALTER TABLE "Account" ADD COLUMN "phoneWrongAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "preferredChannel" TEXT;
ALTER TABLE "Account" ADD COLUMN "whatsapp" TEXT;

-- CreateTable
CREATE TABLE "ContactLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "callBackAt" DATETIME,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactLog_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContactLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StopReasonAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "comment" TEXT,
    "source" TEXT NOT NULL,
    "contactLogId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StopReasonAnswer_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StopReasonAnswer_contactLogId_fkey" FOREIGN KEY ("contactLogId") REFERENCES "ContactLog" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AccountNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccountNote_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccountNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ContactLog_accountId_createdAt_idx" ON "ContactLog"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "ContactLog_userId_createdAt_idx" ON "ContactLog"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StopReasonAnswer_contactLogId_key" ON "StopReasonAnswer"("contactLogId");

-- CreateIndex
CREATE INDEX "StopReasonAnswer_createdAt_idx" ON "StopReasonAnswer"("createdAt");

-- CreateIndex
CREATE INDEX "StopReasonAnswer_accountId_createdAt_idx" ON "StopReasonAnswer"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "AccountNote_accountId_createdAt_idx" ON "AccountNote"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "Account_callBackAt_idx" ON "Account"("callBackAt");

-- CreateIndex
CREATE INDEX "Account_emailBouncedAt_idx" ON "Account"("emailBouncedAt");

-- CreateIndex
CREATE INDEX "Invitation_sentAt_idx" ON "Invitation"("sentAt");

-- CreateIndex
CREATE INDEX "Invitation_clickedAt_idx" ON "Invitation"("clickedAt");

