/**
 * Example files for the imports: the header (each column's usual name) and two rows, as a CSV
 * Excel in pt-BR opens (`;`, decimal commas, UTF-8 with BOM); the same as .xlsx in
 * templates.server.ts.
 */
import { type ImportKind } from '@prisma/client'
import { csvLine } from '~/utils/csv-text'

export const TEMPLATES: Record<ImportKind, string[][]> = {
  ORDERS: [
    [
      'CNPJ',
      'Número do pedido',
      'Data do pedido',
      'Código do produto',
      'Descrição',
      'Quantidade',
      'Preço unitário',
    ],
    [
      '11.222.333/0001-81',
      '90001',
      '15/10/2026',
      'CIM-CP2-50',
      'Cimento CP-II 50 kg',
      '10',
      '38,90',
    ],
    [
      '11.222.333/0001-81',
      '90001',
      '15/10/2026',
      'ARG-AC1-20',
      'Argamassa AC-I 20 kg',
      '4',
      '1.234,56',
    ],
  ],
  ORDER_STATUSES: [
    ['Pedido no portal', 'Situação', 'Nota fiscal', 'Código de rastreio', 'Data'],
    ['1042', 'Faturado', '000123456', '', '16/10/2026'],
    ['1043', 'Em transporte', '000123460', 'BR123456789BR', '17/10/2026'],
  ],
  ACCOUNTS: [
    [
      'CNPJ',
      'Razão social',
      'Nome fantasia',
      'E-mail',
      'Telefone',
      'Endereço',
      'Cidade',
      'UF',
      'CEP',
      'Segmento',
      'Representante',
      'Pedido mínimo',
    ],
    [
      '11.222.333/0001-81',
      'Construção São José Ltda',
      'Construção São José',
      'compras@saojose.com.br',
      '(81) 3333-4444',
      'Rua da Aurora, 100',
      'Recife',
      'PE',
      '50050-000',
      'Home center',
      'R01',
      '500,00',
    ],
    [
      '45.723.174/0001-10',
      'Depósito Bela Vista Ltda',
      '',
      '',
      '',
      '',
      'Araraquara',
      'SP',
      '',
      '',
      '',
      '',
    ],
  ],
  REPS: [
    ['Código', 'Nome', 'E-mail', 'Telefone', 'Comissão'],
    ['R01', 'Ana Souza', 'ana.souza@exemplo.com.br', '(11) 98888-7777', '3,5'],
    ['R02', 'Bruno Lima', 'bruno.lima@exemplo.com.br', '', '4'],
  ],
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
  const rows = TEMPLATES[kind] as string[][] | undefined
  return rows ? `\ufeff${rows.map((row) => csvLine(row)).join('')}` : null
}
