// Reads a worked maths answer and checks that the arithmetic it states is right and reaches its final number.

/**
 * What the working of one answer shows. A step is an equation whose left side computes something
 * ("3 × 4 = 12", "20% of 50 = $10", "\frac{12}{2} = 6"); a bare assignment ("x = 5", "Total = 12")
 * states nothing that can be checked and is not counted.
 */
export interface SolutionCheck {
  /** Steps whose both sides could be evaluated. */
  checked: number
  /** Of those, the ones whose stated result is not what the left side computes. */
  wrong: number
  /** The final number the working was checked against (the answer's extracted one), or null. */
  final: number | null
  /** The final number is the result of a step (a right one or not); false without a final number. */
  finalReached: boolean
  /**
   * What the checked steps computed, in order (at most MAX_RESULTS): another answer whose working passes
   * through this answer's final number and goes on suggests this one stopped a step short.
   */
  results: number[]
}

/** Step results kept per answer. */
export const MAX_RESULTS = 64

/** Long answers are read up to this many characters: a bounded scan, whatever a provider returns. */
export const MAX_SCAN_CHARS = 30_000
/** At most this many equations are examined per answer. */
const MAX_EQUATIONS = 200
/** A step's left side is looked for among at most this many tokens before its "=". */
const MAX_LEFT_TOKENS = 40
/** Words after a number read as its unit ("12 apples", "60 miles per hour") in an expression. */
const MAX_UNIT_WORDS = 3

const enum T { Num, Op, LParen, RParen, Eq, Approx, Word, Break }

/** Every field always present, so the tokens share one shape (one hidden class for the engine). */
interface Token {
  t: T
  /** Num: the value as most texts mean it. */
  value: number
  /** Num: the other reading of an ambiguous separator ("1,500" could be 1.5 in Portuguese, "1.500" 1500); else the value. */
  alt: number
  percent: boolean
  /** Num: decimals written, for the rounding a stated result may have. */
  decimals: number
  /** Num: part of a date, time, phone number, version or zero-padded code, never arithmetic. */
  inert: boolean
  /** Whitespace before this token (a "3-5" range and a "3 - 5" subtraction differ only there). */
  spaced: boolean
  /** Op: + - * / of x, w+ w- w* w/ for operators written as words; Word and Break: the text. */
  text: string
}

function makeToken (t: T, spaced: boolean, text = ''): Token {
  return { t, value: 0, alt: 0, percent: false, decimals: 0, inert: false, spaced, text }
}

/** A letter of any script (checked only past ASCII, where it is rare). */
const LETTER = /\p{L}/u

function isDigit (code: number): boolean {
  return code >= 48 && code <= 57
}

function isLetter (text: string, i: number, code: number): boolean {
  const lower = code | 32
  return (lower >= 97 && lower <= 122) || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && LETTER.test(text[i]))
}

function isSpace (code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0 || code === 0x2009 || code === 0x202f
}

const OP_SYMBOL: Record<string, string> = {
  '+': '+', '-': '-', '−': '-', '–': '-', '*': '*', '×': '*', '·': '*', '⋅': '*', '∙': '*', '/': '/', '÷': '/', '∕': '/', '^': '^', '√': '√'
}
/** Superscript powers ("3²"): read as "^2". */
const SUPERSCRIPT: Record<string, number> = { '²': 2, '³': 3 }
/**
 * Words with a meaning in arithmetic, English and Portuguese: operators ("times", "vezes"; "divided by",
 * "dividido por", whose second word is skipped), "of"/"de" (a product only after a percentage or a
 * fraction: "20% of 50", "1/2 de 30"), "percent" and the letter x.
 */
