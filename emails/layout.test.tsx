import { render } from '@react-email/render'
import { PasswordResetEmail } from './password-reset'
import { DEMO_BRAND } from './layout'

const email = (brand: typeof DEMO_BRAND) =>
  render(<PasswordResetEmail brand={brand} locale="pt-BR" name="Ana" resetUrl="https://x.test/r" />)

describe('the brand at the top of every email', () => {
  it('is the logo, by absolute address, 48 px high, with the company name as its text', async () => {
    const html = await email({
      ...DEMO_BRAND,
      companyName: 'Aurora Materiais',
      logo: { emailUrl: 'https://portal.test/images/abc/480.png', width: 400, height: 100 },
    })
    expect(html).toMatch(/<img[^>]+src="https:\/\/portal\.test\/images\/abc\/480\.png"/)
    expect(html).toMatch(/<img[^>]+alt="Aurora Materiais"/)
    expect(html).toMatch(/<img[^>]+width="192"[^>]+height="48"|height="48"[^>]+width="192"/)
  })

  it('is the company name as text without a logo', async () => {
    const html = await email({ ...DEMO_BRAND, companyName: 'Aurora Materiais', logo: null })
    expect(html).not.toContain('<img')
    expect(html).toContain('Aurora Materiais')
  })
})
