// Function words and question fillers of Portuguese and English, accent-folded and lower-cased,
// left out of the index and of queries so that BM25 weighs the words that carry the topic.

export const PT_STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'ao', 'aos', 'aquela', 'aquelas', 'aquele', 'aqueles', 'aquilo', 'as', 'ate', 'com', 'como',
  'contra', 'da', 'das', 'de', 'dela', 'delas', 'dele', 'deles', 'depois', 'do', 'dos', 'e', 'ela',
  'elas', 'ele', 'eles', 'em', 'entao', 'entre', 'era', 'eram', 'essa', 'essas', 'esse', 'esses',
  'esta', 'estas', 'este', 'estes', 'estou', 'eu', 'foi', 'foram', 'ha', 'isso', 'isto', 'ja', 'la',
  'lhe', 'lhes', 'mais', 'mas', 'me', 'mesmo', 'meu', 'meus', 'minha', 'minhas', 'muito', 'muitos',
  'na', 'nas', 'nem', 'no', 'nos', 'nossa', 'nossas', 'nosso', 'nossos', 'num', 'numa', 'o', 'os',
  'ou', 'para', 'pela', 'pelas', 'pelo', 'pelos', 'por', 'pra', 'pro', 'pros', 'qual', 'quais',
  'quando', 'que', 'quem', 'se', 'sem', 'ser', 'seu', 'seus', 'so', 'sua', 'suas', 'tambem', 'te',
  'tem', 'ter', 'teu', 'tua', 'um', 'uma', 'umas', 'uns', 'voce', 'voces', 'vc', 'vcs', 'sao',
  'estao', 'seja', 'sejam', 'onde', 'porque', 'pq', 'oq', 'afinal', 'ai', 'aqui',
  'cada', 'todo', 'toda', 'todos', 'todas', 'outro', 'outra', 'outros', 'outras', 'qualquer',
  'algum', 'alguma', 'alguns', 'algumas', 'nao', 'sim', 'deve', 'devo', 'posso', 'pode', 'podem',
  'fazer', 'faz', 'fazem', 'eh', 'tipo', 'coisa', 'coisas', 'explique', 'explica',
  'significa', 'significam', 'exemplo', 'exemplos', 'sobre', 'vale', 'pena', 'usar', 'uso', 'usa', 'usam',
  'usando', 'usado', 'usada', 'usados', 'usadas', 'usou', 'usei', 'usamos', 'usaram', 'usava', 'utilizar', 'utilizando',
  'serve', 'servem', 'funciona', 'funcionam',
  'explicar', 'sabe', 'saber',
  // "Explica melhor" asks for more of the same; which is better is read from the question's form.
  'melhor',
  // What kind of answer is asked for, not what about: the question's type carries them.
  'diferenca', 'diferencas', 'diferente', 'diferentes', 'vs', 'versus', 'x'
])

export const EN_STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'above', 'after', 'again', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as',
  'at', 'be', 'because', 'been', 'before', 'being', 'between', 'both', 'but', 'by', 'can', 'could',
  'did', 'do', 'does', 'doing', 'done', 'each', 'else', 'etc', 'even', 'ever', 'every', 'for', 'from',
  'get', 'gets', 'got', 'had', 'has', 'have', 'having', 'he', 'her', 'here', 'him', 'his', 'how',
  'i', 'if', 'in', 'into', 'is', 'it', 'its', 'itself', 'just', 'me', 'might', 'more', 'most',
  'much', 'must', 'my', 'no', 'nor', 'not', 'of', 'off', 'on', 'once', 'one', 'only', 'or', 'other',
  'our', 'ours', 'out', 'over', 'own', 'please', 'same', 'she', 'should', 'so', 'some', 'such',
  'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those',
  'through', 'to', 'too', 'under', 'until', 'up', 'us', 'very', 'was', 'we', 'were', 'what',
  'whats', 'when', 'where', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will', 'with', 'would', 'you',
  'your', 'yours', 'yourself', 'actually', 'anyway', 'bother', 'explain', 'explained', 'mean',
  'means', 'meaning', 'tell', 'thing', 'things', 'way', 'really', 'someone', 'something', 'll',
  'dont', 'doesnt', 'isnt', 'arent', 'cant', 'wont', 'im', 'ive', 'youre', 'lets', 'use', 'uses',
  'used', 'using', 'work', 'works',
  // What kind of answer is asked for, not what about: the question's type carries them.
  'difference', 'differences', 'different', 'vs', 'versus', 'diff'
])
