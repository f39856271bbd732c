-- AlterEnum
ALTER TYPE "ImportStatus" ADD VALUE 'DISCARDED';

