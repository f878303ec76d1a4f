// Reads a student's question before it is searched: spells out the abbreviations students type
// ("pq", "vc", "k8s"), tells what kind of answer it asks for (a definition, a difference, steps,
// a reason, a cost), and recognises a greeting or a thank-you that needs no notes at all.

import { foldText, type Lang } from './analyzer.js'
import { detectLanguage } from './language.js'
import { isEverydayWord } from './everyday-words.js'

export type QuestionType = 'definition' | 'difference' | 'howto' | 'why' | 'cost' | 'other'

export interface Question {
  /** The text as typed. */
  raw: string
  /** Accent-folded, lower-cased, abbreviations written out: what the index is searched with. */
  text: string
  lang: Lang
  type: QuestionType
}

// Whole words only. Colloquial Portuguese and English chat abbreviations, and the short names
// students give to the services the notes spell out in full.
const EXPANSIONS: Record<string, string> = {
  pq: 'por que',
  pk: 'por que',
  porq: 'por que',
  vc: 'voce',
  vcs: 'voces',
  oq: 'o que',
  qnd: 'quando',
  qndo: 'quando',
  qdo: 'quando',
  qto: 'quanto',
  // "qnto", "qnts", "qtas": quanto and its forms, however the vowels are dropped.
  qnto: 'quanto',
  qnt: 'quanto',
  qnta: 'quanta',
  qntos: 'quantos',
  qntas: 'quantas',
  qnts: 'quantos',
  qta: 'quanta',
  qtos: 'quantos',
  qtas: 'quantas',
  qts: 'quantos',
  // "qlqr", "qqr": qualquer, its vowels dropped the same way.
  qlqr: 'qualquer',
  qlq: 'qualquer',
  qqr: 'qualquer',
  dps: 'depois',
  dpois: 'depois',
  agr: 'agora',
  hj: 'hoje',
  hr: 'hora',
  hrs: 'horas',
  msg: 'mensagem',
  msgs: 'mensagens',
  vdd: 'verdade',
  ctz: 'certeza',
  pfv: 'por favor',
  pf: 'por favor',
  cmg: 'comigo',
  vlw: 'valeu',
  blz: 'beleza',
  ngm: 'ninguem',
  nd: 'nada',
  ta: 'esta',
  tava: 'estava',
  neh: 'ne',
  mds: 'meu deus',
  obg: 'obrigado',
  aki: 'aqui',
  kd: 'cade',
  fds: 'fim de semana',
  pdc: 'pode crer',
  sla: 'sei la',
  tlgd: 'ta ligado',
  btw: 'by the way',
  idk: 'i do not know',
  imo: 'in my opinion',
  tbh: 'to be honest',
  rn: 'right now',
  irl: 'in real life',
  ppl: 'people',
  otel: 'opentelemetry',
  ofc: 'of course',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  abt: 'about',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  dupe: 'duplicate',
  distro: 'distribution',
  distros: 'distributions',
  dupes: 'duplicates',
  smth: 'something',
  sth: 'something',
  thx: 'thanks',
  mt: 'muito',
  mto: 'muito',
  tb: 'tambem',
  tbm: 'tambem',
  msm: 'mesmo',
  dnv: 'de novo',
  td: 'tudo',
  tds: 'todos',
  q: 'que',
  eh: 'e',
  n: 'nao',
  u: 'you',
  ur: 'your',
  wat: 'what',
  wht: 'what',
  diff: 'difference',
  dif: 'diferenca',
  difs: 'diferencas',
  gnt: 'gente',
  b4: 'before',
  w: 'with',
  prod: 'production',
  db: 'database',
  dbs: 'databases',
  k8s: 'kubernetes',
  k8: 'kubernetes',
  cert: 'certificate',
  certs: 'certificates',
  ssl: 'tls ssl',
  repo: 'repository',
  env: 'environment',
  envs: 'environment',
  creds: 'credentials',
  conn: 'connection conexao',
  conns: 'connections conexoes',
  lb: 'load balancer',
  sg: 'security group',
  sgs: 'security groups',
  az: 'availability zone',
  azs: 'availability zones',
  iac: 'infrastructure as code',
  igw: 'internet gateway',
  igws: 'internet gateways',
  cmk: 'customer managed key',
  cmks: 'customer managed keys',
  dynamo: 'dynamodb',
  gpt: 'llm',
  chatgpt: 'llm',
  lambdas: 'lambda',
  app: 'app application aplicacao',
  apps: 'apps applications aplicacoes',
  max: 'maximum maximo limit',
  min: 'minimum minimo',
  // A TypeScript project's words ("so the final image has no tsc and devDeps").
  tsc: 'typescript compiler',
  // "tired of guessing perms": permissions.
  perm: 'permission',
  perms: 'permissions',
  devdeps: 'devdependencies dev dependencies',
  // "only the dist and the prod deps in the final image": a project's dependencies.
  deps: 'dependencies dependencias',
  devdependencies: 'devdependencies dev dependencies',
  qro: 'quero',
  qria: 'queria',
  // A student's Mac is the macOS the notes name ("docker on my macbook runs a vm").
  macbook: 'macos',
  macbooks: 'macos',
  imac: 'macos',
  // The field's own shorthand, which the notes write in full.
  apigw: 'api gateway',
  oac: 'origin access control',
  ddb: 'dynamodb',
  cfn: 'cloudformation',
  r53: 'route 53',
  svc: 'service',
  svcs: 'services',
  msa: 'microservices',
  '12fa': 'twelve factor',
  polp: 'least privilege',
  vmm: 'virtual machine monitor',
  rtt: 'round trip',
  rtts: 'round trips',
  ctx: 'context',
  dereg: 'deregistration',
  exe: 'executable',
  // European and African Portuguese, which the Brazilian notes write otherwise: a file is a "ficheiro", a user a
  // "utilizador", to share "partilhar", to reach a thing "aceder", a container a "contentor", a screen an "ecrã".
  utilizador: 'usuario',
  utilizadora: 'usuaria',
  utilizadores: 'usuarios',
  utilizadoras: 'usuarias',
  ficheiro: 'arquivo',
  ficheiros: 'arquivos',
  contentor: 'container',
  contentores: 'containers',
  ecra: 'tela',
  ecras: 'telas',
  equipa: 'equipe',
  equipas: 'equipes',
  registo: 'registro',
  registos: 'registros',
  telemovel: 'celular',
  telemoveis: 'celulares',
  partilhar: 'compartilhar',
  partilha: 'compartilha',
  partilham: 'compartilham',
  partilho: 'compartilho',
  partilhado: 'compartilhado',
  partilhada: 'compartilhada',
  partilhados: 'compartilhados',
  partilhadas: 'compartilhadas',
  partilhando: 'compartilhando',
  aceder: 'acessar',
  acede: 'acessa',
  acedem: 'acessam',
  acedo: 'acesso',
  aceda: 'acesse',
  acedam: 'acessem',
  acedido: 'acessado',
  acedida: 'acessada',
  descarregar: 'baixar',
  descarrega: 'baixa',
  descarreguei: 'baixei',
  factura: 'fatura',
  facturas: 'faturas',
  // ...and the spellings of before the 1990 agreement that Portugal and Africa kept longest ("actualização", "projecto").
  actualizar: 'atualizar',
  actualiza: 'atualiza',
  actualizado: 'atualizado',
  actualizada: 'atualizada',
  actualizacao: 'atualizacao',
  actualizacoes: 'atualizacoes',
  actualmente: 'atualmente',
  directamente: 'diretamente',
  directo: 'direto',
  directa: 'direta',
  directorio: 'diretorio',
  directorios: 'diretorios',
  projecto: 'projeto',
  projectos: 'projetos',
  arquitectura: 'arquitetura',
  arquitecturas: 'arquiteturas',
  objectivo: 'objetivo',
  objectivos: 'objetivos',
  optimizar: 'otimizar',
  optimizacao: 'otimizacao',
  optimo: 'otimo',
  seleccionar: 'selecionar',
  seleccao: 'selecao',
  proteccao: 'protecao',
  accao: 'acao',
  accoes: 'acoes',
  efectivamente: 'efetivamente',
  exactamente: 'exatamente',
  correcto: 'correto',
  correcta: 'correta',
  correctamente: 'corretamente',
  contacto: 'contato',
  electronico: 'eletronico',
  // Chat words of Angola and Mozambique for "very" ("bué", "maningue").
  bue: 'muito',
  maningue: 'muito'
}

const GREETINGS: Array<{ lang: Lang, kind: 'greeting' | 'thanks', pattern: RegExp }> = [
  { lang: 'pt', kind: 'thanks', pattern: /^(muito |mt |mto )?(obrigad[oa]s?|obg|brigad[oa]|valeu|vlw|agradecid[oa])( mesmo| demais| professor| prof)?$/ },
  { lang: 'pt', kind: 'greeting', pattern: /^(oi+|ola|opa|eai|e ai|salve|bom dia|boa tarde|boa noite|tudo bem|tudo bom|oi tudo bem|ola tudo bem)( tudo bem| tudo bom| professor| prof| pessoal| galera)?$/ },
  { lang: 'en', kind: 'thanks', pattern: /^(thanks?( you)?|thx|ty|tysm|thank you (so|very) much|many thanks|cheers|appreciate it)( a lot| so much)?$/ },
  { lang: 'en', kind: 'greeting', pattern: /^(hi+|hello|hey+|hiya|yo|good (morning|afternoon|evening)|howdy)( there| everyone| all)?$/ }
]

/** A message that is only a greeting or a thank-you, with its language; null for anything else. */
export function smallTalk (text: string): { lang: Lang, kind: 'greeting' | 'thanks' } | null {
  const folded = foldText(text).replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim()
  if (folded === '' || folded.split(' ').length > 6) return null
  for (const { lang, kind, pattern } of GREETINGS) if (pattern.test(folded)) return { lang, kind }
  return null
}

