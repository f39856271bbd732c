/** Names for the demo manufacturer: a Brazilian building-materials industry. */

/** Every demo login's password (README). */
export const DEMO_PASSWORD = 'reativa123'
/** The demo manufacturer's name, as its admin set it in the settings. */
export const DEMO_COMPANY = 'Solidez Materiais'

export type FamilySeed = {
  slug: string
  name: string
  prefix: string
  unit: string
  children?: { slug: string; name: string; products: ProductSeed[] }[]
  products?: ProductSeed[]
}
/** name, base price in cents, pack size, variants appended to the name */
export type ProductSeed = [name: string, priceCents: number, packSize: number, variants: string[]]

export const FAMILIES: FamilySeed[] = [
  {
    slug: 'cimentos-argamassas',
    name: 'Cimentos e Argamassas',
    prefix: 'CIM',
    unit: 'saco',
    products: [
      ['Cimento CP-II 50 kg', 3890, 1, ['', 'Votoran', 'Itaú']],
      ['Cimento CP-III 40 kg', 3490, 1, ['', 'RS']],
      ['Cimento Branco Estrutural 25 kg', 6990, 1, ['']],
      ['Argamassa Colante AC-I 20 kg', 1890, 1, ['Cinza', 'Branca']],
      ['Argamassa Colante AC-II 20 kg', 2690, 1, ['Cinza', 'Branca']],
      ['Argamassa Colante AC-III 20 kg', 3990, 1, ['Cinza', 'Branca']],
      ['Argamassa de Reboco 20 kg', 1490, 1, ['']],
      ['Cal Hidratada CH-III 20 kg', 1690, 1, ['']],
      ['Rejunte Flexível 1 kg', 990, 6, ['Cinza Platina', 'Branco', 'Marfim', 'Corda']],
    ],
  },
  {
    slug: 'tintas',
    name: 'Tintas e Vernizes',
    prefix: 'TIN',
    unit: 'lata',
    children: [
      {
        slug: 'tinta-acrilica',
        name: 'Tinta Acrílica',
        products: [
          ['Tinta Acrílica Fosca 18 L', 28990, 1, ['Branco Neve', 'Gelo', 'Areia', 'Pérola']],
          ['Tinta Acrílica Semibrilho 3,6 L', 8990, 1, ['Branco', 'Camurça', 'Azul Sereno']],
          ['Tinta Látex PVA 18 L', 15990, 1, ['Branco', 'Palha']],
        ],
      },
      {
        slug: 'esmaltes-vernizes',
        name: 'Esmaltes e Vernizes',
        products: [
          [
            'Esmalte Sintético Brilhante 900 ml',
            4290,
            6,
            ['Branco', 'Preto', 'Vermelho', 'Tabaco'],
          ],
          ['Verniz Marítimo 3,6 L', 11990, 1, ['Natural', 'Imbuia']],
          ['Fundo Preparador de Paredes 3,6 L', 6490, 1, ['']],
        ],
      },
    ],
  },
  {
    slug: 'hidraulica',
    name: 'Hidráulica',
    prefix: 'HID',
    unit: 'pç',
    children: [
      {
        slug: 'tubos-conexoes',
        name: 'Tubos e Conexões',
        products: [
          ['Tubo PVC Água Fria 6 m', 2490, 1, ['20 mm', '25 mm', '32 mm', '50 mm']],
          ['Tubo PVC Esgoto 6 m', 3290, 1, ['40 mm', '50 mm', '100 mm']],
          ['Joelho 90° Soldável', 120, 10, ['20 mm', '25 mm', '32 mm']],
          ['Tê Soldável', 190, 10, ['20 mm', '25 mm']],
        ],
      },
      {
        slug: 'registros-valvulas',
        name: 'Registros e Válvulas',
        products: [
          ['Registro de Gaveta Bruto', 3990, 1, ['1/2"', '3/4"', '1"']],
          ['Registro de Pressão com Acabamento', 8990, 1, ['Cromado', 'Preto Fosco']],
          ['Válvula de Descarga', 14990, 1, ['1 1/2"']],
        ],
      },
    ],
  },
  {
    slug: 'eletrica',
    name: 'Elétrica',
    prefix: 'ELE',
    unit: 'rolo',
    products: [
      ['Cabo Flexível 100 m', 18990, 1, ['1,5 mm²', '2,5 mm²', '4 mm²', '6 mm²']],
      ['Disjuntor Unipolar', 1490, 10, ['10 A', '16 A', '20 A', '32 A']],
      ['Tomada 2P+T 10 A', 890, 10, ['Branca', 'Preta']],
      ['Interruptor Simples', 690, 10, ['Branco']],
      ['Eletroduto Corrugado 50 m', 4990, 1, ['3/4"', '1"']],
    ],
  },
  {
    slug: 'ferragens',
    name: 'Ferragens',
    prefix: 'FER',
    unit: 'cx',
    products: [
      ['Parafuso Chipboard cx 500', 2990, 1, ['3,5x30', '4,0x40', '4,5x50']],
      ['Prego com Cabeça 1 kg', 1590, 5, ['15x15', '17x27', '18x30']],
      ['Bucha de Nylon cx 100', 990, 1, ['S6', 'S8', 'S10']],
      ['Dobradiça de Aço 3"', 1290, 6, ['Zincada', 'Cromada']],
      ['Fechadura Externa', 7990, 1, ['Cromada', 'Bronze']],
    ],
  },
  {
    slug: 'ferramentas',
    name: 'Ferramentas',
    prefix: 'FRM',
    unit: 'un',
    products: [
      ['Colher de Pedreiro 8"', 2490, 1, ['']],
      ['Desempenadeira de Aço Dentada', 3290, 1, ['']],
      ['Trena de Aço', 1990, 1, ['5 m', '8 m']],
      ['Nível de Alumínio', 3990, 1, ['30 cm', '60 cm']],
      ['Martelo Unha', 3490, 1, ['27 mm']],
      ['Carrinho de Mão 60 L', 21990, 1, ['Pneu com Câmara']],
      ['Pá Quadrada com Cabo', 4590, 1, ['']],
      ['Serrote Profissional 22"', 4990, 1, ['']],
    ],
  },
  {
    slug: 'pisos-revestimentos',
    name: 'Pisos e Revestimentos',
    prefix: 'PIS',
    unit: 'm²',
    products: [
      ['Piso Cerâmico 45x45', 2990, 2, ['Bege Acetinado', 'Cinza Urbano', 'Madeira Clara']],
      ['Porcelanato Polido 60x60', 6990, 2, ['Branco Gelo', 'Marmorizado']],
      ['Revestimento de Parede 32x57', 3490, 2, ['Branco Brilhante', 'Cimento Queimado']],
      ['Rodapé Cerâmico 10x60', 890, 10, ['Bege', 'Cinza']],
    ],
  },
  {
    slug: 'loucas-metais',
    name: 'Louças e Metais',
    prefix: 'LOU',
    unit: 'pç',
    products: [
      ['Bacia Sanitária com Caixa Acoplada', 49990, 1, ['Branca']],
      ['Lavatório de Coluna', 18990, 1, ['Branco']],
      ['Torneira de Cozinha Bica Alta', 12990, 1, ['Cromada', 'Preta']],
      ['Chuveiro Elétrico 5500 W', 8990, 1, ['127 V', '220 V']],
      ['Misturador Monocomando', 29990, 1, ['Cromado']],
    ],
  },
  {
    slug: 'impermeabilizantes',
    name: 'Impermeabilizantes',
    prefix: 'IMP',
    unit: 'bd',
    products: [
      ['Manta Asfáltica 3 mm 10 m²', 24990, 1, ['']],
      ['Impermeabilizante Acrílico 18 kg', 27990, 1, ['Branco']],
      ['Aditivo Impermeabilizante 3,6 L', 3990, 4, ['']],
      ['Selante de Poliuretano 400 g', 2490, 12, ['Branco', 'Cinza']],
    ],
  },
  {
    slug: 'madeiras',
    name: 'Madeiras',
    prefix: 'MAD',
    unit: 'pç',
    products: [
      ['Caibro de Pinus 3 m', 2490, 10, ['5x5 cm', '5x7 cm']],
      ['Sarrafo de Pinus 3 m', 990, 10, ['2,5x5 cm', '2,5x7 cm']],
      ['Compensado Naval 2,20x1,60 m', 18990, 1, ['15 mm', '18 mm']],
      ['Porta de Madeira Semi-oca', 23990, 1, ['70 cm', '80 cm']],
    ],
  },
  {
    slug: 'telhas-coberturas',
    name: 'Telhas e Coberturas',
    prefix: 'TEL',
    unit: 'pç',
    products: [
      ['Telha de Fibrocimento 2,44x1,10 m', 5990, 1, ['5 mm', '6 mm']],
      ['Telha Cerâmica Colonial', 190, 50, ['Natural', 'Esmaltada']],
      ['Cumeeira de Fibrocimento', 3490, 1, ['Normal', 'Articulada']],
      ['Calha de PVC 3 m', 6990, 1, ['Branca']],
    ],
  },
  {
    slug: 'iluminacao',
    name: 'Iluminação',
    prefix: 'ILU',
    unit: 'un',
    products: [
      ['Lâmpada LED Bulbo', 990, 10, ['9 W', '12 W', '15 W']],
      ['Luminária Plafon LED', 3990, 1, ['18 W', '24 W']],
      ['Refletor LED', 5990, 1, ['50 W', '100 W']],
      ['Fita LED 5 m', 4990, 1, ['Branco Quente', 'Branco Frio']],
    ],
  },
]

