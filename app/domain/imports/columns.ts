import { type ImportKind } from '@prisma/client'
import { normalizeHeader } from '~/utils/csv-text'

const SKU_ALIASES = [
  'sku',
  'codigo',
  'codigodoproduto',
  'codigoproduto',
  'codproduto',
  'produtocodigo',
  'referencia',
  'ref',
  'code',
]

/** Catalog imports: the products, and the prices of price lists. */
const CATALOG_COLUMNS: Record<'PRODUCTS' | 'PRICE_LISTS', ColumnSpec[]> = {
  PRODUCTS: [
    { name: 'sku', required: true, aliases: SKU_ALIASES },
    {
      name: 'nome',
      required: true,
      aliases: ['nome', 'descricao', 'nomeproduto', 'nomedoproduto', 'descricaoproduto', 'name'],
    },
    {
      name: 'familia',
      required: true,
      aliases: ['familia', 'categoria', 'grupo', 'familiadoproduto', 'family', 'category'],
    },
    { name: 'unidade', required: false, aliases: ['unidade', 'un', 'und', 'unid', 'unit'] },
    {
      name: 'embalagem',
      required: false,
      aliases: [
        'embalagem',
        'qtdporembalagem',
        'quantidadeporembalagem',
        'qtdembalagem',
        'multiplo',
        'packsize',
      ],
    },
    {
      name: 'precoLista',
      required: true,
      aliases: [
        'precodelista',
        'precolista',
        'preco',
        'precounitario',
        'valorunitario',
        'vlrunitario',
        'valor',
        'listprice',
        'price',
      ],
    },
    { name: 'estoque', required: false, aliases: ['estoque', 'saldo', 'qtdestoque', 'stock'] },
    {
      name: 'descricaoLonga',
      required: false,
      aliases: ['descricaolonga', 'descricaodetalhada', 'detalhes', 'longdescription'],
    },
    { name: 'ativo', required: false, aliases: ['ativo', 'situacao', 'active'] },
  ],
  PRICE_LISTS: [
    {
      name: 'lista',
      required: true,
      aliases: [
        'lista',
        'listadepreco',
        'listadeprecos',
        'codigodalista',
        'codigolista',
        'tabela',
        'tabeladepreco',
        'tabeladeprecos',
        'pricelist',
      ],
    },
    { name: 'nomeLista', required: false, aliases: ['nomedalista', 'nomelista', 'nometabela'] },
    { name: 'sku', required: true, aliases: SKU_ALIASES },
    {
      name: 'preco',
      required: true,
      aliases: ['preco', 'precounitario', 'valorunitario', 'vlrunitario', 'valor', 'price'],
    },
    {
      name: 'quantidadeMinima',
      required: false,
      aliases: ['quantidademinima', 'qtdminima', 'qtdmin', 'qtdemin', 'apartirde', 'minquantity'],
    },
  ],
}

/** Columns each import understands: the canonical name and the headers ERPs use for it. */
type ColumnSpec = { name: string; required: boolean; aliases: string[] }

