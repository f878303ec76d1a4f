// Interface text in English and Brazilian Portuguese, and the DOM pass that applies it.

const en = {
  skipToQuestion: 'Skip to the question',
  tagline: 'Several AI models, one well-argued answer',
  languageNav: 'Language',
  switchTo: 'Mudar para português',
  askHeading: 'Ask about cloud computing',
  questionLabel: 'Your question',
  questionPlaceholder: 'e.g. What is the difference between a container and a virtual machine?',
  questionHint: 'Enter sends · Shift+Enter adds a new line',
  counter: '{used} of {max} characters',
  counterOver: '{over} characters over the limit of {max}',
  options: 'Options',
  providersLegend: 'Providers to ask',
  loadingProviders: 'Loading providers…',
  providersUnavailable: 'The provider list could not be loaded; every configured provider will be asked.',
  allProviders: 'All',
  circuitOpen: 'paused after repeated failures',
  circuitHalfOpen: 'being retried',
  strategyLabel: 'Strategy',
  'strategy.auto': 'Automatic',
  'strategy.consensus': 'Consensus',
  'strategy.vote': 'Majority vote',
  'strategy.best': 'Best score',
  'strategy.synthesize': 'Synthesis',
  'strategy.fastest': 'Fastest',
  'strategyHelp.auto': 'Short answers are voted on; longer ones go to consensus.',
  'strategyHelp.consensus': 'Keeps the answer that agrees most with all the others.',
  'strategyHelp.vote': 'The answer most providers give wins (numbers, options, yes/no).',
  'strategyHelp.best': 'Keeps the answer with the highest total score.',
  'strategyHelp.synthesize': 'One more model merges the best answers into one.',
  'strategyHelp.fastest': 'Takes the first good answer and stops waiting.',
  waitForLabel: 'Answer when',
  'waitFor.all': 'Every provider answered',
  'waitFor.quorum': 'Most providers agree',
  'waitFor.first': 'The first good answer arrives',
  'waitForHelp.all': 'Most complete; as slow as the slowest provider.',
  'waitForHelp.quorum': 'Stops as soon as a majority agrees.',
  'waitForHelp.first': 'Fastest; no cross-checking between providers.',
  apiKeyLabel: 'API key',
  apiKeyForget: 'Forget',
  apiKeyHelp: 'Only needed when this server requires one. Kept in this browser only.',
  apiKeyForgotten: 'The API key was removed from this browser.',
  cancel: 'Cancel',
  send: 'Ask',
  sending: 'Asking…',
  providersHeading: 'Providers',
  answerHeading: 'Answer',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  confidence: 'Confidence',
  'confidenceLevel.high': 'high',
  'confidenceLevel.medium': 'medium',
  'confidenceLevel.low': 'low',
  historyHeading: 'Conversations',
  historyClear: 'Clear',
  historyEmpty: 'Your questions and answers stay in this browser.',
  historyCleared: 'History cleared.',
  historyRestored: 'Showing an earlier answer.',
  newConversation: 'New conversation',
  newConversationStarted: 'New conversation. Ask your first question.',
  conversationHeading: 'Conversation',
  followUpPlaceholder: 'Ask a follow-up, e.g. "And in EC2\'s case?"',
  youAsked: 'You asked:',
  earlierAnswer: 'Answer',
  turnMeta: 'Confidence {confidence} · {provider}',
  providerAnswers: 'Answers from each provider ({n})',
  conversationRestored: 'Conversation reopened: {n} questions.',
  historyTurns: '{n} questions',
  historyTurn: '1 question',
  feedbackLabel: 'Rate this answer',
  feedbackPrompt: 'Was this answer useful?',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  feedbackSending: 'Sending your rating…',
  feedbackThanks: 'Thanks: your rating was recorded.',
  feedbackBetterThanks: 'Thanks: {provider}\'s answer was marked as the better one.',
  feedbackExpired: 'This answer can no longer be rated (answers can be rated for 24 hours).',
  feedbackFailed: 'The rating was not sent: {reason}',
  feedbackOffline: 'you are offline.',
  feedbackNetwork: 'the server could not be reached.',
  better: 'Better answer',
  betterLabel: 'Mark {provider}\'s answer as the better one',
  betterChosen: 'Marked as better',
  'why.single': 'Only {provider} answered, so there was nothing to compare its answer with.',
  footer: 'Answers come from AI models and can be wrong: check what matters.',
  apiDocs: 'API documentation',
  examplesHeading: 'Not sure where to start? Try one of these',
  'example.1': 'What is the difference between a container and a virtual machine?',
  'example.2': 'Why does a multi-stage Dockerfile make smaller images?',
  'example.3': 'How does ECS Fargate Spot save money, and what is the catch?',
  'example.4': 'What is the shared responsibility model in AWS?',

  'state.waiting': 'Waiting',
  'state.streaming': 'Writing…',
  'state.done': 'Done',
  'state.failed': 'Failed',
  'state.timeout': 'Timed out',
  'state.skipped': 'Skipped',
  'state.cancelled': 'Cancelled',
  progress: '{done} of {total} providers finished',
  chosenBadge: 'Chosen',
  leftOut: 'Left out: {reason}',
  showAnswer: 'Show this answer',
  attempts: '{n} attempts',
  sources: 'Course notes used',
  noText: 'No text.',

  'score.consensus': 'Agreement',
  'score.relevance': 'Relevance',
  'score.quality': 'Quality',
  'score.prior': 'Track record',
  'score.total': 'Total',

  'why.vote': '{provider} gave the answer most providers agree on{normalized}.',
  'why.consensus': '{provider}\'s answer is the one closest to all the others.',
  'why.best': '{provider}\'s answer has the highest total score.',
  'why.synthesize': '{provider} merged the best answers into this one.',
  'why.fastest': '{provider} gave the first good answer.',
  'why.other': 'Chosen: {provider}.',
  'why.scoreSuffix': ' Score {score}.',
  'why.normalized': ' ({value})',

  'stat.strategy': 'Strategy',
  'stat.latency': 'Time',
  'stat.tokens': 'Tokens',
  'stat.cost': 'Cost',
  'stat.providers': 'Answers used',
  'stat.cached': 'From cache',
  yes: 'yes',
  tokensValue: '{prompt} in · {completion} out',

  'errorClass.timeout': 'timed out',
  'errorClass.rate_limited': 'rate limited',
  'errorClass.unavailable': 'unavailable',
  'errorClass.bad_request': 'rejected the request',
  'errorClass.auth': 'key rejected',
  'errorClass.content_filtered': 'blocked by a content filter',
  'errorClass.context_length': 'question too long for the model',
  'errorClass.network': 'network error',
  'errorClass.invalid_response': 'invalid response',
  'errorClass.truncated': 'answer cut off',
  'errorClass.circuit_open': 'paused after repeated failures',
  'errorClass.cancelled': 'cancelled',

  'flag.refusal': 'refusal',
  'flag.truncated': 'cut off',
  'flag.off_topic': 'off topic',
  'flag.wrong_language': 'another language',
  'flag.junk': 'not an answer',
  'flag.empty': 'empty',
  'flag.outlier': 'outlier',
  'flag.duplicate': 'duplicate',
  'flag.low_coverage': 'notes do not cover it',
  'flag.error': 'failed',
  'flag.disclaimer': 'hedged',
  'flag.skipped': 'skipped',

  'notice.noProvidersTitle': 'No AI provider is configured',
  'notice.noProvidersBody': 'This server has no model to ask yet. Set at least one of these variables in its environment and restart it:',
  'notice.noProvidersKnowledge': 'Or turn on the offline course notes with KNOWLEDGE=on.',
  'notice.allFailedTitle': 'Every provider failed',
  'notice.allFailedBody': 'No provider could answer this time. Try again in a moment; if it keeps happening, the server\'s keys or quotas may need attention.',
  'notice.rateLimitedTitle': 'Too many questions for now',
  'notice.rateLimitedBody': 'You can ask again in {seconds} s.',
  'notice.rateLimitedLater': 'Please wait a moment before asking again.',
  'notice.rateLimitedOver': 'You can ask again now.',
  'notice.offlineTitle': 'You are offline',
  'notice.offlineBody': 'Questions will work again as soon as the connection is back.',
  'notice.networkTitle': 'The server could not be reached',
  'notice.networkBody': 'Check your connection and try again.',
  'notice.authTitle': 'This server needs an API key',
  'notice.authBody': 'Type the key you were given in Options → API key, then ask again.',
  'notice.authForbidden': 'The API key was not accepted for this request.',
  'notice.openKey': 'Enter a key',
  'notice.validationTitle': 'The question could not be sent',
  'notice.tooLargeTitle': 'The question is too large',
  'notice.cancelledTitle': 'Cancelled',
  'notice.cancelledBody': 'The question was not answered. Edit it or ask again.',
  'notice.serverTitle': 'Something went wrong on the server',
  'notice.streamEnded': 'The connection ended before the answer arrived.',
  'notice.retry': 'Try again',
  'notice.requestId': 'Reference: {id}',
  'validation.empty': 'Type a question first.',
  'validation.tooLong': 'The question is longer than {max} characters.',
  'validation.noProvider': 'Choose at least one provider.',
  'field.question': 'Question',
  'field.providers': 'Providers',
  'field.strategy': 'Strategy',
  'field.waitFor': 'Answer when',
  'field.history': 'Conversation',
  offlineBanner: 'You are offline: questions will be sent again once the connection is back.',
  answerReady: 'Answer ready. Confidence {confidence}.',

  'provider.openai': 'OpenAI',
  'provider.gemini': 'Gemini',
  'provider.huggingface': 'Hugging Face',
  'provider.ollama': 'Ollama',
  'provider.knowledge': 'Course notes'
}

