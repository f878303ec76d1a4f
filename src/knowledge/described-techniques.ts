// Techniques of the field that students describe instead of naming, because they do not know the name
// yet: "kill random servers in production on purpose" is chaos engineering, "simular milhares de usuários
// na minha api" load testing, "make my lambdas share connections to postgres" connection pooling. Input: a
// question, folded and with its abbreviations spelled out; output: each technique it describes, by its
// usual name (one of field-names.ts), with the words that describe it. Retrieval then reads the technique as
// it reads the name typed: not covered when the notes never write that name, unless the rest of the
// question, without those words, clearly asks what a section answers.

export interface DescribedTechnique {
  /** The technique's usual name, as field-names.ts lists it. */
  name: string
  /** The question's words that describe it. */
  words: string[]
}

/**
 * A technique and the ways of describing it: every pattern of one `all` must match (in any order), and
 * the words they match are what describes it. Each pattern is narrow on purpose: a question that merely
 * touches the same words ("i terminated my instance", "a typo in my dockerfile") describes nothing.
 */
interface Description { name: string, all: RegExp[] }

const BREAK = /\b(kill\w*|break|breaks|breaking|broke|crash(es|ing)?|take down|taking down|shut(ting)? down|(switch|turn|power)(es|s|ed|ing)? off|terminat\w*|derrub\w*|quebr\w*|matar|mata|matando|desligar|desliga|desligando|injet\w* falhas?|inject\w* (failures?|faults?))\b/
const ON_PURPOSE = /\b(on purpose|deliberate(ly)?|intentional(ly)?|purposely|de proposito|propositalmente|intencionalmente|a proposito)\b/
const IN_PRODUCTION = /\b(production|prod|producao|live|servers?|servidores?|instances?|instancias?|system|sistema|services?|servicos?)\b/
const MANY = '(thousands?|milhares|hundreds|centenas|lots|tons|many|muitos|muitas|varios|varias|\\d[\\d.,]*k?|mil)'
const CALLERS = '(users|usuarios|requests|requisicoes|acessos|clients|clientes|pessoas|people|visitors|visitantes|connections|conexoes)'
const DATABASE = /\b(database|databases|db|dbs|banco|bancos|postgres\w*|mysql|rds|aurora)\b/
const SEARCH = /\b(search\w*|busca\w*|buscar|pesquis\w*|autocomplet\w*)\b/
const MODEL = /\b(llms?|models?|modelos?|gpt|chatgpt|bot|chatbot|ia|ai|openai|gemini|claude|prompts?)\b/
const LISTING = /\b(lists?|listas?|results?|resultados?|records?|registros?|items?|itens|rows?|linhas?|endpoints?|apis?)\b/
const BROWSER = /\b(browser|navegador|front|frontend|front-end|client|cliente|mobile|celular|users?|usuarios?)\b/