const KEYWORDS = new Map<string, string>([
  ['times', 'w*'], ['multiplied', 'w*'], ['vezes', 'w*'], ['multiplicado', 'w*'],
  ['plus', 'w+'], ['mais', 'w+'], ['minus', 'w-'], ['menos', 'w-'],
  ['divided', 'w/'], ['dividido', 'w/'], ['over', 'w/'],
  ['by', 'tail'], ['por', 'tail'],
  ['of', 'of'], ['de', 'of'], ['do', 'of'], ['da', 'of'],
  ['percent', '%'], ['porcento', '%'],
  ['x', 'x']
])
/**
 * Units of measure, English and Portuguese, by dimension: a sum of inches and feet, or of minutes and
 * hours, adds quantities that cannot be added as written ("1200 inches + 120 feet = 1320 feet").
 */
const MEASURE_WORDS: Record<string, readonly string[]> = {
  'length:inch': ['inch', 'inches', 'polegada', 'polegadas'],
  'length:foot': ['foot', 'feet', 'ft', 'pé', 'pés'],
  'length:yard': ['yard', 'yards', 'jarda', 'jardas'],
  'length:mile': ['mile', 'miles', 'milha', 'milhas'],
  'length:mm': ['mm', 'millimeter', 'millimeters', 'milímetro', 'milímetros'],
  'length:cm': ['cm', 'centimeter', 'centimeters', 'centimetre', 'centimetres', 'centímetro', 'centímetros'],
  'length:m': ['meter', 'meters', 'metre', 'metres', 'metro', 'metros'],
  'length:km': ['km', 'kilometer', 'kilometers', 'kilometre', 'kilometres', 'quilômetro', 'quilômetros'],
  'time:second': ['second', 'seconds', 'sec', 'secs', 'segundo', 'segundos'],
  'time:minute': ['minute', 'minutes', 'min', 'mins', 'minuto', 'minutos'],
  'time:hour': ['hour', 'hours', 'hr', 'hrs', 'hora', 'horas'],
  'time:day': ['day', 'days', 'dia', 'dias'],
  'time:week': ['week', 'weeks', 'semana', 'semanas'],
  'time:month': ['month', 'months', 'mês', 'meses'],
  'time:year': ['year', 'years', 'ano', 'anos'],
  'money:cent': ['cent', 'cents', 'centavo', 'centavos'],
  'money:dollar': ['dollar', 'dollars', 'dólar', 'dólares'],
  'mass:gram': ['gram', 'grams', 'grama', 'gramas'],
  'mass:kg': ['kg', 'kilogram', 'kilograms', 'quilo', 'quilos', 'quilograma', 'quilogramas'],
  'mass:pound': ['pound', 'pounds', 'lb', 'lbs', 'libra', 'libras'],
  'mass:ounce': ['ounce', 'ounces', 'oz', 'onça', 'onças'],
  'volume:ml': ['ml', 'milliliter', 'milliliters', 'millilitre', 'millilitres', 'mililitro', 'mililitros'],
  'volume:liter': ['liter', 'liters', 'litre', 'litres', 'litro', 'litros'],
  'volume:gallon': ['gallon', 'gallons', 'galão', 'galões'],
  'volume:quart': ['quart', 'quarts'],
  'volume:cup': ['cup', 'cups', 'xícara', 'xícaras']
}
/** One shared token per unit of measure (its text is "dimension:unit"). */
const MEASURES = new Map<string, Token>()
for (const [measure, words] of Object.entries(MEASURE_WORDS)) {
  const shared = makeToken(T.Word, true, measure)
  for (const word of words) MEASURES.set(word, shared)
}

/** Words that end an expression even after a number: what follows them is another thought. */
const NOT_UNITS = new Set(['and', 'or', 'so', 'then', 'which', 'is', 'are', 'was', 'were', 'e', 'ou', 'que', 'but', 'to', 'for', 'in', 'on', 'at'])