export const COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  ...CATALOG_COLUMNS,
  ORDERS: [
    { name: 'cnpj', required: true, aliases: ['cnpj', 'cnpjcliente', 'clientecnpj', 'cpfcnpj'] },
    {
      name: 'pedido',
      required: true,
      aliases: [
        'numerodopedido',
        'nropedido',
        'numpedido',
        'pedidonumero',
        'pedido',
        'numeropedido',
        'nrpedido',
        'npedido',
        'numero',
        'pedidoerp',
        'documento',
        'order',
      ],
    },
    {
      name: 'data',
      required: true,
      aliases: [
        'datadopedido',
        'datadeemissao',
        'data',
        'datapedido',
        'datadopedido',
        'dataemissao',
        'datadeemissao',
        'emissao',
        'date',
      ],
    },
    {
      name: 'sku',
      required: true,
      aliases: [
        'codigodoproduto',
        'sku',
        'codigo',
        'codigoproduto',
        'codigodoproduto',
        'codproduto',
        'produtocodigo',
        'referencia',
      ],
    },
    {
      name: 'quantidade',
      required: true,
      aliases: ['quantidade', 'qtd', 'qtde', 'quant', 'quantity'],
    },
    {
      name: 'preco',
      required: true,
      aliases: [
        'vlrunitario',
        'precounitariors',
        'precounitario',
        'preco',
        'valorunitario',
        'vlunitario',
        'vlrunitario',
        'unitario',
        'price',
      ],
    },
    {
      name: 'produto',
      required: false,
      aliases: ['produto', 'descricao', 'nomeproduto', 'descricaoproduto'],
    },
    // The customer as the ERP names it: enough to create an account the portal lacks.
    {
      name: 'cliente',
      required: false,
      aliases: [
        'razaosocial',
        'razao',
        'razaosocialcliente',
        'cliente',
        'nomecliente',
        'nomedocliente',
        'clientenome',
        'nome',
        'customer',
        'legalname',
      ],
    },
    { name: 'nomeFantasia', required: false, aliases: ['nomefantasia', 'fantasia', 'tradename'] },
    { name: 'cidade', required: false, aliases: ['cidade', 'municipio', 'cidadecliente', 'city'] },
    { name: 'uf', required: false, aliases: ['uf', 'estado', 'ufcliente', 'state'] },
  ],
  ACCOUNTS: [
    { name: 'cnpj', required: true, aliases: ['cnpj', 'cpfcnpj'] },
    { name: 'razaoSocial', required: true, aliases: ['razaosocial', 'razao', 'nome', 'legalname'] },
    { name: 'nomeFantasia', required: false, aliases: ['nomefantasia', 'fantasia', 'tradename'] },
    { name: 'email', required: false, aliases: ['email', 'emailcontato'] },
    { name: 'telefone', required: false, aliases: ['telefone', 'fone', 'phone'] },
    { name: 'whatsapp', required: false, aliases: ['whatsapp', 'celular', 'zap', 'wpp'] },
    { name: 'endereco', required: false, aliases: ['endereco', 'logradouro', 'street'] },
    { name: 'cidade', required: true, aliases: ['cidade', 'municipio', 'city'] },
    { name: 'uf', required: true, aliases: ['uf', 'estado', 'state'] },
    { name: 'cep', required: false, aliases: ['cep', 'postalcode'] },
    { name: 'segmento', required: false, aliases: ['segmento', 'segment', 'ramo'] },
    {
      name: 'representante',
      required: false,
      aliases: ['representante', 'codigorepresentante', 'rep', 'vendedor'],
    },
    { name: 'pedidoMinimo', required: false, aliases: ['pedidominimo', 'minimo', 'valorminimo'] },
  ],
  ORDER_STATUSES: [
    {
      name: 'pedido',
      required: true,
      aliases: [
        'pedidonoportal',
        'pedidoportal',
        'numeropedidoportal',
        'numerodopedidonoportal',
        'pedidoreativa',
        'pedido',
        'numerodopedido',
        'numeropedido',
        'nropedido',
        'order',
      ],
    },
    {
      name: 'situacao',
      required: true,
      aliases: ['situacao', 'status', 'situacaodopedido', 'statusdopedido', 'etapa'],
    },
    {
      name: 'notaFiscal',
      required: false,
      aliases: [
        'notafiscal',
        'nf',
        'nfe',
        'numeronf',
        'numerodanotafiscal',
        'numeronotafiscal',
        'invoice',
      ],
    },
    {
      name: 'rastreio',
      required: false,
      aliases: ['rastreio', 'codigoderastreio', 'codigorastreio', 'rastreamento', 'tracking'],
    },
    { name: 'data', required: false, aliases: ['data', 'datadasituacao', 'dataevento', 'date'] },
  ],
  REPS: [
    { name: 'codigo', required: true, aliases: ['codigo', 'cod', 'codigorepresentante', 'code'] },
    { name: 'nome', required: true, aliases: ['nome', 'representante', 'name'] },
    { name: 'email', required: true, aliases: ['email'] },
    { name: 'telefone', required: false, aliases: ['telefone', 'fone', 'celular', 'phone'] },
    {
      name: 'comissao',
      required: false,
      aliases: ['comissao', 'percentualcomissao', 'comissaopercentual'],
    },
  ],
}

export type HeaderMap = { index: Record<string, number>; missing: string[] }

/** Maps canonical column names to positions in the file's header. */
export function mapHeader(kind: ImportKind, header: readonly string[]): HeaderMap {
  const positions = new Map(header.map((name, i) => [normalizeHeader(name), i]))
  const index: Record<string, number> = {}
  const missing: string[] = []
  for (const column of COLUMNS[kind]) {
    const found = column.aliases.map((alias) => positions.get(alias)).find((i) => i !== undefined)
    if (found !== undefined) index[column.name] = found
    else if (column.required) missing.push(column.name)
  }
  return { index, missing }
}
