// TF-IDF cosine between candidate answers: linear in text length, unlike ROUGE-L's quadratic LCS.

/**
 * The pairwise cosines of the answers' TF-IDF vectors: a symmetric matrix whose diagonal is 1 for a non-empty
 * answer. Each answer comes as its term counts, keys in order of first occurrence: the order its weights are
 * summed in. Weights are sublinear tf times smooth idf (1 + ln((1 + N) / (1 + df))), each vector L2-normalised:
 * with the handful of documents an ensemble has, the plain ln(N / df) would zero out every shared term, and
 * shared terms are exactly the agreement we measure.
 *
 * The terms are numbered once, so the weights live in arrays and a pair's dot product finds a term's other
 * weight by its number instead of by a string lookup; every sum keeps the order and operands of the Map-based
 * formula, so each figure is the same to the last bit (tests/aggregator/analysis-once.test.ts).
 */
export function similarityFromCounts (counts: readonly ReadonlyMap<string, number>[]): number[][] {
  return compareAnswers(counts).cosine
}

/** What comparing the answers pairwise finds: their TF-IDF cosines and how many distinct terms each pair shares. */
export interface AnswerComparison {
  /** similarityFromCounts's matrix. */
  cosine: number[][]
  /** Distinct terms both answers use; the diagonal holds each answer's own number of distinct terms. */
  shared: number[][]
}

/** The cosines of similarityFromCounts and, from the same pass over each pair, the terms the pair shares. */
export function compareAnswers (counts: readonly ReadonlyMap<string, number>[]): AnswerComparison {
  const n = counts.length
  const numberOf = new Map<string, number>()
  /** Documents each term occurs in, by term number. */
  const df: number[] = []
  const terms = counts.map(tf => {
    const numbers = new Int32Array(tf.size)
    let i = 0
    for (const term of tf.keys()) {
      let number = numberOf.get(term)
      if (number === undefined) {
        number = df.length
        numberOf.set(term, number)
        df.push(0)
      }
      df[number]++
      numbers[i++] = number
    }
    return numbers
  })
  // The idf of a term shared by k of the n documents, for each k: the same expression, computed once.
  const idf = [0]
  for (let k = 1; k <= n; k++) idf.push(1 + Math.log((1 + n) / (1 + k)))
  const weights = counts.map((tf, d) => {
    const numbers = terms[d]
    const vector = new Float64Array(tf.size)
    let norm = 0
    let i = 0
    for (const count of tf.values()) {
      const weight = (1 + Math.log(count)) * idf[df[numbers[i]]]
      vector[i++] = weight
      norm += weight * weight
    }
    norm = Math.sqrt(norm)
    if (norm > 0) for (let k = 0; k < vector.length; k++) vector[k] = vector[k] / norm
    return vector
  })

  // The larger document of a pair, by term number: its weight where its stamp is the pair's.
  const weightOf = new Float64Array(df.length)
  const stampOf = new Int32Array(df.length)
  let stamp = 0
  /** Terms the last pair compared shares. */
  let common = 0
  /** The cosine of documents a and b: the smaller one's terms in its order (a's when they are as large). */
  const cosine = (a: number, b: number): number => {
    const [small, large] = terms[a].length <= terms[b].length ? [a, b] : [b, a]
    stamp++
    const largeTerms = terms[large]
    const largeWeights = weights[large]
    for (let k = 0; k < largeTerms.length; k++) {
      weightOf[largeTerms[k]] = largeWeights[k]
      stampOf[largeTerms[k]] = stamp
    }
    const smallTerms = terms[small]
    const smallWeights = weights[small]
    let dot = 0
    // Counted in a local and stored once: the closure's own variable would be written to memory on every term.
    let both = 0
    for (let k = 0; k < smallTerms.length; k++) {
      const term = smallTerms[k]
      if (stampOf[term] === stamp) {
        dot += smallWeights[k] * weightOf[term]
        both++
      }
    }
    common = both
    return Math.min(1, Math.max(0, dot))
  }

  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0))
  const shared = Array.from({ length: n }, () => new Array<number>(n).fill(0))
  for (let i = 0; i < n; i++) {
    matrix[i][i] = counts[i].size > 0 ? 1 : 0
    shared[i][i] = counts[i].size
    for (let j = i + 1; j < n; j++) {
      const s = cosine(i, j)
      matrix[i][j] = s
      matrix[j][i] = s
      shared[i][j] = common
      shared[j][i] = common
    }
  }
  return { cosine: matrix, shared }
}