// LaTeX the models write maths in: products, quotients, fractions without nested braces, escaped signs.
const LATEX_FRAC = /\\[dt]?frac\s*\{([^{}]{1,80})\}\s*\{([^{}]{1,80})\}/g
const LATEX_REPLACEMENTS: readonly [RegExp, string][] = [
  [/\\(?:times|cdot|ast)(?![a-zA-Z])/g, ' × '],
  [/\\div(?![a-zA-Z])/g, ' ÷ '],
  [/\\approx(?![a-zA-Z])/g, ' ≈ '],
  [/\\(?:neq|ne|leq|geq|le|ge|lt|gt)(?![a-zA-Z])/g, ' ; '],
  [/\{,\}|\\,(?=\d{3})/g, ','],
  [/\\[()[\]]/g, ' '],
  [/\\(?:left|right|text|mathrm|textbf|mathbf|boxed|quad|qquad)(?![a-zA-Z])/g, ' ']
]
/** GSM8K-style calculator annotations ("<<3*4=12>>"): the tool's writing, not the answer's claim. */
const ANNOTATION = /<<[^<>\n]{0,200}>>/g
const BOLD = /\*\*|__/g

function prepare (text: string): string {
  let out = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text
  if (out.includes('<<')) out = out.replace(ANNOTATION, '')
  if (out.includes('**') || out.includes('__')) out = out.replace(BOLD, ' ')
  if (out.includes('\\') || out.includes('{')) {
    out = out.replace(LATEX_FRAC, ' ($1) / ($2) ')
    for (const [pattern, replacement] of LATEX_REPLACEMENTS) out = out.replace(pattern, replacement)
    out = out.replace(/\\([%$])/g, '$1').replace(/[{}]/g, ' ')
  }
  return out
}

/** Reads a run of digits and separators: the usual reading, the other one where the separator is ambiguous, or null. */
function readNumber (digits: string, dots: number, commas: number): { value: number, alt?: number, decimals: number } | null {
  if (dots === 0 && commas === 0) return { value: Number(digits), decimals: 0 }
  if (digits.startsWith('.')) return dots === 1 && commas === 0 ? { value: Number('0' + digits), decimals: digits.length - 1 } : null
  if (dots + commas === 1) {
    // The common case, without splitting: "2.5", "2,5", "1,500", "1.500".
    const at = dots === 1 ? digits.indexOf('.') : digits.indexOf(',')
    const fraction = digits.length - at - 1
    const decimal = Number(digits.slice(0, at) + '.' + digits.slice(at + 1))
    if (fraction !== 3 || at > 3 || digits.charCodeAt(0) === 48) return { value: decimal, decimals: fraction }
    const grouped = Number(digits.slice(0, at) + digits.slice(at + 1))
    // One separator before three digits: "1,500" is 1500 in English and 1.5 in Portuguese; "1.500" the reverse.
    return commas === 1 ? { value: grouped, alt: decimal, decimals: 0 } : { value: decimal, alt: grouped, decimals: 3 }
  }
  if (dots > 0 && commas > 0) {
    // "1,234.56" and "1.234,56": the last separator is the decimal one, the other groups thousands.
    const decimal = digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ','
    const thousands = decimal === '.' ? ',' : '.'
    const [whole, fraction] = digits.split(decimal)
    if (fraction === undefined || digits.split(decimal).length !== 2 || !isGrouped(whole, thousands)) return null
    return { value: Number(whole.split(thousands).join('') + '.' + fraction), decimals: fraction.length }
  }
  // Several of one separator: groups of thousands ("1,234,567", "1.234.567") or not a number ("1.2.3").
  const separator = dots > 0 ? '.' : ','
  return isGrouped(digits, separator) ? { value: Number(digits.split(separator).join('')), decimals: 0 } : null
}

function isGrouped (digits: string, separator: string): boolean {
  const groups = digits.split(separator)
  return groups[0].length >= 1 && groups[0].length <= 3 && !groups[0].startsWith('0') && groups.slice(1).every(g => g.length === 3)
}

