/**
 * Example files for the imports: the header (each column's usual name) and two rows, as a CSV
 * Excel in pt-BR opens (`;`, decimal commas, UTF-8 with BOM).
 */
import { type ImportKind } from '@prisma/client'
import { csvLine } from '~/utils/csv-text'

const TEMPLATES: Partial<Record<ImportKind, string[][]>> = {
  PRODUCTS: [
    [
      'SKU',
      'Nome',
      'Família',
      'Unidade',
      'Embalagem',
      'Preço de lista',
      'Estoque',
      'Descrição longa',
      'Ativo',
    ],
    [
      'CIM-CP2-50',
      'Cimento CP-II 50 kg',
      'Cimentos > CP-II',
      'SC',
      '1',
      '38,90',
      '120',
      'Saco de 50 kg',
      'sim',
    ],
    ['ARG-AC1-20', 'Argamassa AC-I 20 kg', 'Argamassas', 'SC', '4', '1.234,56', '', '', 'sim'],
  ],
  PRICE_LISTS: [
    ['Lista', 'Nome da lista', 'SKU', 'Preço', 'Quantidade mínima'],
    ['ATACADO', 'Atacado', 'CIM-CP2-50', '35,50', ''],
    ['ATACADO', 'Atacado', 'CIM-CP2-50', '33,90', '100'],
  ],
}

export function hasTemplate(kind: ImportKind): boolean {
  return kind in TEMPLATES
}

/** The example CSV for `kind`, or null when there is none. */
export function importTemplate(kind: ImportKind): string | null {
  const rows = TEMPLATES[kind]
  return rows ? `\ufeff${rows.map((row) => csvLine(row)).join('')}` : null
}
