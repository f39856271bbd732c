import { render } from '@react-email/render'
import { AccessLinkEmail } from './access-link'
import { BuyerInvitationEmail } from './buyer-invitation'

const props = AccessLinkEmail.PreviewProps

describe('a buyer’s set-password link', () => {
  it('answers a request for access with its own words, and tells a stranger to ignore it', async () => {
    const text = await render(<AccessLinkEmail {...props} />, { plainText: true })
    expect(text).toContain('Recebemos seu pedido de acesso')
    expect(text).toContain('O link vale até 09/12/2026 10:00 e funciona uma vez.')
    expect(text).toContain('Se não foi você quem pediu, ignore este e-mail.')
    expect(text).toContain(props.url)
  })

  it('invites a buyer added by someone else without the request’s words', async () => {
    const text = await render(<BuyerInvitationEmail {...props} />, { plainText: true })
    expect(text).not.toContain('Se não foi você quem pediu')
    expect(text).not.toContain('Recebemos seu pedido de acesso')
    expect(text).toContain(props.url)
  })
})