// Things students name by what they are used for, added to the words the notes file them under:
// an API key or a password is a secret, the "SO" of a server its operating system, a patch an update.
const PHRASES: Array<[RegExp, string]> = [
  [/\b(chaves? (da|de|do) api|api keys?|access keys?|chaves? de acesso|tokens? (da|de|do) api)\b/g, '$& segredo secret'],
  [/\b(senhas?|passwords?)\b/g, '$& segredo secret'],
  // A minute is the 60 seconds a default is written in ("cut off after exactly one minute": a 60-second timeout).
  [/\b(um|1|one|a) (minuto|minute)\b/g, '$& 60 segundos seconds'],
  // The English name of a read replica in a Portuguese question.
  [/\bread replicas?\b/g, '$& replicas de leitura'],
  // Which code an API answers with ("minha api responde qual codigo?") is its HTTP status code, not its source code.
  [/\b(qual|que|quais|which|what) (codigo|codigos|code|codes)\b(?=.*\b(api|http|respond\w*|retorn\w*|devolv\w*|return\w*|request|requisicao)\b)|\b(api|http|respond\w*|retorn\w*|devolv\w*|return\w*)\b.*\b(qual|que|quais|which|what) (codigo|codigos|code|codes)\b/g, '$& status http'],
  // A status code in the plural ("getting 429s", "uns 503s") is that code.
  [/\b([1-5]\d\d)s\b/g, '$1'],
  // "The two" that points back at what the question named ("qual a relação entre as duas coisas", "which of the
  // two things?", "os dois se …") counts nothing: left as the number 2, it would match "tipo 2" or "2 AZs".
  [/\b(the|these|those|os|as|esses|essas|estes|estas) (two|dois|duas)(?= (things|coisas|ones|se)\b| *[?!.,;:]| *$)/g, '$1'],
  [/\bsistema operacional\b/g, '$& so'],
  [/\b(patch|patches)\b/g, '$& atualizacao'],
  // Everyday words for what the notes name technically.
  [/\b(quanto tempo|how long)\b/g, '$& retencao retention'],
  // ...and how long a CDN keeps a copy before it asks the origin again is its TTL (how long an invalidation takes is not).
  [/^(?!.*\binvalid\w*)(?=.*\b(quanto tempo|how long)\b)(?=.*\b(cloudfront|cdns?|borda|edge)\b).*$/g, '$& ttl cache-control'],
  [/\b(quebrar|quebro|separar|split|break up|break)\b/g, '$& dividir split'],
  [/\b(menor|menores|smaller|shrink|diminuir|reduzir)\b/g, '$& tamanho size'],
  // What falls to the student ("por minha conta", "on me", "aws or me?") is the customer's part of a division of responsibility.
  [/\b((fica|ficam|cai|caem) (por|na) (minha|nossa) conta|por (minha|nossa) conta|(is|falls|fall|stays) on (me|us)|(minha|nossa) (parte|responsabilidade|obrigacao)|obrigacao (da )?(minha|nossa)|(my|our) (part|job|responsibility|side)|(fica|ficam) (comigo|com a gente|com a nossa equipe)|(is|falls) (that|it|this) on (me|us)|(aws|amazon) (or|ou) (me|us|eu|nos|a gente))\b/g, '$& cliente customer'],
  // A secret in a Kubernetes question is the cluster's Secret object, kept beside the ConfigMap and only base64-encoded.
  [/^(?=.*\b(kubernetes|k8s)\b)(?=.*\bsecrets?\b).*$/g, '$& configmap base64 objetos objects'],
  // One policy allowing and another denying the same thing is settled by IAM's rule that an explicit deny wins.
  [/^(?=.*\b(policy|policies|politica|politicas)\b)(?=.*\b(allow|allowed|libero|liberei|liberou|permito|permiti|permitiu|allows|allowing|libera|liberando|permite|permitindo)\b)(?=.*\b(deny|denied|nego|neguei|negou|bloqueio|bloqueei|denies|denying|nega|negando)\b).*$/g, '$& iam effect explicit explicito'],
  // A message handled twice because its job runs long came back when its visibility timeout ran out ("how long" it is
  // kept is its retention).
  // A consumer's message is one of a queue's, and another consumer grabbing "the same one" is it handled twice.
  [/^(?=.*\b(sqs|queue|queues|fila|filas|consumer|consumers|consumidor|consumidores)\b)(?=.*\b(twice|again|duas vezes|de novo|duplicad[oa]s?|duplicates?|duplicated|the same (one|message)|a mesma (mensagem)?|o mesmo (pedido)?)\b)(?=.*\b(takes?|took|slow|demora|demoram|demorou|lento|lenta|minutes?|minutos?|mins?)\b).*$/g, '$& visibility timeout visibilidade'],
  // The account's root user, however it is named ("usando o root pra tudo", "access key pro usuario root"); a
  // container that runs "as root", a root volume or a root certificate is another matter.
  [/\b(root (user|account|usuario|conta|login)|(usuario|conta|login) (do |da )?root|(o|the) root(?= (pra|para|for|to|no|na|in|e|and)\b| *[?!.,;]| *$))\b/g, '$& usuario root root user mfa'],
  // An access key made for the root, or the account's root in Portuguese ("conta raiz"), is the root user's: what the notes
  // say of the root's keys, not of keeping secrets out of code.
  [/\b(conta|usuario) raiz\b/g, '$& usuario root root user mfa'],
  [/^(?=.*\b(root|raiz)\b)(?=.*\b(access keys?|chaves? de acesso)\b).*$/g, '$& usuario root root user mfa'],
  // A role without a password or keys of its own works through the temporary credentials of whoever assumes it
  // (whether a role has one asks that; the password of a database role is a secret to keep).
  [/\broles?\b(\s\S+){0,4}\s(has|have|had|tem|sem|without)\s(\S+\s){0,2}(passwords?|senhas?|access keys?|chaves? de acesso)\b/g, '$& temporary credentials credenciais temporarias assume'],
  // A 429 from a model's API is its provider's rate limit, not an API gateway's throttling.
  [/^(?=.*\b429s?\b)(?=.*\b(llm|llms|openai|anthropic|gemini|model|models|modelo|modelos)\b).*$/g, '$& rate limits tokens per minute limites de taxa tokens por minuto'],
  // Sending each user to a Region by where they are ("brazilian users to sao paulo", "pra regiao mais rapida pra ele")
  // is what DNS routing policies do.
  [/\b(send|sends|route|routes|direct|land|mandar|mando|manda|direcionar|direciono|jogar|jogo|levar)\b(\s\S+){0,6}\s(to|on|in|pra|para|pro|na|no|em)\s(the\s|a\s|o\s)?((region|regiao)\s(mais\s)?(proxima|rapida|perto|closest|nearest|fastest)|(closest|nearest|fastest)\s(region|one)|sao paulo|europe|europa)\b/g, '$& routing roteamento latency latencia geolocation geolocalizacao'],
  // Whether a security group lets the response back out is what its being stateful answers (a network ACL's
  // section says that it must be allowed: "return traffic", "the responses").
  [/^(?=.*\bsecurity groups?\b)(?!.*\b(nacls?|network acls?|acls?)\b)(?=.*\b(respostas?|responses?|return|retorno|outbound|saida)\b).*$/g, '$& stateful'],
  // An app split into several services is a set of microservices, whatever the student calls them.
  [/\b(split|splitting|broke|broken|break|breaking|quebr\w*|divid\w*|separ\w*) (\w+ ){0,5}(into|em) ((\d+|two|three|several|multiple|many|small|smaller|dois|duas|tres|varios|vari\w*|pequenos) )?(\w+ )?(services|servicos|apis|pieces|pedacos)\b/g, '$& microservices microsservicos'],
  // Changing a VPC's range once it exists ("da pra aumentar o cidr", "do we have to rebuild the vpc") is
  // settled by one fact: the primary block stays, secondary blocks can be added.
  [/^(?=.*\bvpcs?\b)(?=.*(\b(cidr|faixa|range|bloco|block|ips?|enderecos|addresses)\b|\/\d\d\b))(?=.*\b(chang\w*|expand\w*|grow|enlarge|resiz\w*|increas\w*|rebuild\w*|recreat\w*|redo|mudar|muda|mudo|aumentar|aumenta|aumento|ampliar|amplia|alterar|altera|trocar|troco|recriar|recrio|refazer|refaco)\b).*$/g, '$& primary block changed later secondary blocks added bloco principal muda depois blocos secundarios adicionar'],
  // A popular key that expires while many requests come in ("hottest key expires and hundreds of requests
  // slam postgres") is a cache stampede, however the student says it.
  [/^(?=.*\b(expires?|expired|expiring|expira|expirou|expiram|vence|venceu)\b)(?=.*\b(keys?|chaves?|cache|cacheada|cacheado)\b)(?=.*\b(hundreds|thousands|centenas|milhares|todo mundo|everyone|at once|de uma vez|ao mesmo tempo|same (time|instant|moment)|(many|all the|all) requests|(muitas|todas as) requisicoes)\b).*$/g, '$& cache stampede thundering herd'],
  // A model that answers the same prompt differently each time, or should answer it alike, is set by its temperature.
  [/^(?=.*\b(prompts?|perguntas?|questions?|llm|modelo|model|chatbot|bot|gpt)\b)(?=.*\b(respostas?|respond\w*|answer\w*|replies|reply|outputs?|saidas?)\b)(?=.*\b(mesm[ao]s?|same)\b)(?=.*\b(different|diferentes?|outra|another|varia\w*|muda\w*|parecid\w*|iguais|igual|consistent\w*|determinist\w*|random\w*|aleatori\w*)\b).*$/g, '$& temperatura temperature'],
  // A route table is the subnet's list of routes, in either language; routing elsewhere ("rotear", "routing")
  // is what rules decide. Not "Route 53", the DNS service's name.
  [/\b(route tables?|tabelas? de rotas?)\b/g, '$& route table tabela de rotas'],
  [/\b(rotear|roteia|rotas?|route|routes|routing)\b(?! ?(53|tables?\b))(?<!\btabelas? de rotas?)/g, '$& roteamento regras routing rules'],
  [/\b(caro|cara|caros|barato|barata|expensive|cheap|cheaper)\b/g, '$& custo cost'],
  [/\b(lento|lenta|demora|slow|slower)\b/g, '$& latencia latency'],
  [/\b(caiu|cai|derrubar|crash|crashes|goes down)\b/g, '$& falha failure'],
  // The weak points of any choice are what the notes file under costs and pitfalls; the catch of a choice
  // between options, under their trade-offs.
  [/\b(downsides?|drawbacks?|cons|desvantage\w*|contras|pontos? negativos?)\b/g, '$& pitfalls armadilhas'],
  [/\b(what'?s|whats|is there) the catch\b/g, '$& pitfalls armadilhas trade-offs limitacoes'],
  // What a choice gains is its advantages.
  [/\b(what do (we|i|you) (actually |really )?gain|(what'?s|whats|which|what)( are| is)? (the )?(actual |real |main |big |biggest )?(benefits?|upsides?|gains?)|o que (a gente |eu |nos )?(ganh\w*)|quais os ganhos|pontos? positivos?)\b/g, '$& advantages vantagens'],
  // One event that must reach several services is fanned out through a topic.
  [/\b(chegue|cheguem|chegar|entregar|entregue|mandar|mande|enviar|envie|deliver|delivered|send|sent|reach|reaches|go|goes) (\w+ ){0,3}(em|para|pra|a|to|into) (\d+|varios|varias|tres|duas|dois|multiple|several|many|all|every|todos os|todas as|two|three|each) (\w+ )?(servicos|services|consumers|consumidores|filas|queues|subscribers|assinantes|microsservicos|microservices|lambdas)\b/g, '$& fan-out sns topic topico'],
  // Being told when spending passes an amount ("an email before my bill goes over 20 bucks", "which alert percentages")
  // is what a budget's thresholds do; being told of any charge at all ("charged even 1 cent"), a zero-spend budget.
  [/\b(alerts?|alertas?|avis[oa]\w*|email|e-mail|notif\w*|warn\w*)\b (\w+ ){0,8}(\d+ ?(bucks|dolares|dollars|reais|usd)|\$ ?\d+|percentages?|porcentage\w*|percentuais)\b/g, '$& budget orcamento thresholds'],
  [/\b(anything|qualquer coisa|qualquer valor|qualquer centavo) (\w+ ){0,2}(billed|charged|cobrad[oa])\b|\b(charged|billed|cobrad[oa]|pagar) (\w+ ){0,2}(1|one|a single|um|nem um) (cent|centavo)\b/g, '$& zero spend budget orcamento'],
  // Capacity that keeps going up and down ("o numero de tasks sobe e desce a cada minuto", "keeps adding and removing
  // tasks") is scaling that flaps: what cooldowns are for. Adding and removing is read as going on ("fica adicionando e
  // tirando task"); "o autoscaler adiciona e remove container" says what autoscaling does.
  [/\b(tasks?|tarefas?|instancias?|instances?|containers?|capacidade|capacity|replicas?|pods?)\b (\w+ ){0,6}(sobe e desce|sobem e descem|subir e descer|subindo e descendo|aumenta e diminui|aumentando e diminuindo|go(es|ing)? up and down)\b|\b(adicionando|criando|subindo|adding|spinning up) e? ?(and )?(tirando|removendo|matando|derrubando|removing|killing) (\w+ ){0,2}(tasks?|tarefas?|instancias?|instances?|containers?|capacidade|capacity|replicas?|pods?)\b/g, '$& flapping oscilar cooldown'],
  // An old task that takes minutes to go away is waiting out the load balancer's deregistration delay.
  [/\b(demora|demoram|leva|levam|takes?|taking) (\w+ ){0,5}(min|mins|minutos?|minutes?|minimo) (\w+ ){0,2}(pra|para|to) (parar|sair|morrer|desligar|stop|die|drain|go away|be removed|shut down)\b/g, '$& deregistration delay draining drenagem'],
  // Getting an image into a registry is pushing it; getting it out, pulling it.
  [/\b(get|put|send|upload|move|ship|mandar|mando|subir|subo|enviar|envio|colocar|coloco|jogar|jogo) (\w+ ){0,3}(in)?(to|pro|pra|para o|para a|no|na) (the |my |our |a |an |o |meu |nosso )?(ecr|registry|registro|docker hub|dockerhub)\b/g, '$& push'],
  // Services that can only be released together, one dragging the others along, are a distributed monolith.
  [/\b(releas\w*|deploy\w*|lancamento|versao) (of|de) (one|um|uma) (\w+ ){0,3}(drags?|pulls?|forces?|takes?|leva|arrasta|obriga)\w* (\w+ ){0,3}(others|other ones|outros|outras|all|todos|todas)\b|\b(deploy\w*|releas\w*|ship\w*|subir|sobem|subimos) (\w+ ){0,3}(together|all at once|at the same time|juntos|juntas|tudo junto|ao mesmo tempo)\b/g, '$& deployed together distributed monolith'],
  // The logs of one request are tied together by the ID every line carries.
  [/\b(tie|ties|tied|group|stitch|juntar|agrupar|ligar) (\w+ ){0,4}(together|juntos?|juntas?)\b|\b(belongs? to|de uma mesma|da mesma|of the same) (one |a |uma? )?(request|requisicao|pedido)\b/g, '$& request id links id requisicao liga'],
  // A count that keeps rising and falling is scaling, whatever is counted.
  [/\b(adding and removing|add and remove|adds and removes|up and down|sobe e desce|subindo e descendo|aumenta e diminui|cria e (mata|destroi|remove))\b/g, '$& scaling escala cooldown'],
  // ...however the student tells it: "adding a task, then removing it", "sobe tarefa, desce tarefa", "num vai e vem".
  [/\b((adding|adds|launching|starting|adicionando|adiciona|sobe|subindo|criando|cria) (\w+,? ){0,3}(then |and then |e depois |e |depois )?(removing|removes|killing|stopping|removendo|remove|desce|descendo|matando|mata)|vai e vem|back and forth|flapping|oscila\w*)\b/g, '$& scaling escala cooldown'],
  // Scaling the number of tasks or instances, said in Portuguese ("escalar o numero de tasks"), is what the notes call auto scaling.
  [/\b(escal(ar|a|am|o|ou|ando|onar|ona|onando)|escalonamento) (\w+ ){0,3}(tasks?|tarefas?|instancias?|containers?|conteineres|pods?|replicas?|servicos?)\b/g, '$& auto scaling'],
  // A count of tasks or instances kept between two numbers, or that rises by itself, is auto scaling.
  [/\b((between|entre) \d+ (and|e) \d+ (\w+ )?(copies|copias|tasks?|tarefas?|instances?|instancias?|containers?|replicas?)|(tasks?|tarefas?|instancias?|instances?|containers?|copias|copies|replicas?) (\w+ ){0,6}(subir|sobe|sobem|descer|desce|aumentar|aumenta|crescer|cresce|go up|goes up|grow|grows) (\w+ )?(sozinh\w*|automaticamente|on (its|their) own|by itself|by themselves|automatically))\b/g, '$& auto scaling'],
  // What is kept from one invocation to the next is the warm execution environment, and what runs once in it, the code outside the handler.
  [/\b((a cada|em cada|toda|every|each) (nova |new )?(invocacao|invocation)|(entre|between|across) (as |the )?(invocacoes|invocations))\b/g, '$& reaproveita reuse ambiente environment handler fora outside'],
  // "Quem chama quem", "who polls the queue": what invokes a function is its trigger.
  [/\b(quem (chama|busca|le|puxa|invoca|aciona|dispara)\w*|who (calls|polls|pulls|reads|invokes|triggers|fetches)|polling)\b/g, '$& gatilho trigger evento event'],
  // ...and so is whether a queue pushes its messages or is pulled from ("ela fica puxando ou a fila empurra pra ela").
  [/\b((fila|queue|sqs) (empurra|empurrando|manda|pushes|pushing)|(puxa|puxando|pulls?|pulling|polls?) (\w+ ){0,3}(fila|queue|sqs)|fica (puxando|consultando))\b/g, '$& gatilho trigger event source mapping'],
  // Sending each user to the region that answers them fastest is a routing policy of DNS.
  [/\b((users?|clients?|customers?|visitors?) (\w+ )?(land|go|get sent|be sent|be routed|end up) (on|to|in) |(cliente|usuario)s? (\w+ )?(cair|cai|caia|caiam|ir|va|vao) (sozinhos? )?(na|no|pra|para|em) |responde mais rapido (pra|para) (ele|eles|o usuario|o cliente|cada))/g, '$& latency routing roteamento latencia geolocation'],
  // The provider letting a customer do something unsafe ("a aws deixou eu abrir a porta 22") is the shared responsibility model.
  [/\b((a )?aws (deixa|deixou|permite|permitiu|aceita|aceitou|nao bloqueia|nao bloqueou|devia bloquear|deveria bloquear)|(aws|amazon) (lets|let|allows|allowed) (me|you|us)|(shouldn'?t|should|doesn'?t|didn'?t) (aws|amazon) (block|stop|prevent))\b/g, '$& responsabilidade compartilhada shared responsibility'],
  // "What can start a Lambda", "quais eventos disparam": what triggers it.
  [/\b(what|which|que|quais) (\w+ )?(can |could |pode |podem |do |does )?(start|starts|invoke|invokes|call|calls|trigger|triggers|run|runs|dispara\w*|aciona\w*|chama\w*|inicia\w*|executa\w*)\b/g, '$& gatilho trigger evento event'],
  // Being told by e-mail or a message when something happens is what an alarm or alert does; an e-mail address the
  // application keeps ("atualizar o email do aluno") is data, and says nothing of alarms.
  [/\b((by|via|an|por|um|pelo|per) e-?mails?|e-?mail (me|us|the team)|(get|gets|got|receive|receives|received|send|sends|sent|mand\w*|receb\w*|envi\w*) (an |um |me um |o )?e-?mails?|notify|notified|notifica\w*|avis\w*|me mand\w*|send me)\b/g, '$& alarme alarm alerta alert'],
  // "Three nines", "quatro noves": an availability, written in the notes as its figure (99.9 %), whether a
  // year's downtime (high availability) or a month's error budget (SLOs) is asked of it.
  [/\b((two|three|four|five|2|3|4|5) nines|(dois|tres|quatro|cinco|2|3|4|5) noves)\b/g, '$& 99.9 99,9'],
  // How long a request takes is its latency, whatever a student calls it.
  [/\b(response times?|tempos? de resposta|time to respond|demora (pra|para) responder)\b/g, '$& latencia latency'],
  // Being down is an outage; how long a system may stay down is a recovery objective.
  // ("Downtime" is the notes' own word, for error budgets as much as for recovery: it needs no help.)
  [/\b((be|stay|is|are|go|went) (down|offline)|fica\w* fora do ar|sai\w* do ar)\b/g, '$& indisponibilidade outage recuperacao recovery'],
  [/\b(los(e|es|ing|t) (\w+ )?data|data loss|perd(er|e|i|a|emos) (\w+ )?dados|perda de dados)\b/g, '$& perda de dados data loss'],
  // Sending the same request again is a retry.
  [/\b(resend\w*|send (it )?again|retr(y|ies|ied)|reenvi\w*|mand\w* de novo|tent\w* de novo|repet\w*)\b/g, '$& retry retentativa'],
  // Promising to use or pay for a term is a commitment.
  [/\b(lock(ing|ed)? in|commit(ting)? to|sign(ing)? up for|fidelidade|contrato|me comprometer|compromet\w*)\b/g, '$& compromisso commitment'],
  // The traits that make something count as something are its characteristics.
  [/\b(traits?|features that make|requisitos|requirements to count|what makes (\w+ )?count)\b/g, '$& caracteristicas characteristics'],
  // A ping sent to a person is a notification ("ping me when the bill passes $50", "get pinged"); a ping of a
  // database or an endpoint is a check that it answers ("my /health endpoint pings the db").
  [/\b(ping(ed|s|ing)? (me|us|you|them|the team|everyone|someone)|(get|gets|got|getting|be|being) pinged|me ping\w*|alert me|warn me)\b/g, '$& alarme alarm alerta alert'],
  // A machine bigger or smaller than its load needs is sized wrong: right-sizing is what fixes it.
  [/\b(superdimensionad\w*|subdimensionad\w*|over-?provisioned|under-?provisioned|oversized|undersized)\b/g, '$& right-sizing redimensionamento'],
  // Keeping the order things happened in is what a FIFO queue does.
  [/\b((in|na|em) (the )?(exact |same |right |original |correct |strict )?(order|ordem)( (they|que|em que) (happened|arrived|came|were sent|aconteceram|chegaram))?|out of order|fora de ordem)\b/g, '$& fifo ordering ordem'],
  // Doing a thing twice when it should happen once is what idempotency prevents.
  [/\b(never twice|not twice|only once|exactly once|twice|duas vezes|so uma vez|uma vez so|(two|duplicate|duplicated|double) (orders|charges|payments|records|messages)|pedidos? duplicad\w*|(pedido|cobranca|pagamento|mensagem)s? (em dobro|duplicad\w*))\b/g, '$& idempotent idempotente duplicates duplicatas'],
  // A pod's own address changes whenever it is recreated: what stays put in front of pods is a Service.
  [/^(?=.*\bpods?\b)(?=.*\b(ips?|address|addresses|endereco|enderecos)\b).*$/g, '$& service stable address endereco estavel'],
  // Searching the lines of a log for something ("a query pra achar as linhas com ERROR", "grep my logs") is what Logs Insights does.
  [/^(?=.*\b(query|queries|consulta|consultas|consultar|grep|search|searching|pesquisar|pesquiso|buscar|busco|filtrar|filtro)\b)(?=.*\blogs?\b).*$/g, '$& logs insights'],
  // Whether and how a function takes messages from a queue ("o lambda consegue ler de uma fila sqs sozinho") is its
  // trigger, the queue's event source mapping; what then happens to a message (read twice, sent to the DLQ) is the queue's.
  [/^(?!.*\b(twice|again|duas vezes|de novo|dlq|dead|duplic\w*|visibility|visibilidade|fifo|order|ordem|perd\w*|lost|timeout|retry|retent\w*)\b)(?=.*\b(lambdas?|functions?|funcao|funcoes)\b(\s\S+){0,4}\s(le|ler|leia|read|reads|consume|consumes|consumir|consome|pega|pegar|pull|pulls|picks?|gets?)\b(\s\S+){0,5}\s(sqs|fila|filas|queue|queues)\b).*$/g, '$& gatilho trigger event source mapping'],
  // A user's session kept in one process's memory is lost when the service scales out and another copy answers:
  // processes keep no state.
  [/^(?=.*\b(sessions?|sessao|sessoes|login|logins)\b)(?=.*\b(memory|memoria|in-memory|ram)\b)(?=.*\b(scal\w*|escal\w*|tasks|tarefas|instances|instancias|replicas|containers|pods)\b).*$/g, '$& stateless sem estado processos processes'],
  // Which service made the bill grow, or the spending split by service, is what Cost Explorer shows.
  [/^(?=.*\b(fatura|conta|bill|billing|custos?|costs?|gastos?|spend|spending)\b)(?=.*\b((qual|quais|which|what) (\w+ ){0,2}(servico|servicos|service|services)|(por|by|per) (servico|service)|separad\w* por servico|broken down by service)\b).*$/g, '$& cost explorer'],
  // Logs written as JSON are what the notes call structured logging.
  [/\b(logs? (em |in |as )?json|json logs?|logar (em )?json)\b/g, '$& log estruturado structured logging']
]

// Everyday words and turns of phrase for what the notes name with a technical term. Unlike the
// phrases above, the words they match count as known (see phraseWords): a student who says a
// model "inventa" asks about hallucinations, not about something the notes lack.
const SYNONYMS: Array<[RegExp, string]> = [
  // "The mean" of a latency is its average, which the notes say hides the slow tail (percentiles). "What does it mean" is no average.
  [/\b(the|a|our|my|its|their) mean\b(?! (by|that|to|for|it|you|we|i)\b)|\bmean (response|latency|time|value|request)s?\b/g, '$& average'],
  // Purging a CDN's cache ("should i purge it after every deploy") is what CloudFront calls an invalidation; clearing a
  // cache is one only when the question is about the CDN ("limpar o cache do redis" is not).
  [/\b(purge|purges|purged|purging|purgar|purga|purgo)\b/g, '$& invalidation invalidacao'],
  [/^(?=.*\b(cloudfront|cdn)\b)(?=.*\b(clear|flush|bust|limpar|limpo|limpa) (the |o |do )?cache\b).*$/g, '$& invalidation invalidacao'],
  // A Portuguese question keeps the English "error budget"; the Portuguese notes say "orçamento de erros" (no AWS Budgets).
  [/\berror budgets?\b/g, '$& orcamento de erros'],
  // Alerts on every spike that nobody reads any more ("criamos alerta pra qualquer pico de cpu e o time ja ignora tudo") are
  // what alerting on the error budget's burn replaces.
  [/\b((alert\w*|alarm\w*|alarme\w*|alerta\w*|pag(e|ed|ing)) (\w+ ){0,3}(qualquer|todo|toda|cada|every|any|each) (\w+ ){0,2}(picos?|spikes?|blips?)|alert fatigue|fadiga de alertas?)\b/g, '$& slo orcamento de erros error budget'],
  // What was forgotten and left running ("recursos esquecidos", "instances we forgot about"), a project's leftovers and
  // what keeps charging while nobody uses it are what the notes call idle.
  [/\b(recursos?|resources?|coisas|stuff|things|instancias|instances|volumes|servers?|servidores|maquinas|ambientes|environments)\b[^?.!]{0,30}\b(esquecid[oa]s?|forgotten|forgot|left (on|running)|abandonad[oa]s?|abandoned|largad[oa]s?|orphan(ed)?s?)\b|\b(leftover|left-over|sobras?|sobrando) (stuff|things|resources?|recursos|coisas|instances|instancias)\b|\b(full of|cheia de|cheio de) (leftover|old|sobras|coisa velha|coisas velhas)\b|\b(charg\w*|cobr\w*|gast\w*|burn\w*|cost\w*)\b[^?.!]{0,60}\b(nobody|no one|ninguem) (is |ta |esta )?(even )?(us\w*)\b|\b(esquecid[oa]s?|forgotten|abandoned|orphaned) (recursos?|resources?|instancias|instances|volumes|servers?|servidores|ambientes|environments)\b/g, '$& idle ociosos'],
  // That storage "never loses anything" is its durability, which the notes set apart from keeping a deleted file.
  [/\b(nada se perde|nunca (se )?perde (nada|dados?|arquivos?|objetos?)|nao perde nada|never los(e|es) (anything|data|files?|objects?|a (file|byte|thing))|nothing (is|gets|ever gets) lost|onze noves|eleven nines|11 (noves|nines))\b/g, '$& durabilidade durability'],
  // A model that "makes things up" or "invents" an answer hallucinates.
  [/\b(mak(e|es|ing) (stuff|things|shit|facts|answers) up|made (stuff|things) up|invent(s|ed|ing)?|inventa\w*|inventou|invencao)\b/g, '$& hallucination alucinacao'],
  // Going back to the version that worked is a rollback, however it is said ("aponta o serviço de volta para a revisão 41").
  [/\b(flip(s|ped|ping)? (\w+ )?back|switch(es|ed|ing)? (\w+ )?back|(go(es|ing)?|went|roll(s|ed|ing)?) back to (the )?(previous|last|old|older|prior|earlier) (version|release|deploy\w*|one)|undo|revert\w*|desfaz\w*|desfazer|volt\w* (pra|para|a) versao (anterior|antiga|velha)|(de volta|back) (para|pra|to) (a |the )?(revisao|revision|versao|version)|(aponta\w*|point\w*) (\w+ ){0,3}(de volta|back))\b/g, '$& rollback'],
  // The system's package manager run on a server in a private network ("apt-get update" from a private subnet) downloads
  // packages and updates from the internet; a language's ("npm install" in a Dockerfile) builds the program.
  [/\b(apt get|apt-get|apt|yum|dnf) (update|upgrade|install)\b(?=[^]*\b(subnets?|sub-?redes?|privat\w*|privad\w*|internet|nat|vpc|outbound|egress|saida)\b)|(?<=\b(subnets?|sub-?redes?|privat\w*|privad\w*|internet|nat|vpc|outbound|egress|saida)\b[^]*)\b(apt get|apt-get|apt|yum|dnf) (update|upgrade|install)\b/g, '$& packages pacotes updates atualizacoes'],
  // A machine whose CPU sits low all month ("10% de cpu o mes inteiro", "8% cpu the whole month") is one to right-size.
  [/\b(cpu|vcpu|processador)\b[^?.!]{0,25}\b\d{1,2} ?%[^?.!]{0,25}\b(o mes (inteiro|todo)|o tempo todo|sempre|all month|the whole month|all the time|every day|todo dia|o dia todo)\b|\b\d{1,2} ?% (de |of )?cpu\b[^?.!]{0,25}\b(o mes (inteiro|todo)|o tempo todo|all month|the whole month|all the time)\b/g, '$& right-sizing redimensionamento'],
  // AWS's Graviton processors and Apple's M-series chips, named where the question speaks of the architecture ("arm64 no
  // graviton", "build pra arm64 pq meu mac eh M1"), are where the ARM64 image comes from.
  [/\b(graviton\d*|m1|m2|m3|m4|apple silicon)\b(?=[^]*\b(arm64|arm|aarch64|x86|x86_64|amd64)\b)|(?<=\b(arm64|arm|aarch64|x86|x86_64|amd64)\b[^]*)\b(graviton\d*|m1|m2|m3|m4|apple silicon)\b/g, '$& arm64'],
  // Inbound data is, in the notes' words, data coming into AWS (what a transfer costs depends on its direction).
  [/\b(inbound|incoming) (data|traffic|transfer)\b/g, '$& data coming into'],
  // The domain without "www" is what DNS calls the zone apex.
  [/\b(bare|naked|root|apex) domains?\b/g, '$& apex zone apex'],
  // ...which the Portuguese notes call "ápice da zona".
  [/\b(dominios? (raiz|nu|pelado|sem www)|raiz do dominio)\b/g, '$& apice da zona'],
  // A CNAME wanted at the domain itself ("a CNAME on example.com itself", "cname no dominio raiz") meets a rule of the
  // record types: a CNAME may not sit at the zone apex.
  [/^(?=.*\bcnames?\b)(?=.*\b(apex|bare|naked|root|raiz|itself|sem www|no www|proprio)\b).*$/g, '$& record types'],
  // A queue's message that comes back by itself ("sqs msg comes back after 30s", "a mensagem volta pra fila") became visible
  // again when its visibility timeout ran out.
  [/\b(msg|msgs|message|messages|mensage\w*)\b (\w+ ){0,3}(comes? back|came back|coming back|reappears?|reappeared|shows? up again|volta|voltam|voltou|reaparece\w*)\b/g, '$& visibility timeout visibilidade'],
  // The first request after a quiet spell being slow is a cold start.
  [/\b(first (request|call|invocation|hit)s?( (to|on|of|into|for) (my |the |our |a )?\w+)? (after|is|are|was|takes?|took|gets?|being) \w*( \w+)? ?(slow|slower|long)?|after (a )?(quiet|idle|inactive) (period|spell|time|while)|primeira (requisicao|chamada|invocacao|execucao) (depois|apos|e|fica|demora|lenta)\w*|depois de (um tempo )?(parad[ao]|ociosa?|sem uso))\b/g, '$& cold start partida a frio'],
  // So is the first call being slow with no quiet spell said before it ("why is the first call to my lambda slow and the
  // next ones fast").
  [/\bfirst (request|call|invocation|hit)s?( (to|on|of|into|for) (my |the |our |a )?\w+)? (really |so |super |very |always )?(slow|slower|laggy)\b/g, '$& cold start partida a frio'],
  // One request crossing several services ("a request passa por 4 servicos", "goes through our gateway, two
  // services and a database") is what tracing follows.
  [/\b(requests?|requisic\w*|chamadas?) (\w+ )?(goes|go|passes|pass|crosses|hops|passa|passam|atravessa|percorre) (thru|through|across|por|pelos|pelas|entre) ([\w-]+,? ){0,4}(services|servicos|microservices|microsservicos)\b/g, '$& trace tracing rastreamento'],
  // A process killed before it finishes its work when its task stops met the SIGKILL that ends the stop timeout.
  [/\b((is|are|gets?|got|being|was|were) killed (before|early|too soon|mid)|killed before (it|they|the \w+) (finish|finishes|finished|completes?|is done)|(e|eh|foi|fica|sendo|acaba sendo) (mort[oa]s?|encerrad[oa]s?) (antes|no meio|cedo demais)|(mata|matam|matou) (\w+ )?(antes de terminar|no meio))\b/g, '$& sigkill stoptimeout'],
  // Far more memory or CPU given than used ("4gb de ram e usam uns 600mb", "2 vcpu but use 10%") is a resource to right-size.
  [/\b\d+(\.\d+)? ?(gb|mb|gib|mib|vcpus?|cpus?)\b[^.?!]{0,40}?\b(but |mas |and |e )?(only |just |so |mal )?(use|uses|using|used|usa|usam|usando|uso|utiliza\w*|sits? at|fica em|ficam em) (only |just |so |about |around |like |uns |umas |tipo |cerca de |no maximo )?\d+(\.\d+)? ?(%|gb|mb|gib|mib)/g, '$& right-sizing'],
  // Moving all the traffic to the new version at once, with the old one kept to go back to, is blue/green.
  [/\b((switch|swap|flip|move|cut over|trocar|troca|mudar|muda|virar|vira|passar|jogar) (\w+ ){0,3}(everything|all( the)? traffic|all users|tudo|todo o trafego|todos os usuarios) (\w+ ){0,4}(at once|in one go|all at once|de uma vez|de uma so vez|de vez))\b/g, '$& blue/green'],
  // A subnet that offers five addresses fewer than its size ("251 free addresses", "11 instead of 16", "contei 256",
  // "isnt a /28 16 addresses?") shows the addresses AWS reserves in every subnet.
  [/^(?=.*\b(subnets?|sub-?redes?|cidr|vpc|addresses|ips|enderecos)\b).*?\b((251|123|59|27|11) (\w+ ){0,2}(addresses|ips|enderecos|hosts)|(instead of|rather than|not|em vez de|e nao|counted|contei|conto) (256|128|64|32|16)( (addresses|ips|enderecos))?|(isnt|is not|nao e|nao eh|nao sao) (a |uma )?\/2\d (\w+ )?(256|128|64|32|16))\b.*$/g, '$& reserved reservados'],
  // The side effect of a change is its trade-off.
  [/\b(efeitos? colatera(l|is)|side[- ]effects?)\b/g, 'trade-offs desvantagens pitfalls armadilhas'],
  // A policy kept tight, only the permissions needed, is least privilege.
  [/\b(tight(er|en|ening)?|minimal|narrow(er)?|enxut\w*|minim[ao]s?|restrit\w*) (iam )?(polic(y|ies)|perm(ission)?s?|politicas?|permiss(ao|oes))\b/g, '$& least privilege minimo privilegio'],
  [/\b(politicas?|permiss(ao|oes)) (bem |mais )?(enxut\w*|minim[ao]s|restrit\w*|apertad\w*)\b/g, '$& least privilege minimo privilegio'],
  // A heads-up before something happens is an alert.
  [/\b(heads?[- ]up|give me a warning|um aviso antes|me avis\w* antes)\b/g, 'alarme alarm alerta alert'],
  // A model that gives the same answer every time is one whose answers are repeatable: what its temperature sets.
  [/\b((the )?same (answer|output|response|reply)s? (every|each) (time|run|call)|(always|consistently) (gives?|returns?) the same (answer|output|response)|deterministic( answers| output)?|less random)\b/g, '$& repeatable temperature'],
  [/\b((a |as )?mesma resposta (toda|em toda|sempre|cada)|sempre a mesma resposta|respostas? deterministic[ao]s?)\b/g, '$& repetiveis temperatura'],
  // Capacity added before a rush that comes at a known time is scheduled scaling.
  [/\b((add|adding|raise|raising|increase|increasing|aument\w*|subir) (\w+ ){0,2}(capacity|capacidade|tasks|tarefas|instances|instancias) (\w+ ){0,2}(before|ahead of|antes d[aoe]s?)|(capacity|capacidade) (\w+ ){0,3}(ahead of time|in advance|com antecedencia)|(scale|escalar) (out |up )?(ahead of time|in advance|com antecedencia)|(every|toda|todo) (monday|tuesday|wednesday|thursday|friday|morning|day|week|segunda|terca|quarta|quinta|sexta|manha|dia|semana)\w* (at|as|a) \d+)\b/g, '$& scheduled scaling known times horarios conhecidos'],
  // Appending to a file or editing a piece of it is changing an object in place, which object storage does not do.
  [/\b(append\w*|(edit\w*|alter\w*|modif\w*) (so |only |just )?(um pedaco|uma parte|uma linha|um trecho|part|a part|a piece|one line|a line|a few lines|algumas linhas)|in place)\b/g, '$& replaced as a whole edited in place substituido por inteiro'],
  // Every consumer of an event getting its own copy of it is the fan-out of a topic to several queues.
  [/\b((services|consumers|workers|subscribers|queues|systems|apps|microservices|lambdas|functions) (each|all) (\w+ ){0,2}(needs?|gets?|receives?|wants?|should get|must get|ha(s|ve) to get) (its|their|a) (own )?cop(y|ies)|each (service|consumer|worker|subscriber|queue|system|app|microservice|lambda|function) (\w+ ){0,2}(needs?|gets?|receives?|wants?|should get|must get|has to get) (its|their|a) (own )?cop(y|ies)|(own|separate) cop(y|ies) of (each|every|the) (event|message|order)s?)\b/g, '$& fan-out every event'],
  [/\b(cada (servico|consumidor|sistema|fila|microsservico|lambda|funcao|app) (\w+ ){0,2}(recebe|receber|precisa|tem que receber|quer) (de )?(a |uma )?(sua |propria )?copia|(servicos|consumidores|sistemas|filas|microsservicos) (\w+ ){0,6}(precisam|querem|tem que|devem) (\w+ ){0,2}(receber )?(a |uma )?(sua |propria )?copia)\b/g, '$& fan-out cada evento'],
  // Following one request through the services it crosses is distributed tracing.
  [/\b(follow\w*|track\w*|trac(e|ing)|seguir|segue|rastre\w*|acompanh\w*) (a |an |one |uma |um |the |each |cada |o |a )?(single |unica |so )?(request|requisicao|chamada|call)s?\b/g, '$& trace tracing rastreamento'],
  // Counting a pattern of the logs as a metric ("a count of ERROR lines in my logs as a cloudwatch metric") is what a metric filter does.
  [/\b(logs?|log lines|linhas( de log)?)\b[^?.!]{0,50}\b(as|into|in|como|em|numa?|virar|vira|viram) (a |an |uma |um )?(cloudwatch |custom |personalizada )?(metric|metrica)s?\b|\b(metric|metrica)s? (from|out of|de|a partir d[aoe]s?) (the |my |our |os |meus |nossos )?(app |container |aplicacao )?(logs?|log lines|linhas de log)\b/g, '$& metric filter'],
  // Several machines reading and writing one folder need a file system they all mount, which is EFS.
  [/\b((two|2|several|multiple|many|all|both|duas|varias|muitas|todas|as) (\w+ ){0,2}(instances|servers|tasks|containers|machines|instancias|servidores|tarefas|conteineres|maquinas)|(share|sharing|shared|compartilh\w*)) [^?.!]{0,60}\b(same|shared|one|a single|common|mesm[ao]|uma so|um so|compartilhad[ao]|comum) (\w+ )?(folder|directory|dir|disk|drive|volume|pasta|diretorio|disco|files|arquivos)\b/g, '$& shared file system efs'],
  [/\b(shared (disk|drive|folder|volume|storage|file ?system)|(disco|pasta|volume|armazenamento) compartilhad[oa])\b/g, '$& shared file system efs'],
  // CPU or memory left over in what runs ("tarefas com cpu e memória sobrando") is a resource to right-size.
  [/\b(cpu|cpus|vcpu|vcpus|memoria|memory|ram)\b[^?.!]{0,30}\b(sobrando|sobra|sobram|ociosa|ociosas|idle|spare|left over|unused|nao usad[oa]s?|desperdi\w*|wasted|wasting|over-?provisioned|superdimensionad\w*)\b|\b(sobrando|sobra|sobram|spare|unused|wasted|wasting|desperdi\w*) (de |of )?(cpu|vcpu|memoria|memory|ram)\b/g, '$& right-sizing redimensionamento'],
  // What the student expected AWS to block ("a aws não devia ter bloqueado?") is what it does not prevent.
  [/\b(bloquead[oa]s?|bloquear|bloqueia|bloqueou|barrad[oa]s?|barrar|barrou)\b/g, '$& impedir impede'],
  // What the teacher keeps saying only frames the question, and what a thing looks like in practice asks for an example.
  [/\b((my|our|the|o|a|meu|minha|nosso|nossa) )?(prof|professor|professora|teacher|instructor)( \w+)? (keeps|kept|always|vive|sempre|fica|ficou) (saying|says|talking about|mentioning|falando( de| sobre| em)?|dizendo|repetindo|mencionando)\b/g, ' '],
  [/\bwhat (does|would|will) (that|it|this) (actually |really )?look like( in practice)?\b/g, ' example exemplo '],
  // A health check that calls the database, and tasks restarted when the database slowed, is a liveness check doing a readiness check's job.
  [/^(?=.*\b(health|healthcheck|health-check|saude|healthz)\b)(?=.*\b(restart\w*|reinici\w*|recicl\w*|kill\w*|replac\w*|substitu\w*|derrub\w*)\b)(?=.*\b(database|db|banco|rds|postgres\w*|mysql|redis|dependenc\w*|dependency|external api|api externa)\b).*$/g, '$& liveness readiness'],
  // TLS between the service and its database or cache inside the VPC is encryption in transit, not the load balancer's HTTPS.
  [/^(?=.*\b(tls|https|ssl|criptograf\w*|encrypt\w*)\b)(?=.*\b(inside the vpc|within the vpc|dentro da vpc|na vpc|internal|interna|interno|between (the )?services|entre (os )?servicos|(to|with|and) (the )?(db|database|rds|redis)|(com|pro|pra|para) o (banco|rds|redis)|o banco e o redis)\b).*$/g, '$& encryption in transit criptografia em transito'],
  // An answer that appears bit by bit as it is generated ("aparecer aos poucos igual no chatgpt") is streamed.
  [/\b(aos poucos|pouco a pouco|palavra por palavra|word by word|token by token|token a token|bit by bit|as (it'?s|its|they'?re) (being )?(generated|written|typed)|enquanto (e )?(gera|gerada|escreve)|like chatgpt does|igual (no|ao) chatgpt|while it types|letra por letra)\b/g, '$& streaming'],
  // A service whose task count goes up and down in a loop ("2 -> 4 -> 2 -> 4 tasks", "fighting itself") flaps, which cooldowns prevent.
  [/^(?=.*\b(tasks?|tarefas?|instances?|instancias?|scal\w*|escal\w*|capacity|capacidade|autoscal\w*|containers?|conteineres?)\b)(?=.*(\b(\d+) ?(->|→|>|to|pra|para) ?(\d+) ?(->|→|>|to|pra|para) ?\3\b|\b(up and down|sobe e desce|subindo e descendo|oscil\w*|flapping|flaps|fighting itself|brigando com ele mesmo|back and forth|vai e volta)\b)).*$/g, '$& flap cooldown'],
  // A secret changed while the app still sees the old one: running tasks keep the value read when they started.
  [/^(?=.*\b(secrets? manager|secrets?|segredos?|parameter store|ssm)\b)(?=.*\b(changed|updated|rotated|mudei|mudou|troquei|trocou|atualizei|atualizou|alterei|alterou|rotacionei|rotacionou)\b)(?=.*\b(still|ainda|continua\w*|redeploy\w*|restart\w*|reinici\w*)\b).*$/g, '$& running tasks keep old value new tasks launched tarefas em execucao valor antigo novas tarefas'],
  // Everything in one Availability Zone ("subi tudo numa az só pra economizar") asks what more than one would give.
  [/\b(so (uma|1) availability zone|(uma|1|numa|em uma) availability zone (so|apenas)|single[- ](az|availability zone)|(only )?one availability zone|only one availability zone|a single availability zone)\b/g, '$& mais de uma zona de disponibilidade multiple availability zones']
]

/**
 * The words of a folded question that a phrase above reads as the notes' own term ("flip back",
 * "inventa"): everyday words whose absence from the notes says nothing about what they cover.
 */
export function phraseWords (folded: string): Set<string> {
  const words = new Set<string>()
  for (const [pattern] of SYNONYMS) {
    for (const match of folded.matchAll(pattern)) for (const word of match[0].split(/\s+/)) words.add(word)
  }
  return words
}

/**
 * How plainly the student wants the answer told ("in simple words", "em palavras simples", "like i'm five"): a wish
 * about the telling, not about what is told. Its words ("simple", "words", "palavras") name nothing in the notes, yet
 * searched for they lead to whichever section happens to write them. How briefly ("in one sentence", "numa frase",
 * "resumo") is kept: that asks for the notes' recap sections, and their students' questions say so.
 */
const GIST_PHRASES = new RegExp([
  String.raw`\bin (very |really |more )?(simple|simpler|plain|easy|basic|everyday|normal|human|layman'?s?|non-?technical) (words|terms|english|language|portuguese)\b`,
  String.raw`\b(simply|like (i'?m|im|i am) (5|five|a child|a kid)|like (to )?a (5|five) year old|to a (5|five) year old|for (a |an )?(layman|laymen|dummies|non-?techies?|kids?))\b`,
  String.raw`\beli5\b`,
  // The shape the reply should take ("responde em duas linhas no maximo", "reply in 3 bullet points", "answer in topics", "just
  // the number", "no essay", "sem enrolação"): a wish about the reply, not about what it says; "lines", "number" and "points"
  // would lead to whichever section writes them. How short ("resposta curta", "resume em 2 linhas") asks for the recaps, as above.
  String.raw`\b(respond[ea]|responda|reply|answer|explain|explica|explique)( (it|isso|that|this))? (in|em|with|com|using|usando) (no more than |at most |no maximo |ate |max |only )?(\d+|one|two|three|four|five|uma|duas|tres|quatro|cinco|poucas|few|a few) (short |curtas? |quick )?(lines?|linhas?|bullets?|bullet points|topicos|points|pontos|words|palavras|paragraphs?|paragrafos?)( (no maximo|max|at most|tops))?\b`,
  String.raw`\b(respond[ea]|responda|reply|answer)( (it|isso|that|this))? (in|em|with|com|as) (short |curtos |quick )?(topicos|bullets|bullet points|a list|lista)( curtos)?\b|\b(bullets?|bullet points|topicos) only\b|\b(just|only) (the )?number\b|\b(so|apenas) o numero\b`,
  String.raw`\b(no essay|no fluff|sem enrolacao|sem enrolar)\b`,
  String.raw`\b(em|com|de) (palavras|termos) (bem )?(simples|faceis|basicas)\b`,
  String.raw`\bde (um )?(jeito|forma|modo|maneira) (bem )?(simples|simplificad[ao]|facil|didatic[ao]|leiga)\b`,
  String.raw`\b(pra|para) (um |uma )?(leig[oa]s?|crianca)( entender)?\b`,
  String.raw`\bcomo se eu (fosse|tivesse) (uma crianca|um leigo|uma leiga|crianca|leigo|leiga|\d+ anos|cinco anos)\b`,
  String.raw`\bsem (tecniques|tecnicismo|jargao)\b`,
  // How the student means to memorise it ("macete pra gravar", "como eu decoro", "to tentando decorar", "trying to lock that
  // in", "é assim que eu decoro"): a wish about learning it, not about what is learnt; "lock" and "fixar" would lead to state
  // locks and pinned versions. Flashcards are kept: like a summary, they ask for the notes' recap sections.
  String.raw`\b(mnemonics?|mnemonicos?|macetes?|bizus?)\b`,
  String.raw`\b(como|how) (eu |do i |do u |do you |can i )?(decoro|decorar|memori[sz]e|lembro|gravo)\b`,
  String.raw`\b(how (do|can|should|would|will) (i|we|you|u) |como (eu )?(posso |vou |faco pra )?|(a|one|some|any|an easy|a good|the best) ways? (to|de|pra|para) |help me |me ajuda (a |pra |para )|(trying|try|tentando|tento) (to |a )?|(that'?s|this is|is|e) (how|assim que|como) (i |eu )?)(memori[sz]e|memori[sz]ing|lock (it|that|this|them) in|decorar|decoro|decorando|fixar|fixo|gravar|gravo|lembrar|lembro)\b`,
  // Who the answer is passed on to and how ("my boss asked", "o cliente perguntou", "how do i explain it to her", "oq eu
  // respondo"): the telling, not what is told; "client" and "boss" would otherwise lead to the notes' clients and owners.
  String.raw`(\b(my|our|the|meu|minha|nosso|nossa|o|a) |^\W*)((non[- ]?tech(nical)?|nontechnical|leig[oa]|new|novo|nova) )?(boss|manager|client|customer|mom|mother|dad|father|aunt|uncle|grandma|grandpa|friend|cofounder|chefe|gerente|cliente|mae|pai|tia|tio|avo|amigo|amiga|socio) (\w+ ){0,2}(asked|asks|wants to know|wanted to know|perguntou|pergunta|quer saber|queria saber)\b`,
  String.raw`\b(how (do|can|should) i|como (eu )?(posso )?)(explain|tell|put|explico|explicar|falo|digo) (it |this |that |isso )?(to |pra |para )?(him|her|them|ele|ela|eles|my \w+|meu \w+|minha \w+)\b`,
  // When it is needed ("prova amanha:", "exam tomorrow:", "demo in 15 min", "entrega hj"), said apart from the question:
  // why the student is in a hurry, not what they ask; "exam" and "prova" would lead to the recaps whose students'
  // questions prepare for one. An exam named by its subject ("algorithms exam tomorrow") is left alone.
  String.raw`(?<=(^|[,.;:!?()-]) *|\b(my|our|the|a|minha|meu|nossa|nosso|o|tenho|have|got) )(prova|provas|exam|exams|exame|test|quiz|midterm|finals?|demo|apresentacao|entrega|deadline|prazo|trabalho|p1|p2|p3|av1|av2)( (is|e|eh|ta|fica|vence|termina))? (amanha|hoje|hj|tomorrow|tmrw|tmr|today|tonight|soon|in (\d+|an|a|one|two|few) ?(min|mins|minutes|h|hr|hrs|hours?)|em (\d+|uma|duas|meia) ?(min|mins|minutos|h|hora|horas)|daqui a ?(\d+|uma|pouco|meia)( ?(min|minutos|h|hora|horas))?|(pra|para) (hoje|amanha|agora))\b`,
  String.raw`\b(due|entrega|vence) (tonight|today|tomorrow|hoje|amanha|hj|soon|in \d+ ?(min|mins|minutes|h|hours?))\b`,
  // How the student means to tell it ("how do i explain …", "como eu explico …"): the telling, not what is told.
  String.raw`\b(how (do|can|should|would) (i|we|you|u)|como (eu )?(posso |vou |devo )?) (explain|describe|explico|explicar|explicaria|descrevo|descrever)\b`,
  // Whom the student explains it to, named after the thing explained ("how do i explain a message queue to my mom", "como
  // explico finops pra galera do financeiro", "explain 401 vs 403 to a support person with zero tech background"): the
  // telling again; "financeiro", "support" and "background" would lead to whichever section writes them. Who they are
  // ("to my boss who loves clicking around in the console") says what the answer must meet, and stays.
  String.raw`(?<=\b(explain|explaining|explicar|explico|explicaria|explique|describe|descrever)\b.*)\b(to|pra|para|pro|pros|pras|for) ((my|our|a|an|the|some|minha|meu|minhas|meus|nossa|nosso|nossos|nossas|um|uma|o|a|os|as) )?(([\w-]+ ){0,2})(boss|bosses|manager|managers|client|clients|customer|customers|mom|mum|mother|dad|father|parents|aunt|uncle|grandma|grandpa|grandmother|grandfather|granny|friend|friends|cofounder|co-founder|cto|ceo|cfo|colleague|colleagues|coworker|coworkers|teammate|teammates|sister|brother|girlfriend|boyfriend|wife|husband|kid|kids|child|children|stakeholders?|investors?|owner|person|people|someone|somebody|folks|intern|interns|relatives|family|gerente|gerentes|gestor|gestora|gestores|cliente|clientes|mae|pai|pais|tia|tio|avo|vo|vovo|amigo|amiga|amigos|socio|socia|socios|colega|colegas|irmao|irma|namorada|namorado|esposa|marido|filho|filha|diretor|diretora|dono|dona|investidor|investidores|familia|estagiario|estagiaria|galera|pessoal|povo|alguem|crianca)\b(?! (who|that|que|q)\b)(( (do|da|de|dos|das) \w+)|( (with|without|outside|sem|fora) (\w+ ){0,2}\w+))?`,
  String.raw`\b(what|oq|o que) (do|should) i (tell|say to|answer) (him|her|them)\b|\b(oq|o que) eu (respondo|digo|falo) (pra|para) (ele|ela|eles|elas)\b`,
  // How the student feels while asking ("i'm so lost", "ja to ficando maluco", "socorro", "ja nao sei mais de nada"): the
  // mood, not the question; "lost", "tired" and "losing" would lead to the sections on lost data and idle resources.
  String.raw`\b(i'?m|im|i am|i feel|i felt|i'?m getting)( (so|really|kinda|a bit|super|totally|completely|pretty|very))* (lost|confused|tired|exhausted|stressed|panicking|frustrated|overwhelmed|losing it|going crazy|so done)\b`,
  String.raw`\b(to|tou|estou|fiquei|me sinto|me senti)( (ja|ficando|mt|muito|meio|bem|tao|mo|super|completamente|totalmente))* (perdid[oa]|confus[oa]|cansad[oa]|exaust[oa]|estressad[oa]|desesperad[oa]|maluc[oa]|louc[oa]|doid[oa]|surtando|pirando|frustrad[oa])\b`,
  String.raw`\bsocorro\b|\b(ja )?nao (sei|aguento) mais( de nada| nada)?\b`,
  // The piece of writing it is told for ("in the cost section of my report", "nas limitacoes do tcc"): where the answer goes,
  // not what it is about; "report" and "relatorio" would otherwise lead to the notes' audit and cost reports.
  String.raw`\b(in|for|into|on) (the )?((\w+ ){0,2}(section|part|chapter|background) (of|in) )?(my|our|the) (final )?(report|thesis|tcc|paper|article|abstract|essay|dissertation|capstone)\b`,
  String.raw`\b(no|na|nas|nos|do|da) (meu |minha |nosso |nossa )?((limitacoes|conclusao|introducao|metodologia|referencial teorico|glossario|resumo|justificativa) (do|da) (meu |minha |nosso |nossa )?)?(tcc|relatorio|artigo|monografia)\b`
].join('|'), 'g')

/** The words of how plainly the student wants it told, in folded text (see GIST_PHRASES): "eli5" names nothing the notes lack. */
export function gistWords (folded: string): Set<string> {
  return new Set([...folded.matchAll(GIST_PHRASES)].flatMap(match => match[0].split(/\s+/)))
}

/** The question without the words of how briefly or plainly it wants to be told (see GIST_PHRASES). */
export function withoutGistPhrases (text: string): string {
  const rest = text.replace(GIST_PHRASES, ' ').replace(/\s+/g, ' ').trim()
  return /[\p{L}\p{N}]/u.test(rest) ? rest : text
}

/** Spells out abbreviations, word by word, in folded text: the student's own words, written in full. */
export function spellOutAbbreviations (folded: string): string {
  // After a number, "min" is minutes ("takes ~25 min"), not the minimum it is on its own ("min instances").
  // After a dot, a word is a file's name or extension or a call (".env", "process.env"), never chat shorthand.
  // After a number, "seg" is seconds ("a cada 30 seg").
  return folded.replace(/\b(\d+(?:[.,]\d+)?) ?mins?\b/g, '$1 minutes minutos').replace(/\b(\d+(?:[.,]\d+)?) ?segs?\b/g, '$1 segundos seconds')
    .replace(/[\p{L}\p{N}]+/gu, (word, at: number, text: string) => (text[at - 1] === '.' ? word : EXPANSIONS[word] ?? word))
}

/** Spells out abbreviations, word by word, in folded text, and adds the notes' words for a few common phrases. */
export function expandAbbreviations (folded: string): string {
  let text = spellOutAbbreviations(folded)
  for (const [pattern, replacement] of [...PHRASES, ...SYNONYMS]) text = text.replace(pattern, replacement)
  return text
}

// Checked in this order: "quanto custa" is a cost question even when it starts with "como".
const TYPES: Array<[QuestionType, RegExp]> = [
  // A trade-off, and "when do I use X and when Y", weigh two things against each other as a comparison does.
  ['difference', /\b(diferenca|diferencas|difere|diferente|diferentes|different|comparar|comparacao|compara|versus|vs|difference|differences|differ|compare|comparison|mesma coisa|same thing|quando usar cada|when to use each|when (do|should) (i|you|we) use each|trade-?offs?|pros and cons|pros e contras)\b|\bquando (eu )?(uso|usar|usaria|escolho|escolher|pego) .+ e quando\b|\bwhen (do|should|would|to) (i |we |you )?(use|pick|choose) .+ and when\b|\b\w+ (x|ou|or) \w+[^?]*\b(qual|quais|which|what|quando|when)\b|^\s*\w+( \w+)? (x|ou|or) \w+( \w+)?\s*\??$|\b(?!(nao|not|no)\b)\w+ (ou|or) (?!(nao|not|no)\b)\w+ *\?|\b(qual|which) (e |is )?(melhor|better)\b/],
  ['cost', /\b(quanto custa|custa|custo|custos|preco|precos|caro|cara|barato|barata|cobra|cobrado|cobranca|fatura|conta da aws|compensa|economizar|pagar|pagando|pago|pagaria|cost|costs|costing|price|prices|pricing|expensive|cheap|cheaper|bill|billed|billing|charged|charge|charges|pay|paying|paid|save money|gratuit[oa]s?|gratis|de graca|for free|free of charge)\b/],
  ['why', /\b(por que|porque|para que serve|pra que serve|vantagem|vantagens|vale a pena|why|advantage|advantages|benefit|benefits|worth it|worth)\b/],
  ['howto', /\b(como (eu )?(faco|fazer|configur\w*|cri\w+|coloc\w*|mont\w*|us\w+|deix\w*|apont\w*|redirecion\w*|limp\w*|evit\w*|escolh\w*|guard\w*|sub\w*|ligo|ligar|aument\w*|diminu\w*|instal\w*|mand\w*|envi\w*|rod\w*|escal\w*)|passo a passo|how (do|can|should) (i|we|you)|how to|steps to|example of|exemplo de|command to|comando para|comando pra)\b/],
  // "What triggers can start a Lambda", "que eventos disparam": a list of things, not what one thing is.
  // "Como explico X": what X is, told plainly.
  ['definition', /^(o que(?! acontece)|que (e|sao)|what (is|are|does|was)|whats|what's|define|definicao|significado)\b|^(what|que) \S+\??$|\b(o que e|o que sao|what is|what are|what does .+ mean|significa|como (funciona|funcionam)|how (does|do) .+ work|how .+ works|como (eu )?(posso |vou |devo )?(explico|explicar|explicaria))\b/]
]

// The words that make a question a cost question. They say what is asked about its subject, not
// what the subject is: in "cobrança do Lambda" the subject is Lambda, whose note prices it, not the
// billing note that "cobrança" alone would pick.
const COST_WORDS: ReadonlySet<string> = new Set(['quanto', 'custa', 'custam', 'custo', 'custos', 'preco', 'precos', 'caro', 'cara', 'caros',
  'barato', 'barata', 'cobra', 'cobram', 'cobrado', 'cobranca', 'fatura', 'compensa', 'economizar', 'pagar', 'pago', 'pay', 'paid',
  'cost', 'costs', 'costing', 'price', 'prices', 'pricing', 'expensive', 'cheap', 'cheaper', 'bill', 'billing', 'billed', 'charged', 'charge',
  'much', 'money', 'dinheiro'])

/** The question's text without the words that only make it a cost question (see COST_WORDS). */
export function costSubject (text: string): string {
  return text.replace(/[\p{L}\p{N}]+/gu, word => COST_WORDS.has(word) ? ' ' : word).replace(/\s+/g, ' ').trim()
}

// "Why does my container ignore SIGTERM", "por que o meu deploy cai": the cause of what happens to the
// student's own system, which the section that explains it answers, not the one that argues for a tool.
const ASKS_CAUSE = /\b(?:why|por que|porque) (?:(?:does|do|did|is|are|was|were|would|will|can|could|does not|do not|doesn'?t|don'?t|didn'?t|isn'?t|aren'?t|won'?t|can'?t) )?(?:my|our|the|this|that|it|o meu|a minha|os meus|as minhas|meu|minha|meus|minhas|nosso|nossa|isso|ele|ela)\b/

// Unless the question names what a choice gains: "why is my cache worth it" still weighs a benefit.
const ASKS_BENEFIT = /\b(?:vantage\w*|vale a pena|advantages?|benefits?|worth)\b/

export function questionType (text: string): QuestionType {
  for (const [type, pattern] of TYPES) {
    if (type === 'why' && ASKS_CAUSE.test(text) && !ASKS_BENEFIT.test(text)) continue
    if (pattern.test(text)) return type
  }
  return 'other'
}

/**
 * A passage between quotation marks: a message a tool printed, a phrase the student heard, a string of the JSON or the
 * Dockerfile array they pasted ('CMD ["sh", "-c", "npx prisma migrate deploy"]'). The marks open after a space, a
 * parenthesis, a bracket or a brace and close before one or before punctuation, so the apostrophes of "don't" and
 * "it's" open nothing.
 */
export const QUOTED_PASSAGE = /(?<=^|[\s([{])['"\u201c\u2018]([^'"\u201c\u201d\u2018\u2019]+?)['"\u201d\u2019](?=$|[\s,.;:!?)\]}])/gu

/** A passage between backticks, as chats and forums mark what a program printed or what the student typed into one. */
const CODE_SPAN = /`[^`\n]+`/g

export function readQuestion (raw: string): Question {
  // An error message the student pastes is in the tool's language, not theirs ("build falhando com
  // 'toomanyrequests: You have reached your pull rate limit'"): what they write around it says which.
  // A passage between backticks is the program's text the same way ("criar a fila deu `InvalidParameterValue: The name of a
  // FIFO queue can only include …`").
  const lang = detectLanguage(raw.replace(QUOTED_PASSAGE, ' ').replace(CODE_SPAN, ' '), detectLanguage(raw))
  // "SO" (sistema operacional) and "OS" are abbreviations only when written in capitals or, in
  // English, where "os" is no Portuguese article.
  const spelled = raw.replace(/\bSO\b/g, 'sistema operacional').replace(/\bOS\b/g, 'operating system')
  let text = expandAbbreviations(foldText(spelled))
  if (lang === 'en') text = text.replace(/\bos\b/g, 'operating system')
  // Brazilian students say "cloud" for what the Portuguese notes call "nuvem" ("sem virtualização não havia cloud").
  if (lang === 'pt') text = text.replace(/(?<!\b(google|oracle|ibm|alibaba|huawei|digital|private|hybrid|public|multi) )\bcloud\b(?! (map|run|functions|storage|sql|trail|front|watch|formation|shell|endpoints|trace|build|digital|practitioner|native))/g, 'cloud nuvem')
  text = text.replace(TEAM_GROUP, '$1')
  // The record types a CNAME at the apex meets (see PHRASES), which the Portuguese notes list as "tipos de registro".
  if (lang === 'pt') text = text.replace(/\brecord types\b/, '$& tipos de registro')
  return { raw, text, lang, type: questionType(text) }
}

/**
 * The student's group of classmates ("meu grupo quer usar dynamodb", "o pessoal do grupo", "trabalho em grupo"): who works
 * with them, never the groups the notes treat (IAM groups, log groups, security and target groups). The word goes; what
 * comes before it stays. (In English, "our group" is as often the student's own security or log group.)
 */
const TEAM_GROUP = /\b(meu|minha|nosso|nossa|pessoal do|galera do|cara do|trabalho em|trabalho do|projeto em|projeto do)\s+grupo\b(?!\s+(?:de|do|da|dos|das)\b)/g

// Everyday words of students' questions that name no topic: a question is not "about" them, so
// their absence from the notes says nothing about whether the notes cover it.
const FILLERS: ReadonlySet<string> = new Set([
  'mudo', 'mudar', 'mudei', 'faco', 'fiz', 'fazendo', 'sabe', 'sei', 'saber', 'entender', 'entendi',
  'entendo', 'duvida', 'ajuda', 'ajudar', 'alguem', 'professor', 'prof', 'galera', 'pessoal', 'mano',
  'cara', 'queria', 'quero', 'gostaria', 'consigo', 'conseguir', 'tentei', 'tentando', 'deu', 'dando', 'profs',
  'negocio', 'parada', 'nada', 'certo', 'errado', 'legal', 'facil', 'dificil', 'simples', 'melhor',
  'pior', 'okay', 'beleza', 'blz', 'rapidinho', 'exatamente', 'basicamente', 'direito', 'jeito',
  'deal', 'stuff', 'guys', 'anyone', 'help', 'know', 'understand', 'confused', 'tried', 'trying',
  'wanna', 'gonna', 'kinda', 'basically', 'good', 'bad', 'easy', 'hard', 'simple', 'better', 'worse',
  'exactly', 'pls', 'plz', 'thanks', 'hey', 'hello', 'lol', 'lmao', 'haha', 'kkk', 'kkkk', 'rsrs',
  'nah', 'yeah', 'yep', 'yup', 'nope', 'dunno', 'gotta', 'lemme', 'sorta', 'anything', 'something', 'everything', 'ready',
  // Chat slang around the question ("bro my gateway keeps dying", "socorro", "ngl i'm lost"): tone, never what is asked.
  'bro', 'bruh', 'dude', 'ngl', 'tbh', 'idk', 'imo', 'imho', 'smh', 'ugh', 'oof', 'yikes', 'lmfao', 'rofl',
  'socorro', 'aff', 'affs', 'mds', 'vlw', 'tmj', 'slk', 'pfv', 'pqp', 'vish', 'vixe', 'eita', 'oxe', 'fml',
  // "pera, o alb cobra mesmo …" ("espera", wait a second), "sincerão" (honestly), the teacher as Portuguese students
  // call them ("o stor") and a friend in Angola ("kamba"): how the message opens, never what it asks.
  'pera', 'perai', 'sincerao', 'stor', 'stora', 'kamba',
  'biggest', 'smallest', 'largest',
  // What the student calls themselves ("noob question", "sou iniciante"): who asks, never what.
  'noob', 'noobs', 'newbie', 'newbies', 'n00b', 'iniciante', 'iniciantes', 'novato', 'novata', 'novatos', 'leigo', 'leiga',
  // The student's own situation: why they ask, never what.
  'tcc', 'facul', 'faculdade', 'aula', 'aulas', 'prova', 'provas', 'materia', 'disciplina', 'trabalho',
  'homework', 'assignment', 'exam', 'class', 'classes', 'teacher', 'professor', 'capstone', 'thesis', 'tese',
  'monografia', 'bootcamp', 'hackathon', 'semester', 'semestre', 'coursework', 'midterm', 'internship', 'estagiario',
  'slide', 'slides', 'apostila', 'lecture', 'lectures', 'quiz', 'monitoria', 'monitorias',
  'worksheet', 'worksheets', 'handout', 'handouts', 'exercicio', 'exercicios', 'enunciado', 'roteiro',
  'lab', 'labs', 'laboratorio', 'laboratorios',
  // The degree, written short ("em eng de software a gente …", "sou de eng comp"): where the student comes from.
  'eng',
  // The test itself, as Brazilian courses name it ("na P2", "o gabarito da lista", "a dissertativa", "decoreba pra prova").
  'simulado', 'simulados', 'gabarito', 'gabaritos', 'dissertativa', 'dissertativas', 'decoreba', 'p1', 'p2', 'p3', 'av1', 'av2', 'av3',
  // The parts of a written thesis ("no referencial teorico", "o glossario do tcc").
  'glossario', 'referencial', 'teorico',
  // How the student wants it told: an analogy or pseudocode is asked for, never the subject.
  'analogia', 'analogias', 'metafora', 'metaforas', 'pseudocode', 'pseudocodigo',
  // The commonest slip of the English article.
  'teh',
  // Size and degree: how a student describes a problem ("way too big"), never what it is about.
  'big', 'bigger', 'huge', 'large', 'small', 'tiny', 'grande', 'grandes', 'enorme', 'pequeno', 'pequena',
  'demais', 'bastante', 'way', 'really', 'super',
  // Days and months say when the student's traffic comes ("every Monday at 8 a.m."), never what is asked;
  // English writes them with a capital, which would otherwise read as a product's name.
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays',
  'january', 'february', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'segunda-feira', 'terca-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sabado', 'sabados', 'domingo', 'domingos',
  'janeiro', 'fevereiro', 'marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro',
  // Places say where the student's users or servers are ("um usuário em Manaus", "customers in Tokyo"), never
  // what is asked; written with a capital, they too would read as a product's name. Only names that are no
  // everyday word ("Natal", "Vitória" and "Porto" are one as well).
  'manaus', 'belem', 'macapa', 'teresina', 'fortaleza', 'maceio', 'aracaju', 'brasilia', 'goiania', 'cuiaba', 'curitiba',
  'florianopolis', 'campinas', 'guarulhos', 'niteroi', 'londrina', 'joinville', 'uberlandia', 'sorocaba', 'ribeirao', 'blumenau',
  'salvador', 'floripa', 'sampa',
  // Belo Horizonte's two words are everyday Portuguese too, but an English question writes them only for the city.
  'belo', 'horizonte',
  'amazonas', 'amapa', 'roraima', 'rondonia', 'tocantins', 'maranhao', 'piaui', 'ceara', 'paraiba', 'pernambuco', 'alagoas',
  'sergipe', 'bahia', 'goias', 'parana', 'nordeste', 'sudeste',
  'tokyo', 'toquio', 'osaka', 'seoul', 'seul', 'singapore', 'singapura', 'sydney', 'mumbai', 'bombaim', 'frankfurt', 'london',
  'londres', 'paris', 'dublin', 'stockholm', 'estocolmo', 'milan', 'milao', 'madrid', 'lisbon', 'lisboa', 'berlin', 'berlim',
  'toronto', 'montreal', 'bogota', 'santiago', 'montevideo', 'oregon', 'ohio', 'california', 'texas', 'chicago', 'seattle',
  'miami', 'jakarta', 'bahrain', 'dubai', 'johannesburg',
  'portugal', 'argentina', 'chile', 'colombia', 'peru', 'uruguay', 'paraguay', 'japan', 'japao', 'china', 'india', 'germany',
  'alemanha', 'france', 'franca', 'spain', 'espanha', 'italy', 'italia', 'ireland', 'irlanda', 'canada', 'australia', 'korea',
  'coreia', 'europe', 'asia', 'angola', 'mocambique',
  // So do the universities and technical schools a student names as theirs ("caiu na aula de SO na unesp").
  'usp', 'unicamp', 'unesp', 'unifesp', 'ufabc', 'ufscar', 'ufmg', 'ufrj', 'uff', 'uerj', 'ufpe', 'ufrgs', 'ufsc', 'ufba', 'ufc',
  'unb', 'ufpr', 'utfpr', 'ufg', 'ufpa', 'ufam', 'ufrn', 'ufpb', 'ufes', 'ufjf', 'ufu', 'ufv', 'ufla', 'puc', 'pucrs', 'pucpr',
  'pucminas', 'mackenzie', 'insper', 'fiap', 'fatec', 'etec', 'ifsp', 'ifrn', 'cefet', 'senai', 'senac', 'unip', 'uninove'
])

// Laughter typed at any length ("kkkkk", "hahaha", "rsrsrs", "hehe", "lmaooo", "lolll"): tone, never a term.
const LAUGHTER = /^(?:k{3,}|(?:ha){2,}h?|(?:he){2,}h?|(?:rs){2,}|lo+l+|lmf?a+o+)$/
// A student thinking before they ask ("hmm", "hmmm", "uhm", "umm"): a pause, never a term.
const HESITATION = /^(?:h+m{2,}|u+h+m+|u+m{2,})$/

export function isFiller (folded: string): boolean {
  return FILLERS.has(folded) || LAUGHTER.test(folded) || HESITATION.test(folded)
}

// Everyday words that a note may happen not to use: they count neither for nor against coverage
// (see isCommonWord), but unlike the fillers they may still be part of a question's phrase.
const COMMON: ReadonlySet<string> = new Set([
  // Time, degree and manner: when and how much, never what.
  'logo', 'depois', 'antes', 'agora', 'hoje', 'ontem', 'amanha', 'sempre', 'nunca', 'ainda', 'tao', 'tanto',
  'tanta', 'tantos', 'tantas', 'quase', 'meio', 'bem', 'mal', 'rapido', 'rapida', 'devagar', 'sozinho', 'sozinha',
  'direto', 'certeza', 'verdade', 'cade', 'ne', 'tipo', 'ta', 'esta', 'estava', 'beleza', 'valeu',
  'lot', 'lots', 'bunch', 'tons', 'kind', 'sort', 'pretty', 'quite', 'literally', 'totally', 'somehow', 'anymore',
  'already', 'still', 'yet', 'always', 'never', 'sometimes', 'often', 'again', 'now', 'today', 'later', 'soon',
  // English chat interjections and slang ("is this cert legit", "wtf is going on"): tone, never a term.
  'legit', 'wtf', 'omg', 'yep', 'nope', 'ok', 'meh', 'hella', 'asap', 'fyi', 'ya', 'yall',
  // Judgements a student asks for about any topic: the topic is elsewhere in the question.
  'culpa', 'culpado', 'problema', 'problemas', 'erro', 'vantagem', 'desvantagem', 'desvantagens', 'pros', 'contras',
  'fault', 'blame', 'downside', 'downsides', 'upside', 'upsides', 'drawback', 'drawbacks', 'cons', 'tradeoff', 'tradeoffs',
  'velho', 'velha', 'antigo', 'antiga', 'novo', 'nova', 'stale', 'weird', 'strange', 'estranho', 'estranha',
  // Everyday verbs in the infinitive, which the shape rule leaves alone (names end in -er too: "Karpenter").
  'querer', 'achar', 'pegar', 'botar', 'mexer', 'tentar', 'precisar', 'conseguir', 'deixar', 'ficar', 'olhar', 'ver',
  'falar', 'dizer', 'pensar', 'lembrar', 'esquecer', 'perder', 'ganhar', 'arrumar', 'consertar', 'resolver', 'sumir',
  // Where the student read of something and what a screen asked of them ("o enunciado cita o x-ray", "pediu pra habilitar").
  'citar', 'cita', 'citou', 'mencionar', 'menciona', 'mencionou', 'habilitar', 'habilita', 'habilitei',
  'travar', 'bugar', 'zoar', 'quebrar',
  // Chores a student compares the task to ("quero fazer uma faxina na conta"): how, never what.
  'faxina', 'cleanup', 'declutter',
  // English compounds the dictionaries write apart or with a hyphen, typed as one word ("some gateway cutoff"): everyday all the same.
  'cutoff', 'cutoffs', 'cutover', 'rollout', 'rollouts', 'handoff', 'walkthrough', 'workaround', 'workarounds', 'logout',
  // Kinds of file a student has ("um csv de 2gb no s3"): what is asked is what to do with it, never a product.
  'csv', 'tsv', 'pdf', 'pdfs', 'xls', 'xlsx', 'txt', 'docx', 'zip', 'png', 'jpg', 'jpeg', 'gif', 'mp3', 'mp4',
  // Kinds of system a student builds ("um erp pequeno pra loja", "our crm"): what it is, not a product.
  'erp', 'crm', 'cms', 'mvp',
  // The student's own devices ("testing the api from my iphone", "travou milhoes de pcs", "o app mobile"): where they work,
  // never what the notes should treat.
  'iphone', 'ipad', 'chromebook', 'thinkpad', 'pcs', 'mobile',
  // Companies a student cites for their size ("site gigante tipo netflix"): how big, never what is asked.
  'netflix', 'spotify', 'uber', 'ifood', 'nubank', 'airbnb',
  // Everyday words the notes happen not to use ("uma pitada de usuarios", "tipos com sufixo .metal", "paranoia de seguranca").
  'pitada', 'sufixo', 'sufixos', 'paranoia', 'acai',
  // Numbers said in words, as a question dictated by voice writes them ("noventa e nove virgula nove", "uns quinhentos k b"): a quantity, never a name.
  'zero', 'dois', 'tres', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove', 'dez', 'onze', 'doze', 'treze', 'quatorze', 'catorze', 'quinze',
  'dezesseis', 'dezessete', 'dezoito', 'dezenove', 'vinte', 'trinta', 'quarenta', 'cinquenta', 'sessenta', 'setenta', 'oitenta', 'noventa',
  'cem', 'cento', 'duzentos', 'trezentos', 'quatrocentos', 'quinhentos', 'seiscentos', 'setecentos', 'oitocentos', 'novecentos',
  'milhao', 'milhoes', 'bilhao', 'bilhoes', 'virgula',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty',
  'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands',
  // Everyday words of work and trade ("so a partner can whitelist it", "o e-commerce na aws", "um trocadilho").
  'whitelist', 'whitelisted', 'allowlist', 'blacklist', 'blacklisted', 'denylist', 'e-commerce', 'ecommerce', 'trocadilho',
  // Closed classes: Portuguese contractions of a preposition and a pronoun, English indefinite
  // pronouns and contractions typed without the apostrophe. They point at things, never name one.
  'nele', 'nela', 'neles', 'nelas', 'neste', 'nesta', 'nesse', 'nessa', 'nisso', 'nisto', 'naquele', 'naquela',
  'naquilo', 'deste', 'desta', 'desse', 'dessa', 'disso', 'disto', 'daquele', 'daquela', 'daquilo', 'comigo',
  'contigo', 'conosco', 'gente',
  'everyone', 'everybody', 'everything', 'anybody', 'anything', 'somebody', 'nobody', 'nothing', 'none',
  'though', 'tho', 'shouldnt', 'couldnt', 'wouldnt', 'didnt', 'wasnt', 'werent', 'havent', 'hasnt', 'aint',
  'thats', 'theres', 'heres', 'whos', 'youve', 'weve', 'theyre', 'itll', 'youll', 'ill', 'youd', 'theyd',
  'theyll', 'theyve', 'itd', 'wed', 'hed', 'shed', 'thatd', 'thered', 'whod', 'whatd', 'howd', 'wheres', 'whens', 'hows'
])

// Conjugated verbs and adverbs by their endings: "deixei", "comecou", "barrava", "rodando", "throwing", "suddenly" (see
// adverbOfEverydayWord) are words of a sentence, not the names of services or tools, which are nouns ("Karpenter", "Kinesis").
// Infinitives ("gravar") and plain nouns are left out: too many names end the same way.
const PT_INFLECTED = /(ei|ou|iu|amos|aram|eram|iram|ava|avam|ando|endo|indo|asse|esse|isse|aria|eria|iria|amente)$/
const EN_INFLECTED = /(ing|ed)$/

/**
 * Whether a word the notes never use is everyday language rather than a term: a filler, a chat
 * abbreviation, or a conjugated verb or adverb by its shape. Such a word says nothing about
 * whether the notes cover the question ("se eu ler logo dps de gravar", "starts throwing errors");
 * a term they lack does ("Karpenter", "SCPs", "Graviton"). A word typed with a capital inside or
 * after the start, or with a digit, is read as a name whatever its ending.
 */
export function isCommonWord (typed: string, lang: Lang, first = false): boolean {
  const folded = foldText(typed)
  if (/\d/.test(folded)) return false
  if (/\p{Lu}/u.test(typed.slice(1)) || (!first && /^\p{Lu}/u.test(typed))) return false
  if (FILLERS.has(folded) || COMMON.has(folded) || Object.hasOwn(EXPANSIONS, folded)) return true
  if (folded.length < 5) return false
  // "-ly" makes an adverb of an everyday word ("suddenly", "reliably", "basically"); on anything else it is a name's own ending ("webassembly").
  if (lang === 'en' && folded.endsWith('ly')) return adverbOfEverydayWord(folded)
  return (lang === 'pt' ? PT_INFLECTED : EN_INFLECTED).test(folded)
}

/** Whether a folded English word ending in "-ly" is the adverb of an everyday word: "sudden", "reliable", "easy", "full", "basic". */
function adverbOfEverydayWord (folded: string): boolean {
  const stem = folded.slice(0, -2)
  return [stem, `${stem}e`, `${stem}le`, `${stem}l`, folded.slice(0, -3) + 'y', folded.slice(0, -4)].some(base => base.length >= 3 && isEverydayWord(base, 'en'))
}

export function isAbbreviation (folded: string): boolean {
  return Object.hasOwn(EXPANSIONS, folded)
}
