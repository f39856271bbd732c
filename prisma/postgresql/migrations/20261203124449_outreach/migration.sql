-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('EMAIL', 'WHATSAPP', 'PHONE');

-- CreateEnum
CREATE TYPE "ContactOutcome" AS ENUM ('REACHED', 'NO_ANSWER', 'WRONG_NUMBER', 'CALL_BACK', 'NOT_INTERESTED');

-- CreateEnum
CREATE TYPE "StopReason" AS ENUM ('PRICE', 'REP_SERVICE', 'DELIVERY_OR_TERMS', 'COMPETITOR', 'CREDIT', 'CLOSED', 'OTHER');

-- CreateEnum
CREATE TYPE "StopReasonSource" AS ENUM ('CALL', 'INVITATION', 'UNSUBSCRIBE');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'TELESALES';

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "callBackAt" TIMESTAMP(3),
ADD COLUMN     "lastContactAt" TIMESTAMP(3),
ADD COLUMN     "lastContactOutcome" "ContactOutcome",
ADD COLUMN     "phoneWrongAt" TIMESTAMP(3),
ADD COLUMN     "preferredChannel" "ContactChannel",
ADD COLUMN     "whatsapp" TEXT;

-- CreateTable
CREATE TABLE "ContactLog" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "channel" "ContactChannel" NOT NULL,
    "outcome" "ContactOutcome" NOT NULL,
    "callBackAt" TIMESTAMP(3),
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StopReasonAnswer" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "reason" "StopReason" NOT NULL,
    "comment" TEXT,
    "source" "StopReasonSource" NOT NULL,
    "contactLogId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StopReasonAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountNote" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountNote_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "ContactLog" ADD CONSTRAINT "ContactLog_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactLog" ADD CONSTRAINT "ContactLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StopReasonAnswer" ADD CONSTRAINT "StopReasonAnswer_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StopReasonAnswer" ADD CONSTRAINT "StopReasonAnswer_contactLogId_fkey" FOREIGN KEY ("contactLogId") REFERENCES "ContactLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountNote" ADD CONSTRAINT "AccountNote_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountNote" ADD CONSTRAINT "AccountNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