/** One pass over the characters: no regular expression per token, so the scan stays linear and cheap. */
function tokenize (text: string, start: number, end: number): Token[] {
  const tokens: Token[] = []
  const n = end
  let spaced = true
  let i = start
  while (i < n) {
    const code = text.charCodeAt(i)
    if (isSpace(code)) {
      spaced = true
      i++
      continue
    }
    if (isDigit(code) || (code === 46 && i + 1 < n && isDigit(text.charCodeAt(i + 1)))) {
      // Digits with "." and "," between digits: "1,234.56", "2,5", ".5".
      let j = i + 1
      let dots = code === 46 ? 1 : 0
      let commas = 0
      while (j < n) {
        const d = text.charCodeAt(j)
        if (isDigit(d)) {
          j++
        } else if ((d === 44 || d === 46) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) {
          if (d === 44) commas++
          else dots++
          j++
        } else {
          break
        }
      }
      const digits = text.slice(i, j)
      const read = readNumber(digits, dots, commas)
      const zeroPadded = digits.length > 1 && code === 48 && isDigit(text.charCodeAt(i + 1))
      const number = makeToken(T.Num, spaced)
      number.value = read === null ? NaN : read.value
      number.alt = read?.alt ?? number.value
      number.decimals = read?.decimals ?? 0
      number.inert = read === null || zeroPadded
      tokens.push(number)
      i = j
    } else if (isLetter(text, i, code)) {
      let j = i + 1
      while (j < n && isLetter(text, j, text.charCodeAt(j))) j++
      // No word longer than this has a meaning here: it is a unit or plain prose, never read.
      if (j - i > LONGEST_KEYWORD) {
        tokens.push(UNIT_WORD)
        i = j
        spaced = false
        continue
      }
      const word = text.slice(i, j)
      i = j
      // "R$ 12", "US$ 12": the currency sign of the number that follows.
      if (j < n && text.charCodeAt(j) === 36 && (word.length <= 2) && /^(?:r|us)$/i.test(word)) {
        i++
        continue
      }
      pushWord(tokens, word.toLowerCase(), spaced)
    } else {
      const char = text[i]
      i++
      if (char === '$' || char === '€' || char === '£') {
        // The sign is part of the number that follows; it neither joins nor breaks an expression.
        continue
      } else if (char === '%') {
        const last = tokens[tokens.length - 1]
        if (last?.t === T.Num && !last.percent) last.percent = true
        else tokens.push(makeToken(T.Break, spaced, char))
      } else if (OP_SYMBOL[char] !== undefined) {
        tokens.push(makeToken(T.Op, spaced, OP_SYMBOL[char]))
      } else if (SUPERSCRIPT[char] !== undefined) {
        const exponent = makeToken(T.Num, false)
        exponent.value = exponent.alt = SUPERSCRIPT[char]
        tokens.push(makeToken(T.Op, false, '^'), exponent)
      } else if (char === '=') {
        while (i < n && text.charCodeAt(i) === 61) i++
        // "=>" and "==>" are arrows; "==" is still an equals sign.
        if (i < n && text.charCodeAt(i) === 62) {
          i++
          tokens.push(makeToken(T.Break, spaced, '=>'))
        } else {
          tokens.push(makeToken(T.Eq, spaced))
        }
      } else if (char === '≈' || char === '~') {
        tokens.push(makeToken(T.Approx, spaced))
      } else if (char === '(' || char === '[') {
        tokens.push(makeToken(T.LParen, spaced))
      } else if (char === ')' || char === ']') {
        tokens.push(makeToken(T.RParen, spaced))
      } else {
        tokens.push(makeToken(T.Break, spaced, char))
      }
    }
    spaced = false
  }
  markInert(tokens)
  return tokens
}

/**
 * A word is only ever asked whether it can be a unit ("12 apples") or ends an expression ("and", "x"):
 * two shared tokens, never modified, spare an object per word of prose.
 */
const UNIT_WORD = makeToken(T.Word, true, 'unit')
const OTHER_WORD = makeToken(T.Word, true, '')

/** "per" in "$12 per hour": what follows is the denominator of a rate, not the quantity's own unit. */
const PER_WORD = makeToken(T.Word, true, 'per')

