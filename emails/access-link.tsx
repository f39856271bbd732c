import { DEMO_BRAND } from './layout'
import { BuyerInvitationEmail, type BuyerLinkProps } from './buyer-invitation'

/**
 * The answer to a request for access ("Solicitar acesso"), sent when the email is a contact of
 * the account or when the sales team approved it: choose a password, then the storefront.
 */
export function AccessLinkEmail(props: BuyerLinkProps) {
  return <BuyerInvitationEmail {...props} requested />
}

AccessLinkEmail.PreviewProps = {
  brand: DEMO_BRAND,
  locale: 'pt-BR',
  name: 'Maria',
  accountName: 'Casa do Construtor Silva',
  url: 'http://localhost:3000/auth/reset-password?token=exemplo&welcome=1&signin=1',
  expiresOn: '09/12/2026 10:00',
} satisfies BuyerLinkProps

export default AccessLinkEmail
