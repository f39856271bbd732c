import { expect, test } from './fixtures'

// The payment methods are one setting for every buyer: this runs alone, after the parallel specs.

test('the manager chooses which methods Checkout offers; none at all is refused', async ({
  managerPage: page,
}) => {
  await page.goto('/admin/settings')
  await expect(page.getByTestId('stripe-state')).toHaveText(
    /Stripe configurado: os compradores podem pagar/,
  )
  const pix = page.getByRole('checkbox', { name: 'PIX' })
  const card = page.getByRole('checkbox', { name: 'Cartão' })
  const save = page.getByRole('button', { name: 'Salvar meios de pagamento' })

  await card.uncheck()
  await save.click()
  await expect(page.getByText('Escolha ao menos um meio de pagamento.')).toBeVisible()
  await page.reload()
  await expect(card).toBeChecked()

  await pix.check()
  await save.click()
  await expect(page.getByText('Meios de pagamento salvos.')).toBeVisible()
  await page.reload()
  await expect(pix).toBeChecked()
  await expect(card).toBeChecked()
})