export const STATES: { uf: string; cities: string[]; weight: number }[] = [
  {
    uf: 'SP',
    cities: [
      'São Paulo',
      'Campinas',
      'Ribeirão Preto',
      'Sorocaba',
      'São José dos Campos',
      'Bauru',
      'Piracicaba',
    ],
    weight: 24,
  },
  {
    uf: 'MG',
    cities: ['Belo Horizonte', 'Uberlândia', 'Juiz de Fora', 'Montes Claros', 'Contagem'],
    weight: 12,
  },
  {
    uf: 'RJ',
    cities: ['Rio de Janeiro', 'Niterói', 'Campos dos Goytacazes', 'Volta Redonda'],
    weight: 9,
  },
  { uf: 'PR', cities: ['Curitiba', 'Londrina', 'Maringá', 'Cascavel'], weight: 8 },
  { uf: 'SC', cities: ['Florianópolis', 'Joinville', 'Blumenau', 'Chapecó'], weight: 6 },
  { uf: 'RS', cities: ['Porto Alegre', 'Caxias do Sul', 'Pelotas', 'Santa Maria'], weight: 7 },
  { uf: 'BA', cities: ['Salvador', 'Feira de Santana', 'Vitória da Conquista'], weight: 7 },
  { uf: 'PE', cities: ['Recife', 'Caruaru', 'Petrolina'], weight: 5 },
  { uf: 'CE', cities: ['Fortaleza', 'Juazeiro do Norte', 'Sobral'], weight: 5 },
  { uf: 'GO', cities: ['Goiânia', 'Anápolis', 'Rio Verde'], weight: 5 },
  { uf: 'ES', cities: ['Vitória', 'Vila Velha', 'Cachoeiro de Itapemirim'], weight: 3 },
  { uf: 'PA', cities: ['Belém', 'Santarém', 'Marabá'], weight: 3 },
  { uf: 'MT', cities: ['Cuiabá', 'Rondonópolis', 'Sinop'], weight: 3 },
  { uf: 'DF', cities: ['Brasília'], weight: 3 },
]

