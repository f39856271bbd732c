import { parseWithZod } from '@conform-to/zod'
import { ImportUploadSchema, MAX_IMPORT_BYTES } from './import-form'

function formData(kind: string | null, file: File | null) {
  const data = new FormData()
  if (kind !== null) data.append('kind', kind)
  data.append('file', file ?? new File([], ''))
  return data
}

describe('the import upload form', () => {
  it('puts a missing file and an unknown kind beside their fields', () => {
    const bad = parseWithZod(formData('CLIENTES', null), { schema: ImportUploadSchema })
    expect(bad.status === 'error' && bad.error).toEqual({
      kind: ['importForm.kind'],
      file: ['imports.missingFile'],
    })
    const none = parseWithZod(formData(null, new File([''], 'vazio.csv')), {
      schema: ImportUploadSchema,
    })
    expect(none.status === 'error' && none.error).toEqual({
      kind: ['importForm.kind'],
      file: ['imports.missingFile'],
    })
  })

  it('refuses a file over the limit before it is sent', () => {
    const big = { name: 'grande.csv', size: MAX_IMPORT_BYTES + 1 }
    const result = ImportUploadSchema.safeParse({ kind: 'ORDERS', file: big })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['imports.tooLarge'])
  })

  it('passes the kind and the file itself on', () => {
    const file = new File(['cnpj;pedido\n'], 'pedidos.csv', { type: 'text/csv' })
    const ok = parseWithZod(formData('ACCOUNTS', file), { schema: ImportUploadSchema })
    expect(ok.status === 'success' && ok.value.kind).toBe('ACCOUNTS')
    expect(ok.status === 'success' && ok.value.file).toBe(file)
  })
})
