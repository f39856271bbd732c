-- CreateEnum
CREATE TYPE "InvitationChannel" AS ENUM ('EMAIL', 'WHATSAPP');

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "channel" "InvitationChannel" NOT NULL DEFAULT 'EMAIL';