/** @type {Record<keyof typeof en, string>} */
const ptBR = {
  skipToQuestion: 'Ir para a pergunta',
  tagline: 'Vários modelos de IA, uma resposta bem fundamentada',
  languageNav: 'Idioma',
  switchTo: 'Switch to English',
  askHeading: 'Pergunte sobre computação em nuvem',
  questionLabel: 'Sua pergunta',
  questionPlaceholder: 'ex.: Qual a diferença entre um contêiner e uma máquina virtual?',
  questionHint: 'Enter envia · Shift+Enter quebra a linha',
  counter: '{used} de {max} caracteres',
  counterOver: '{over} caracteres acima do limite de {max}',
  options: 'Opções',
  providersLegend: 'Provedores a consultar',
  loadingProviders: 'Carregando provedores…',
  providersUnavailable: 'Não foi possível carregar a lista de provedores; todos os configurados serão consultados.',
  allProviders: 'Todos',
  circuitOpen: 'pausado após falhas repetidas',
  circuitHalfOpen: 'em nova tentativa',
  strategyLabel: 'Estratégia',
  'strategy.auto': 'Automática',
  'strategy.consensus': 'Consenso',
  'strategy.vote': 'Votação por maioria',
  'strategy.best': 'Maior pontuação',
  'strategy.synthesize': 'Síntese',
  'strategy.fastest': 'Mais rápida',
  'strategyHelp.auto': 'Respostas curtas vão a votação; as longas, a consenso.',
  'strategyHelp.consensus': 'Fica com a resposta que mais concorda com todas as outras.',
  'strategyHelp.vote': 'Vence a resposta dada pela maioria (números, alternativas, sim/não).',
  'strategyHelp.best': 'Fica com a resposta de maior pontuação total.',
  'strategyHelp.synthesize': 'Um modelo a mais junta as melhores respostas em uma só.',
  'strategyHelp.fastest': 'Fica com a primeira resposta boa e para de esperar.',
  waitForLabel: 'Responder quando',
  'waitFor.all': 'Todos os provedores responderem',
  'waitFor.quorum': 'A maioria concordar',
  'waitFor.first': 'Chegar a primeira resposta boa',
  'waitForHelp.all': 'Mais completo; tão lento quanto o provedor mais lento.',
  'waitForHelp.quorum': 'Para assim que a maioria concorda.',
  'waitForHelp.first': 'Mais rápido; sem comparar provedores.',
  apiKeyLabel: 'Chave de API',
  apiKeyForget: 'Esquecer',
  apiKeyHelp: 'Só é necessária quando o servidor exige uma. Fica guardada apenas neste navegador.',
  apiKeyForgotten: 'A chave de API foi removida deste navegador.',
  cancel: 'Cancelar',
  send: 'Perguntar',
  sending: 'Perguntando…',
  providersHeading: 'Provedores',
  answerHeading: 'Resposta',
  copy: 'Copiar',
  copied: 'Copiado',
  copyFailed: 'Falha ao copiar',
  confidence: 'Confiança',
  'confidenceLevel.high': 'alta',
  'confidenceLevel.medium': 'média',
  'confidenceLevel.low': 'baixa',
  historyHeading: 'Conversas',
  historyClear: 'Limpar',
  historyEmpty: 'Suas perguntas e respostas ficam neste navegador.',
  historyCleared: 'Histórico apagado.',
  historyRestored: 'Mostrando uma resposta anterior.',
  newConversation: 'Nova conversa',
  newConversationStarted: 'Nova conversa. Faça sua primeira pergunta.',
  conversationHeading: 'Conversa',
  followUpPlaceholder: 'Continue a conversa, ex.: "E no caso do EC2?"',
  youAsked: 'Você perguntou:',
  earlierAnswer: 'Resposta',
  turnMeta: 'Confiança {confidence} · {provider}',
  providerAnswers: 'Respostas de cada provedor ({n})',
  conversationRestored: 'Conversa reaberta: {n} perguntas.',
  historyTurns: '{n} perguntas',
  historyTurn: '1 pergunta',
  feedbackLabel: 'Avalie esta resposta',
  feedbackPrompt: 'Esta resposta foi útil?',
  helpful: 'Útil',
  notHelpful: 'Não útil',
  feedbackSending: 'Enviando sua avaliação…',
  feedbackThanks: 'Obrigado! Sua avaliação foi registrada.',
  feedbackBetterThanks: 'Obrigado! A resposta de {provider} foi marcada como a melhor.',
  feedbackExpired: 'Esta resposta não pode mais ser avaliada (as respostas podem ser avaliadas por 24 horas).',
  feedbackFailed: 'A avaliação não foi enviada: {reason}',
  feedbackOffline: 'você está offline.',
  feedbackNetwork: 'não foi possível falar com o servidor.',
  better: 'Melhor resposta',
  betterLabel: 'Marcar a resposta de {provider} como a melhor',
  betterChosen: 'Marcada como melhor',
  'why.single': 'Só {provider} respondeu, então não havia outra resposta para comparar.',
  footer: 'As respostas vêm de modelos de IA e podem conter erros: confira o que for importante.',
  apiDocs: 'Documentação da API',
  examplesHeading: 'Não sabe por onde começar? Experimente uma destas',
  'example.1': 'Qual a diferença entre um contêiner e uma máquina virtual?',
  'example.2': 'Por que um Dockerfile multi-stage gera imagens menores?',
  'example.3': 'Como o ECS Fargate Spot economiza dinheiro, e qual é o porém?',
  'example.4': 'O que é o modelo de responsabilidade compartilhada da AWS?',

  'state.waiting': 'Aguardando',
  'state.streaming': 'Escrevendo…',
  'state.done': 'Pronto',
  'state.failed': 'Falhou',
  'state.timeout': 'Tempo esgotado',
  'state.skipped': 'Ignorado',
  'state.cancelled': 'Cancelado',
  progress: '{done} de {total} provedores concluíram',
  chosenBadge: 'Escolhida',
  leftOut: 'Descartada: {reason}',
  showAnswer: 'Ver esta resposta',
  attempts: '{n} tentativas',
  sources: 'Notas do curso usadas',
  noText: 'Sem texto.',

  'score.consensus': 'Concordância',
  'score.relevance': 'Relevância',
  'score.quality': 'Qualidade',
  'score.prior': 'Histórico',
  'score.total': 'Total',

  'why.vote': '{provider} deu a resposta com que a maioria concorda{normalized}.',
  'why.consensus': 'A resposta de {provider} é a mais próxima de todas as outras.',
  'why.best': 'A resposta de {provider} tem a maior pontuação total.',
  'why.synthesize': '{provider} juntou as melhores respostas nesta.',
  'why.fastest': '{provider} deu a primeira resposta boa.',
  'why.other': 'Escolhida: {provider}.',
  'why.scoreSuffix': ' Pontuação {score}.',
  'why.normalized': ' ({value})',

  'stat.strategy': 'Estratégia',
  'stat.latency': 'Tempo',
  'stat.tokens': 'Tokens',
  'stat.cost': 'Custo',
  'stat.providers': 'Respostas usadas',
  'stat.cached': 'Do cache',
  yes: 'sim',
  tokensValue: '{prompt} de entrada · {completion} de saída',

  'errorClass.timeout': 'tempo esgotado',
  'errorClass.rate_limited': 'limite de uso atingido',
  'errorClass.unavailable': 'indisponível',
  'errorClass.bad_request': 'recusou a requisição',
  'errorClass.auth': 'chave recusada',
  'errorClass.content_filtered': 'bloqueado por filtro de conteúdo',
  'errorClass.context_length': 'pergunta longa demais para o modelo',
  'errorClass.network': 'erro de rede',
  'errorClass.invalid_response': 'resposta inválida',
  'errorClass.truncated': 'resposta cortada',
  'errorClass.circuit_open': 'pausado após falhas repetidas',
  'errorClass.cancelled': 'cancelado',

  'flag.refusal': 'recusa',
  'flag.truncated': 'cortada',
  'flag.off_topic': 'fora do tema',
  'flag.wrong_language': 'outro idioma',
  'flag.junk': 'não é uma resposta',
  'flag.empty': 'vazia',
  'flag.outlier': 'destoante',
  'flag.duplicate': 'duplicada',
  'flag.low_coverage': 'as notas não cobrem',
  'flag.error': 'falhou',
  'flag.disclaimer': 'com ressalva',
  'flag.skipped': 'ignorado',

  'notice.noProvidersTitle': 'Nenhum provedor de IA configurado',
  'notice.noProvidersBody': 'Este servidor ainda não tem um modelo para consultar. Defina ao menos uma destas variáveis de ambiente e reinicie-o:',
  'notice.noProvidersKnowledge': 'Ou ative as notas do curso, que funcionam offline, com KNOWLEDGE=on.',
  'notice.allFailedTitle': 'Todos os provedores falharam',
  'notice.allFailedBody': 'Nenhum provedor conseguiu responder desta vez. Tente de novo em instantes; se continuar, as chaves ou cotas do servidor podem precisar de atenção.',
  'notice.rateLimitedTitle': 'Muitas perguntas por agora',
  'notice.rateLimitedBody': 'Você poderá perguntar de novo em {seconds} s.',
  'notice.rateLimitedLater': 'Aguarde um pouco antes de perguntar de novo.',
  'notice.rateLimitedOver': 'Você já pode perguntar de novo.',
  'notice.offlineTitle': 'Você está offline',
  'notice.offlineBody': 'As perguntas voltam a funcionar assim que a conexão voltar.',
  'notice.networkTitle': 'Não foi possível falar com o servidor',
  'notice.networkBody': 'Verifique sua conexão e tente de novo.',
  'notice.authTitle': 'Este servidor exige uma chave de API',
  'notice.authBody': 'Digite a chave que você recebeu em Opções → Chave de API e pergunte de novo.',
  'notice.authForbidden': 'A chave de API não foi aceita para esta requisição.',
  'notice.openKey': 'Informar a chave',
  'notice.validationTitle': 'Não foi possível enviar a pergunta',
  'notice.tooLargeTitle': 'A pergunta é grande demais',
  'notice.cancelledTitle': 'Cancelado',
  'notice.cancelledBody': 'A pergunta não foi respondida. Edite-a ou pergunte de novo.',
  'notice.serverTitle': 'Algo deu errado no servidor',
  'notice.streamEnded': 'A conexão terminou antes de a resposta chegar.',
  'notice.retry': 'Tentar de novo',
  'notice.requestId': 'Referência: {id}',
  'validation.empty': 'Digite uma pergunta primeiro.',
  'validation.tooLong': 'A pergunta tem mais de {max} caracteres.',
  'validation.noProvider': 'Escolha ao menos um provedor.',
  'field.question': 'Pergunta',
  'field.providers': 'Provedores',
  'field.strategy': 'Estratégia',
  'field.waitFor': 'Responder quando',
  'field.history': 'Conversa',
  offlineBanner: 'Você está offline: as perguntas voltam a funcionar quando a conexão voltar.',
  answerReady: 'Resposta pronta. Confiança {confidence}.',

  'provider.openai': 'OpenAI',
  'provider.gemini': 'Gemini',
  'provider.huggingface': 'Hugging Face',
  'provider.ollama': 'Ollama',
  'provider.knowledge': 'Notas do curso'
}