export const STORE_WORDS = [
  'Casa do Construtor',
  'Depósito',
  'Materiais de Construção',
  'Constrular',
  'Home Center',
  'Madeireira',
  'Ferragista',
  'Tintas',
  'Elétrica e Hidráulica',
  'Obra Certa',
]
export const SURNAMES = [
  'Silva',
  'Souza',
  'Oliveira',
  'Pereira',
  'Almeida',
  'Costa',
  'Rodrigues',
  'Ferreira',
  'Gomes',
  'Ribeiro',
  'Carvalho',
  'Araújo',
  'Barbosa',
  'Rocha',
  'Dias',
  'Teixeira',
  'Moreira',
  'Cardoso',
  'Mendes',
  'Nascimento',
  'Lopes',
  'Batista',
  'Freitas',
  'Correia',
  'Vieira',
  'Monteiro',
  'Conceição',
  'São João',
  'Irmãos Tavares',
  'Brandão',
]
export const FIRST_NAMES = [
  'Ana',
  'João',
  'Maria',
  'José',
  'Francisca',
  'Antônio',
  'Luíza',
  'Carlos',
  'Patrícia',
  'Paulo',
  'Fernanda',
  'Lucas',
  'Juliana',
  'Márcio',
  'Sebastião',
  'Cláudia',
  'Rafael',
  'Aline',
  'Rogério',
  'Débora',
]
export const SEGMENTS = [
  'Material de construção',
  'Home center',
  'Tintas',
  'Elétrica e hidráulica',
  'Madeireira',
]
