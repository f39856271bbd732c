import { uploadedFileName } from './uploads.server'

describe('an uploaded file’s name', () => {
  it('is the name the browser sent, accents kept', () => {
    expect(uploadedFileName('Vendas março 2026.csv')).toBe('Vendas março 2026.csv')
  })

  it('loses a path and control characters', () => {
    expect(uploadedFileName('C:\\Users\\ana\\clientes.xlsx')).toBe('clientes.xlsx')
    expect(uploadedFileName('../../etc/passwd')).toBe('passwd')
    expect(uploadedFileName('pedidos\u0000\r\n.csv')).toBe('pedidos.csv')
    expect(uploadedFileName(' / ')).toBeNull()
  })

  it('is cut at 200 characters, keeping its extension', () => {
    const name = uploadedFileName(`${'a'.repeat(300)}.xlsx`)!
    expect(name).toHaveLength(200)
    expect(name.endsWith('.xlsx')).toBe(true)
  })
})
