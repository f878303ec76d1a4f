// TF-IDF cosine between candidate answers: linear in text length, unlike ROUGE-L's quadratic LCS.

export type TermVector = Map<string, number>

/**
 * One L2-normalised vector per document, weighted by sublinear tf and smooth idf
 * (1 + ln((1 + N) / (1 + df))): with the handful of documents an ensemble has, the plain
 * ln(N / df) would zero out every shared term, and shared terms are exactly the agreement we measure.
 */
export function tfidfVectors (documents: readonly (readonly string[])[]): TermVector[] {
  return tfidfFromCounts(documents.map(tokens => {
    const tf = new Map<string, number>()
    for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + 1)
    return tf
  }))
}

/**
 * The same vectors from each document's term counts (keys in order of first occurrence, as tfidfVectors()
 * counts them: the order the weights are summed in), when the tokens were counted as they were found.
 */
export function tfidfFromCounts (counts: readonly ReadonlyMap<string, number>[]): TermVector[] {
  const df = new Map<string, number>()
  for (const tf of counts) {
    for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1)
  }
  const n = counts.length
  // The idf of a term shared by k of the n documents, for each k: the same expression, computed once.
  const idf = [0]
  for (let k = 1; k <= n; k++) idf.push(1 + Math.log((1 + n) / (1 + k)))
  return counts.map(tf => {
    // Weights in the order of the terms, the vector built once they are normalised.
    const weights = new Array<number>(tf.size)
    let norm = 0
    let i = 0
    for (const [term, count] of tf) {
      const weight = (1 + Math.log(count)) * idf[df.get(term) as number]
      weights[i++] = weight
      norm += weight * weight
    }
    norm = Math.sqrt(norm)
    const vector: TermVector = new Map()
    i = 0
    for (const term of tf.keys()) {
      const weight = weights[i++]
      vector.set(term, norm > 0 ? weight / norm : weight)
    }
    return vector
  })
}

export function cosine (a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [term, weight] of small) {
    const other = large.get(term)
    if (other !== undefined) dot += weight * other
  }
  return Math.min(1, Math.max(0, dot))
}

/** Symmetric matrix of pairwise cosines; the diagonal is 1 for non-empty documents. */
export function similarityMatrix (vectors: readonly TermVector[]): number[][] {
  const n = vectors.length
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0))
  for (let i = 0; i < n; i++) {
    matrix[i][i] = vectors[i].size > 0 ? 1 : 0
    for (let j = i + 1; j < n; j++) {
      const s = cosine(vectors[i], vectors[j])
      matrix[i][j] = s
      matrix[j][i] = s
    }
  }
  return matrix
}