export const LANGUAGES = { en, 'pt-BR': ptBR }

let current = 'en'

/** The language to start in: the saved choice, else the first browser language we speak. */
export function pickLanguage (saved, browserLanguages) {
  if (saved !== null && saved !== undefined && Object.hasOwn(LANGUAGES, saved)) return saved
  for (const tag of browserLanguages ?? []) {
    const lower = String(tag).toLowerCase()
    if (lower.startsWith('pt')) return 'pt-BR'
    if (lower.startsWith('en')) return 'en'
  }
  return 'en'
}

export function setLanguage (lang) {
  current = Object.hasOwn(LANGUAGES, lang) ? lang : 'en'
}

export function language () {
  return current
}

/** The text for `key` in the current language with `{name}` placeholders filled. */
export function t (key, params = {}) {
  const table = LANGUAGES[current]
  const template = table[key] ?? en[key] ?? key
  return template.replace(/\{(\w+)\}/g, (whole, name) => Object.hasOwn(params, name) ? String(params[name]) : whole)
}

/** Whether a translation exists, for labels built from server values (error classes, flags). */
export function has (key) {
  return Object.hasOwn(LANGUAGES[current], key) || Object.hasOwn(en, key)
}

/** Applies `data-i18n` (text) and `data-i18n-attr="attr:key;attr:key"` (attributes) under `root`. */
export function translateDom (root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n)
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':')
      if (attr !== undefined && key !== undefined) el.setAttribute(attr.trim(), t(key.trim()))
    }
  }
}

export function formatNumber (value, options = {}) {
  return new Intl.NumberFormat(current, options).format(value)
}

export function formatPercent (value) {
  return formatNumber(value, { style: 'percent', maximumFractionDigits: 0 })
}

export function formatSeconds (ms) {
  if (ms < 1000) return `${formatNumber(Math.round(ms))} ms`
  return `${formatNumber(ms / 1000, { maximumFractionDigits: 1, minimumFractionDigits: 1 })} s`
}

export function formatUsd (value) {
  if (value === 0) return formatNumber(0, { style: 'currency', currency: 'USD' })
  // LLM calls cost fractions of a cent: keep enough digits that the amount is not shown as zero.
  const digits = value >= 0.01 ? 2 : Math.min(8, 2 - Math.floor(Math.log10(value)))
  return formatNumber(value, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: digits })
}

export function formatTime (timestamp) {
  return new Intl.DateTimeFormat(current, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(timestamp))
}