function wordToken (word: string): Token {
  const known = WORDS.get(word)
  return known !== undefined && typeof known !== 'string' ? known : word.length < 2 ? OTHER_WORD : UNIT_WORD
}

/** Every word with a meaning, looked up once per word: an operator's name, or the token it stands for. */
const WORDS = new Map<string, string | Token>([
  ...[...NOT_UNITS].map((w): [string, Token] => [w, OTHER_WORD]),
  ...['per', 'each', 'cada'].map((w): [string, Token] => [w, PER_WORD]),
  ...MEASURES,
  ...KEYWORDS
])
const LONGEST_KEYWORD = Math.max(...[...WORDS.keys()].map(w => w.length))

function pushWord (tokens: Token[], word: string, spaced: boolean): void {
  const known = WORDS.get(word)
  if (known === undefined) {
    tokens.push(word.length < 2 ? OTHER_WORD : UNIT_WORD)
    return
  }
  if (typeof known !== 'string') {
    tokens.push(known)
    return
  }
  const keyword = known
  const last = tokens[tokens.length - 1]
  if (keyword === 'x') {
    // "3 x 4", "3x4": a multiplication when a number follows (decided in markInert, once it is known).
    tokens.push(last !== undefined && (last.t === T.Num || last.t === T.RParen) ? makeToken(T.Op, spaced, 'x') : OTHER_WORD)
  } else if (keyword === 'tail') {
    // "divided by": the operator is the first word.
    if (!(last?.t === T.Op && last.text.startsWith('w'))) tokens.push(wordToken(word))
  } else if (keyword === '%') {
    if (last?.t === T.Num) last.percent = true
    else tokens.push(wordToken(word))
  } else {
    tokens.push(makeToken(T.Op, spaced, keyword))
  }
}

/**
 * Numbers that are not quantities: three or more joined by the same sign without spaces ("2023-05-12",
 * "555-123-4567", "12/05/2024"), the parts of a time or ratio ("10:30"), versions ("1.2.3") and
 * zero-padded codes (already marked). An "x" not followed by a number is a letter, not a product.
 */
function markInert (tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (token.t === T.Op && token.text === 'x') {
      const next = tokens[i + 1]
      if (next?.t === T.Num || next?.t === T.LParen) token.text = '*'
      else tokens[i] = OTHER_WORD
      continue
    }
    if (token.t === T.Break && token.text === ':' && !token.spaced) {
      const before = tokens[i - 1]
      const after = tokens[i + 1]
      if (before?.t === T.Num && after?.t === T.Num && !after.spaced) {
        before.inert = true
        after.inert = true
      }
    }
    // A run Num sep Num sep Num with the same separator and no spaces anywhere.
    if (token.t === T.Num && i + 4 < tokens.length) {
      const sep = tokens[i + 1]
      const second = tokens[i + 3]
      if (sep.t === T.Op && !sep.spaced && (sep.text === '-' || sep.text === '/') && tokens[i + 2].t === T.Num && !tokens[i + 2].spaced &&
        second.t === T.Op && second.text === sep.text && !second.spaced && tokens[i + 4].t === T.Num && !tokens[i + 4].spaced) {
        for (let j = i; j <= i + 4; j += 2) tokens[j].inert = true
      }
    }
  }
}

interface Value {
  value: number
  /** The same with ambiguous separators read the other way. */
  alt: number
  percent: boolean
  /** A fraction a/b: "1/2 of 30". */
  fraction: boolean
  operators: number
  inert: boolean
  /** A sum mixing a percentage and a plain number ("50 + 10%"): no one reading is meant. */
  ambiguous: boolean
  /** Decimals of the number as written, when the value is a lone number. */
  decimals: number
  /** Its unit of measure ("length:inch"), or '' (none, a count, a rate or a product of units). */
  measure: string
  /** Only + and − were applied: the result keeps the unit of its terms. */
  additive: boolean
  /** A sum of quantities in different units of one dimension. */
  clash: boolean
  end: number
}