const DESCRIPTIONS: readonly Description[] = [
  // Breaking things in production on purpose, to learn whether the system survives.
  { name: 'chaos engineering', all: [ON_PURPOSE, BREAK, IN_PRODUCTION] },
  // Many users or requests made up to see where the system gives way.
  { name: 'load testing', all: [/\b(load[- ]?test\w*|stress[- ]?test\w*|testes? de (carga|estresse|stress)|testar (a )?carga)\b/] },
  { name: 'load testing', all: [new RegExp(`\\b(simulat\\w*|simular|simulo|simulando|fake|faking|emulat\\w*|gerar|gero|generate|fingir)\\b (\\w+ ){0,3}${MANY} (\\w+ ){0,3}${CALLERS}\\b`)] },
  // Connections to a database shared between requests or functions instead of one each.
  { name: 'connection pooling', all: [/\b(share|sharing|shared|reuse|reusing|reutiliz\w*|compartilh\w*|reaproveit\w*) (\w+ ){0,3}(connections?|conexoes|conexao)\b/, DATABASE] },
  { name: 'connection pooling', all: [/\b(too many|so many|way too many|muitas|demais|excesso de|tantas) (\w+ ){0,2}(open |abertas )?(connections|conexoes)\b/, DATABASE] },
  { name: 'connection pooling', all: [/\b(pool|pools|pooled|pooling|poolar) (\w+ ){0,2}(connections?|conexoes|conexao)\b|\bmax_connections\b/, DATABASE] },
  // Finding what a user searches for despite typos or from part of a name.
  { name: 'fuzzy search', all: [/\b(typos?|erros? de digitacao|digit\w* errado|escrev\w* errado|misspell\w*|misspelt|spelling mistakes?|erros? de ortografia)\b/, SEARCH] },
  { name: 'fuzzy search', all: [/\b(typing|type|digitando|digitar|digita) (only |just |so |somente |apenas )?(part|parte|pedaco|the first letters|as primeiras letras)\b/] },
  // Telling people from scripts that sign up or post in bulk.
  { name: 'bot protection', all: [/\bbots?\b/, /\b(fake accounts?|contas? (fake|falsas?|falsos)|cadastr\w*|sign ?ups?|signing up|spam\w*|(creat\w*|criando|cria|criam|abr\w*) (\w+ ){0,2}(accounts|contas))\b/] },
  // Talking a model out of its instructions.
  { name: 'prompt injection', all: [/\bignor\w* (all |todas |the |as |os |suas |your |previous |prior |above |anteriores )*(instructions|instrucoes|regras|rules)\b/] },
  { name: 'prompt injection', all: [/\b(vazar|vaze|vazou|vaza|leak\w*|reveal\w*|revelar|revele|expor|extrair|extract\w*) (\w+ ){0,3}(system prompt|prompt (de |do )?sistema|hidden prompt|prompt oculto|instrucoes (do sistema|internas|escondidas))\b/] },
  // The passwords of an application's users kept so that a leak reveals none (a database's own password is a secret).
  { name: 'password hashing', all: [/\b((users?'?|usuarios|clientes|customers'?) (\w+ )?(passwords|senhas)|(passwords|senhas) (of|dos|das|de) (\w+ )?(users|usuarios|clientes|customers))\b/, /\b(stor\w*|sav\w*|keep|kept|guard\w*|salv\w*|armazen\w*|grav\w*|leak\w*|vaz\w*|hash\w*|plain ?text|texto (puro|plano))\b/] },
  // Undoing what one service did when the next fails, with no transaction spanning them.
  { name: 'saga pattern', all: [/\b(undo|undoing|desfaz\w*|revert\w*|compensat\w*|compens(ar|a|o)|roll(ing)? back)\b/, /\b(transactions?|transac(ao|oes))\b/, /\b(services?|servicos?|microservices?|microsservicos?)\b/] },
  // Writing to the database and publishing the message together, so that a crash between them loses neither.
  { name: 'transactional outbox', all: [/\b(sav\w*|writ\w*|wrote|salv\w*|grav\w*|insert\w*|commit\w*) (\w+ ){0,4}(database|db|banco|table|tabela) (\w+ ){0,3}(and|e|&) (\w+ ){0,3}(publish\w*|public\w*|send\w*|sent|envi\w*|mand\w*|emit\w*) (\w+ ){0,4}(messages?|msgs?|mensage\w*|events?|eventos?)\b/] },
  // A model made to answer in JSON that follows a schema.
  { name: 'structured outputs', all: [/\b((valid|valido|valida|well[- ]formed|parseable|always|only|sempre|somente|apenas|strict) (\w+ ){0,2}json|json (\w+ ){0,3}(schema|que (siga|bata|obedeca)|that (matches|follows)))\b/, MODEL] },
  // A long list returned a part at a time.
  { name: 'pagination', all: [/\b((in|em|por) (pages|paginas|chunks|pedacos|blocos)( (of|de) \d+)?|page by page|pagina por pagina|(one|um) (page|pagina|pedaco|chunk|bloco) (at a time|de cada vez|por vez))\b/, LISTING] },
  // Proof that an image comes from the pipeline and was not changed.
  { name: 'image signing', all: [/\b(sign|signs|signed|signing|assin(o|a|ar|am|amos|ando|ei|ou|ado|ada|ados|adas|atura|aturas)) (\w+ ){0,3}(images?|imagens|containers?|conteineres|artifacts?|artefatos?)\b/] },
  // A browser or app sending a file straight to a bucket, not through the backend.
  { name: 'Presigned URL', all: [/\b(upload\w*|enviar|envia|envio|subir|sobe|mandar|manda)\b(\s\S+){0,6}\s(direct\w*|diretamente|direto|straight)\b(\s\S+){0,4}\s(s3|bucket)\b/, BROWSER] },
  // A shell on a private instance with no SSH port open.
  { name: 'Session Manager', all: [/\b(without|sem) (\w+ ){0,2}(opening|open|abrir|abrindo|liberar|liberando|expor|exposing|expose) (a |the |o )?(ssh|port 22|porta 22)\b/] },
  // Every change kept as an event, the state rebuilt from them.
  { name: 'event sourcing', all: [/\b(every|each|cada|toda|todas as|all) (\w+ ){0,2}(changes?|mudancas?|alteracoes|alteracao|modificac\w*) (\w+ ){0,4}(as|como) (an? |um |uns )?(events?|eventos?)\b/] },
  // A copy of real traffic sent to a new version whose answers nobody sees.
  { name: 'traffic mirroring', all: [/\b(espelh\w*|mirror\w*|copy|copying|copia\w*|copiar|duplic\w*|replay\w*|replicar|replicate) (\w+ ){0,3}(traffic|trafego|requests|requisicoes)\b/, /\b(version|versao|new|nova|novo|staging|homolog\w*)\b/] }
]

/** The techniques a folded question describes, each once, with the words that describe it. */
export function describedTechniques (folded: string): DescribedTechnique[] {
  const found: DescribedTechnique[] = []
  for (const { name, all } of DESCRIPTIONS) {
    if (found.some(technique => technique.name === name)) continue
    const matches = all.map(pattern => pattern.exec(folded))
    if (matches.some(match => match === null)) continue
    found.push({ name, words: matches.flatMap(match => match?.[0].split(/\s+/) ?? []) })
  }
  return found
}