function sameDimensionOtherUnit (a: string, b: string): boolean {
  if (a === '' || b === '' || a === b) return false
  return a.slice(0, a.indexOf(':')) === b.slice(0, b.indexOf(':'))
}

/** Recursive descent over tokens[pos, limit): expr := term (± term)*, term := unary ((×|÷|of|implicit) unary)*. */
class Parser {
  private depth = 0
  constructor (private readonly tokens: readonly Token[], private readonly limit: number) {}

  expression (pos: number): Value | null {
    let left = this.term(pos)
    if (left === null) return null
    for (;;) {
      const op: Token = this.tokens[left.end]
      if (left.end >= this.limit || op.t !== T.Op || (op.text !== '+' && op.text !== '-' && op.text !== 'w+' && op.text !== 'w-')) return left
      const right = this.term(left.end + 1)
      if (right === null) return left
      const sign: number = op.text.endsWith('+') ? 1 : -1
      left = {
        value: left.value + sign * right.value,
        alt: left.alt + sign * right.alt,
        percent: left.percent && right.percent,
        fraction: false,
        operators: left.operators + right.operators + 1,
        inert: left.inert || right.inert,
        ambiguous: left.ambiguous || right.ambiguous || left.percent !== right.percent,
        decimals: 0,
        measure: left.measure !== '' ? left.measure : right.measure,
        additive: left.additive && right.additive,
        clash: left.clash || right.clash || sameDimensionOtherUnit(left.measure, right.measure),
        end: right.end
      }
    }
  }

  private term (pos: number): Value | null {
    let left = this.unary(pos)
    if (left === null) return null
    for (;;) {
      if (left.end >= this.limit) return left
      const op: Token = this.tokens[left.end]
      let next: number
      let kind: '*' | '/'
      if (op.t === T.Op && (op.text === '*' || op.text === 'w*')) {
        kind = '*'
        next = left.end + 1
      } else if (op.t === T.Op && (op.text === '/' || op.text === 'w/')) {
        kind = '/'
        next = left.end + 1
      } else if (op.t === T.Op && op.text === 'of' && (left.percent || left.fraction)) {
        kind = '*'
        next = left.end + 1
      } else if (op.t === T.LParen && !op.spaced && this.tokens[left.end - 1].t !== T.Word) {
        // "2(3 + 4)": an implicit product.
        kind = '*'
        next = left.end
      } else {
        return left
      }
      const right = this.unary(next)
      if (right === null) return left
      left = {
        value: kind === '*' ? left.value * right.value : left.value / right.value,
        alt: kind === '*' ? left.alt * right.alt : left.alt / right.alt,
        percent: false,
        fraction: kind === '/' && left.operators === 0 && right.operators === 0,
        operators: left.operators + right.operators + 1,
        inert: left.inert || right.inert,
        ambiguous: left.ambiguous || right.ambiguous,
        decimals: 0,
        // A quantity times or over a plain number keeps its unit; a product or ratio of units is left unnamed.
        measure: left.measure !== '' && right.measure !== '' ? '' : kind === '*' ? left.measure + right.measure : left.measure,
        additive: false,
        clash: left.clash || right.clash,
        end: right.end
      }
    }
  }

  private unary (pos: number): Value | null {
    if (pos >= this.limit) return null
    const token = this.tokens[pos]
    if (token.t === T.Op && token.text === '-') {
      const inner = this.unary(pos + 1)
      return inner === null ? null : { ...inner, value: -inner.value, alt: -inner.alt }
    }
    if (token.t === T.Op && token.text === '√') {
      const inner = this.power(pos + 1)
      return inner === null ? null : { ...inner, value: Math.sqrt(inner.value), alt: Math.sqrt(inner.alt), operators: inner.operators + 1, additive: false, measure: '' }
    }
    return this.power(pos)
  }

  /** "2^3", "3²": binds tighter than a sign or a product. */
  private power (pos: number): Value | null {
    const base = this.primary(pos)
    if (base === null || base.end >= this.limit) return base
    const op = this.tokens[base.end]
    if (op.t !== T.Op || op.text !== '^') return base
    const exponent = this.unary(base.end + 1)
    if (exponent === null) return null
    return {
      ...base,
      value: base.value ** exponent.value,
      alt: base.alt ** exponent.alt,
      percent: false,
      fraction: false,
      operators: base.operators + exponent.operators + 1,
      inert: base.inert || exponent.inert,
      ambiguous: base.ambiguous || exponent.ambiguous,
      measure: '',
      additive: false,
      end: exponent.end
    }
  }

  private primary (pos: number): Value | null {
    const token = this.tokens[pos]
    let value: Value
    if (token.t === T.Num) {
      const scale = token.percent ? 0.01 : 1
      value = {
        value: token.value * scale,
        alt: token.alt * scale,
        percent: token.percent,
        fraction: false,
        operators: 0,
        inert: token.inert,
        ambiguous: false,
        decimals: token.decimals,
        measure: '',
        additive: true,
        clash: false,
        end: pos + 1
      }
    } else if (token.t === T.LParen) {
      if (this.depth > 8) return null
      this.depth++
      const inner = this.expression(pos + 1)
      this.depth--
      if (inner === null || inner.end >= this.limit || this.tokens[inner.end].t !== T.RParen) return null
      value = { ...inner, percent: false, fraction: false, end: inner.end + 1 }
    } else {
      return null
    }
    // Units after a quantity: "12 apples", "3 feet", "$3 per hour", "4 inches/roll". The first unit of
    // measure names the quantity's, unless a rate follows ("per", "/"): then it has none that adds up.
    let units = 0
    let measure = ''
    let rate = false
    while (value.end < this.limit && units < MAX_UNIT_WORDS) {
      const next = this.tokens[value.end]
      if (next.t === T.Op && next.text === '/' && value.end + 1 < this.limit && this.tokens[value.end + 1].t === T.Word && this.tokens[value.end + 1].text !== '') {
        rate = true
        value.end += 2
        units++
        continue
      }
      if (next.t !== T.Word || next.text === '') break
      if (next === PER_WORD) rate = true
      else if (measure === '' && next !== UNIT_WORD && units === 0) measure = next.text
      value.end++
      units++
    }
    if (units > 0 && token.t === T.Num) value.measure = rate ? '' : measure
    return value
  }
}

/** A stated result matches when equal, or, where the left side does not come out whole, rounded to the decimals written. */
function matches (computed: number, stated: Value): boolean {
  const candidates = stated.percent ? [stated.value, stated.value * 100] : [stated.value]
  for (const target of candidates) {
    if (Math.abs(computed - target) <= 1e-9 * Math.max(1, Math.abs(target))) return true
    const isWhole = Math.abs(computed - Math.round(computed)) < 1e-9
    if (!isWhole && stated.operators === 0) {
      const decimals = stated.percent && target !== stated.value ? Math.max(0, stated.decimals) : stated.decimals + (stated.percent ? 2 : 0)
      // Rounded or truncated to the decimals shown ("10/3 = 3.33", "= 3.3", "7/2 = 3" for whole items).
      if (Math.abs(computed - target) < 10 ** -decimals + 1e-9) return true
    }
  }
  return false
}

/**
 * Checks each stated step of a worked answer, and whether `final` (its final number, when known) is the
 * result of one of them. Pure, bounded (MAX_SCAN_CHARS, MAX_EQUATIONS) and independent of who wrote it.
 * Only lines with an equals sign are read: a step is written on one line.
 */
export function checkSolution (text: string, final: number | null = null): SolutionCheck {
  const result: SolutionCheck = { checked: 0, wrong: 0, final, finalReached: false, results: [] }
  if (!text.includes('=')) return result
  const prepared = prepare(text)
  let equations = 0
  // From each "=" to the bounds of its line: lines without one are never read.
  for (let eq = prepared.indexOf('='); eq !== -1 && equations < MAX_EQUATIONS;) {
    const start = prepared.lastIndexOf('\n', eq) + 1
    const newline = prepared.indexOf('\n', eq)
    const end = newline === -1 ? prepared.length : newline
    equations += checkLine(tokenize(prepared, start, end), final, result, MAX_EQUATIONS - equations)
    eq = newline === -1 ? -1 : prepared.indexOf('=', newline)
  }
  return result
}

function checkLine (tokens: readonly Token[], final: number | null, result: SolutionCheck, budget: number): number {
  let equations = 0
  for (let i = 0; i < tokens.length && equations < budget; i++) {
    if (tokens[i].t !== T.Eq) continue
    equations++
    const right = new Parser(tokens, tokens.length).expression(i + 1)
    if (right === null || Number.isNaN(right.value)) continue
    const after = tokens[right.end]
    // The stated result goes on with a symbol this reading does not know ("= 3!", "= 2∛5").
    if (after !== undefined && after.t === T.Break && !after.spaced && !SENTENCE_MARKS.has(after.text)) continue
    const left = leftSide(tokens, i)
    if (left === null || left.operators === 0 || left.inert || right.inert || left.ambiguous || !Number.isFinite(left.value)) continue
    result.checked++
    // A running chain ("3 × 4 = 12 + 5 = 17") states 12 as the product: the first number is a result too.
    const first = right.operators > 0 && tokens[i + 1].t === T.Num ? new Parser(tokens, i + 2).expression(i + 1) : null
    const stated = first === null ? [right] : [right, first]
    // A sum of unlike units is wrong whatever its numbers ("1200 inches + 120 feet = 1320 feet").
    const unlike = left.clash || (left.additive && sameDimensionOtherUnit(left.measure, right.measure))
    if (unlike || !stated.some(v => agrees(left, v))) result.wrong++
    if (result.results.length < MAX_RESULTS) result.results.push(left.value)
    if (final !== null && !result.finalReached && (reaches(left, final) || stated.some(v => reaches(v, final)))) result.finalReached = true
  }
  return equations
}

/** Punctuation that may follow a stated result without changing it. */
const SENTENCE_MARKS = new Set(['.', ',', ';', ':', '?', '"', "'", '’', '”', '»', '_'])

/** Either reading of ambiguous separators, as long as both sides are read the same way or one has none. */
function agrees (left: Value, stated: Value): boolean {
  return matches(left.value, stated) || matches(left.alt, stated) ||
    (stated.alt !== stated.value && (matches(left.value, { ...stated, value: stated.alt }) || matches(left.alt, { ...stated, value: stated.alt })))
}

function reaches (value: Value, final: number): boolean {
  if (value.ambiguous) return false
  const tolerance = 1e-6 * Math.max(1, Math.abs(final))
  return Math.abs(value.value - final) <= tolerance || (value.percent && Math.abs(value.value * 100 - final) <= tolerance)
}

/** The longest run of tokens ending just before the "=" at `eq` that reads as an expression with an operator. */
function leftSide (tokens: readonly Token[], eq: number): Value | null {
  let start = eq
  while (start > 0 && eq - start < MAX_LEFT_TOKENS) {
    const token = tokens[start - 1]
    if (token.t === T.Eq || token.t === T.Approx || token.t === T.Break) break
    if (token === OTHER_WORD) break
    start--
  }
  const parser = new Parser(tokens, eq)
  for (let s = start; s < eq; s++) {
    const kind = tokens[s].t
    if (kind !== T.Num && kind !== T.LParen && !(kind === T.Op && (tokens[s].text === '-' || tokens[s].text === '√'))) continue
    const value = parser.expression(s)
    if (value === null || value.end !== eq) continue
    // A symbol glued to its first number ("∛8", "#3") does something this reading does not know.
    return s > 0 && tokens[s - 1].t === T.Break && !tokens[s].spaced ? null : value
  }
  return null
}
