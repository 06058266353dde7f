// Word lists for bench/generate-films.ts: enough languages, scripts and names to make synthetic films
// look like the real ones (titles in their own script with a romanization, names that repeat across a
// country's films, a currency per country). Nothing here claims to be a real film or a real person.

/** The ideas titles are made of, in the order every `TITLE_WORDS` list follows. */
export const CONCEPTS = [
  'miracle',
  'cell',
  'father',
  'daughter',
  'night',
  'city',
  'sea',
  'secret',
  'summer',
  'stranger',
  'dog',
  'king',
  'rain',
  'moon',
  'heart',
  'road',
] as const

/** [native, romanized] per concept; Latin-script languages give the same word twice. */
type Words = ReadonlyArray<readonly [string, string]>

const latin = (words: string): Words => words.split(',').map((w) => [w.trim(), w.trim()] as const)
const pairs = (words: string): Words =>
  words.split(',').map((pair) => {
    const [native, roman] = pair.split('|').map((w) => w.trim())
    return [native!, roman!] as const
  })

export const TITLE_WORDS: Record<string, Words> = {
  en: latin(
    'Miracle,Cell,Father,Daughter,Night,City,Sea,Secret,Summer,Stranger,Dog,King,Rain,Moon,Heart,Road',
  ),
  fr: latin('Miracle,Cellule,Père,Fille,Nuit,Ville,Mer,Secret,Été,Étranger,Chien,Roi,Pluie,Lune,Cœur,Route'),
  de: latin(
    'Wunder,Zelle,Vater,Tochter,Nacht,Stadt,Meer,Geheimnis,Sommer,Fremder,Hund,König,Regen,Mond,Herz,Straße',
  ),
  es: latin(
    'Milagro,Celda,Padre,Hija,Noche,Ciudad,Mar,Secreto,Verano,Extraño,Perro,Rey,Lluvia,Luna,Corazón,Camino',
  ),
  it: latin(
    'Miracolo,Cella,Padre,Figlia,Notte,Città,Mare,Segreto,Estate,Straniero,Cane,Re,Pioggia,Luna,Cuore,Strada',
  ),
  pt: latin(
    'Milagre,Cela,Pai,Filha,Noite,Cidade,Mar,Segredo,Verão,Estranho,Cão,Rei,Chuva,Lua,Coração,Estrada',
  ),
  tr: latin('Mucize,Koğuş,Baba,Kız,Gece,Şehir,Deniz,Sır,Yaz,Yabancı,Köpek,Kral,Yağmur,Ay,Kalp,Yol'),
  fil: latin(
    'Himala,Selda,Ama,Anak,Gabi,Lungsod,Dagat,Lihim,Tag-araw,Estranghero,Aso,Hari,Ulan,Buwan,Puso,Daan',
  ),
  id: latin(
    'Keajaiban,Sel,Ayah,Putri,Malam,Kota,Laut,Rahasia,Musim Panas,Orang Asing,Anjing,Raja,Hujan,Bulan,Hati,Jalan',
  ),
  sv: latin('Mirakel,Cell,Far,Dotter,Natt,Stad,Hav,Hemlighet,Sommar,Främling,Hund,Kung,Regn,Måne,Hjärta,Väg'),
  vi: latin(
    'Phép Màu,Phòng Giam,Cha,Con Gái,Đêm,Thành Phố,Biển,Bí Mật,Mùa Hè,Người Lạ,Chó,Vua,Mưa,Trăng,Trái Tim,Con Đường',
  ),
  ko: pairs(
    '기적|Gijeok,감방|Gambang,아버지|Abeoji,딸|Ttal,밤|Bam,도시|Dosi,바다|Bada,비밀|Bimil,여름|Yeoreum,' +
      '이방인|Ibangin,개|Gae,왕|Wang,비|Bi,달|Dal,마음|Maeum,길|Gil',
  ),
  ja: pairs(
    '奇跡|Kiseki,独房|Dokubō,父|Chichi,娘|Musume,夜|Yoru,街|Machi,海|Umi,秘密|Himitsu,夏|Natsu,' +
      '異邦人|Ihōjin,犬|Inu,王|Ō,雨|Ame,月|Tsuki,心|Kokoro,道|Michi',
  ),
  zh: pairs(
    '奇迹|Qíjì,牢房|Láofáng,父亲|Fùqīn,女儿|Nǚ’ér,夜|Yè,城市|Chéngshì,海|Hǎi,秘密|Mìmì,夏天|Xiàtiān,' +
      '陌生人|Mòshēngrén,狗|Gǒu,王|Wáng,雨|Yǔ,月亮|Yuèliang,心|Xīn,路|Lù',
  ),
  hi: pairs(
    'चमत्कार|Chamatkar,कोठरी|Kothri,पिता|Pita,बेटी|Beti,रात|Raat,शहर|Shahar,समुद्र|Samudra,रहस्य|Rahasya,' +
      'गर्मी|Garmi,अजनबी|Ajnabi,कुत्ता|Kutta,राजा|Raja,बारिश|Baarish,चाँद|Chaand,दिल|Dil,रास्ता|Raasta',
  ),
  ru: pairs(
    'Чудо|Chudo,Камера|Kamera,Отец|Otets,Дочь|Doch,Ночь|Noch,Город|Gorod,Море|More,Тайна|Tayna,Лето|Leto,' +
      'Незнакомец|Neznakomets,Собака|Sobaka,Король|Korol,Дождь|Dozhd,Луна|Luna,Сердце|Serdtse,Дорога|Doroga',
  ),
  th: pairs(
    'ปาฏิหาริย์|Patihan,ห้องขัง|Hong Khang,พ่อ|Pho,ลูกสาว|Luk Sao,คืน|Khuen,เมือง|Mueang,ทะเล|Thale,' +
      'ความลับ|Khwam Lap,ฤดูร้อน|Ruedu Ron,คนแปลกหน้า|Khon Plaek Na,หมา|Ma,กษัตริย์|Kasat,ฝน|Fon,' +
      'พระจันทร์|Phra Chan,หัวใจ|Hua Chai,ถนน|Thanon',
  ),
  ar: pairs(
    'معجزة|Mu‘jiza,زنزانة|Zinzana,الأب|al-Ab,الابنة|al-Ibna,ليل|Layl,مدينة|Madina,بحر|Bahr,سر|Sirr,صيف|Sayf,' +
      'غريب|Gharib,كلب|Kalb,ملك|Malik,مطر|Matar,قمر|Qamar,قلب|Qalb,طريق|Tariq',
  ),
}

export interface Culture {
  country: string
  language: string
  /** ISO 15924 script of the language's own writing. */
  script: string
  currency: string
  /** How many films of every 100 come from here. */
  weight: number
  /** Whether the family name comes first in the native form. */
  familyFirst: boolean
  /** Whether words are written without spaces (titles and native names). */
  joined: boolean
  given: Words
  family: Words
  companies: readonly string[]
  press: readonly string[]
  /** A local rating site, if any: [name, scale]. */
  ratingSite: readonly [string, number] | null
}

const names = (words: string): Words => (words.includes('|') ? pairs(words) : latin(words))

function culture(
  country: string,
  language: string,
  script: string,
  currency: string,
  weight: number,
  given: string,
  family: string,
  companies: string,
  press: string,
  ratingSite: readonly [string, number] | null = null,
  options: { familyFirst?: boolean; joined?: boolean } = {},
): Culture {
  return {
    country,
    language,
    script,
    currency,
    weight,
    familyFirst: options.familyFirst ?? false,
    joined: options.joined ?? false,
    given: names(given),
    family: names(family),
    companies: companies.split(',').map((s) => s.trim()),
    press: press.split(',').map((s) => s.trim()),
    ratingSite,
  }
}

export const CULTURES: readonly Culture[] = [
  culture(
    'US',
    'en',
    'Latn',
    'USD',
    18,
    'James,Mary,Robert,Patricia,John,Jennifer,Michael,Linda,David,Elizabeth,William,Susan,Emma,Olivia,Noah',
    'Smith,Johnson,Williams,Brown,Jones,Miller,Davis,Wilson,Anderson,Taylor,Moore,Clark,Hall,Young',
    'Northlight Pictures,Blue Harbor Films,Meridian Studios,Cold Creek Entertainment,Paper Lantern Media',
    'The Hollywood Ledger,Screen Daily Wire,Boxoffice Weekly,The Film Desk',
    ['Rotten Tomatoes', 100],
  ),
  culture(
    'GB',
    'en',
    'Latn',
    'GBP',
    4,
    'Oliver,Amelia,Harry,Isla,George,Ava,Jack,Emily,Charlie,Poppy,Thomas,Grace',
    'Evans,Thomas,Roberts,Walker,Wright,Robinson,Thompson,White,Hughes,Edwards,Green,Hall',
    'Thameside Films,Greyfriars Pictures,Oak & Ash Productions',
    'The London Reel,Sight Lines,Empire Weekly',
  ),
  culture(
    'FR',
    'fr',
    'Latn',
    'EUR',
    7,
    'Jean,Marie,Pierre,Camille,Louis,Chloé,Antoine,Léa,Julien,Manon,Hugo,Sophie',
    'Martin,Bernard,Dubois,Thomas,Robert,Petit,Durand,Leroy,Moreau,Lefèvre,Girard,Fontaine',
    'Films du Rivage,Gaumont Lumière,Studio Canal Saint-Martin,Les Productions du Phare',
    'Cinéma Hebdo,Le Film Français Quotidien,Allociné Actu',
    ['AlloCiné', 5],
  ),
  culture(
    'DE',
    'de',
    'Latn',
    'EUR',
    5,
    'Lukas,Anna,Felix,Lea,Jonas,Marie,Leon,Sophie,Paul,Hannah,Max,Clara',
    'Müller,Schmidt,Schneider,Fischer,Weber,Meyer,Wagner,Becker,Hoffmann,Schäfer,Koch,Richter',
    'Nordstern Film,Rheinland Pictures,Spreewerk Filmproduktion',
    'Filmdienst Aktuell,Kino-Zeitung,Blickpunkt Leinwand',
  ),
  culture(
    'ES',
    'es',
    'Latn',
    'EUR',
    4,
    'Alejandro,Lucía,Javier,Carmen,Pablo,Elena,Diego,Paula,Sergio,Marta,Andrés,Sofía',
    'García,Fernández,López,Martínez,Sánchez,Pérez,Gómez,Ruiz,Díaz,Moreno,Álvarez,Romero',
    'Producciones Mediterráneo,Atalaya Films,Sol de Invierno Cine',
    'Fotogramas Diario,El Séptimo Arte,Cinemanía Hoy',
    ['FilmAffinity', 10],
  ),
  culture(
    'MX',
    'es',
    'Latn',
    'MXN',
    3,
    'José,Guadalupe,Luis,Mariana,Carlos,Fernanda,Jorge,Valeria,Miguel,Daniela',
    'Hernández,García,Martínez,López,González,Rodríguez,Ramírez,Flores,Cruz,Torres',
    'Cine Azteca Producciones,Colibrí Films,Lienzo Norte',
    'Cine Premiere MX,Sala Oscura,Crónica de Cine',
  ),
  culture(
    'IT',
    'it',
    'Latn',
    'EUR',
    5,
    'Marco,Giulia,Luca,Chiara,Andrea,Francesca,Matteo,Sara,Paolo,Valentina,Stefano,Elena',
    'Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,Greco,Bruno,Gallo',
    'Lupa Film,Cinecittà Nuova,Medusa Minore,Tevere Produzioni',
    'Ciak Quotidiano,Cinematografo Oggi,Il Proiettore',
    ['MYmovies', 5],
  ),
  culture(
    'BR',
    'pt',
    'Latn',
    'BRL',
    3,
    'João,Ana,Pedro,Beatriz,Lucas,Mariana,Gabriel,Juliana,Rafael,Camila',
    'Silva,Santos,Oliveira,Souza,Lima,Pereira,Costa,Rodrigues,Almeida,Carvalho',
    'Tropical Filmes,Ipê Produções,Maré Alta Cinema',
    'Omelete Cinema,Cinema em Cena,Papo de Cinema',
  ),
  culture(
    'TR',
    'tr',
    'Latn',
    'TRY',
    5,
    'Mehmet,Ayşe,Mustafa,Fatma,Ahmet,Zeynep,Emre,Elif,Burak,Deniz,Can,Selin',
    'Yılmaz,Kaya,Demir,Şahin,Çelik,Yıldız,Aydın,Öztürk,Arslan,Doğan,Kılıç,Aslan',
    'Boğaziçi Film,Lale Yapım,Kapadokya Prodüksiyon',
    'Sinema Gazetesi,Beyazperde Haber,Film Arası',
    ['Beyazperde', 5],
  ),
  culture(
    'PH',
    'fil',
    'Latn',
    'PHP',
    4,
    'Jose,Maria,Juan,Ana,Mark,Angel,John Lloyd,Kathryn,Paolo,Bea,Carlo,Liza',
    'Santos,Reyes,Cruz,Bautista,Garcia,Mendoza,Torres,Villanueva,Ramos,Aquino,Dela Cruz,Castillo',
    'Bituin Pictures,Sampaguita Films,Pasig River Productions',
    'Pelikula Ngayon,Manila Screen Journal,Showbiz Balita',
  ),
  culture(
    'ID',
    'id',
    'Latn',
    'IDR',
    5,
    'Budi,Siti,Agus,Dewi,Andi,Putri,Rizky,Ayu,Fajar,Indah,Reza,Lestari',
    'Santoso,Wijaya,Saputra,Hidayat,Kusuma,Pratama,Nugroho,Setiawan,Halim,Gunawan,Sutanto,Rahman',
    'Garuda Sinema,Cahaya Pictures,Nusantara Films',
    'Layar Kita,Kabar Film,Sinema Indonesia Harian',
  ),
  culture(
    'SE',
    'sv',
    'Latn',
    'SEK',
    2,
    'Erik,Anna,Lars,Maria,Karl,Eva,Johan,Karin,Anders,Sara,Oskar,Elsa',
    'Andersson,Johansson,Karlsson,Nilsson,Eriksson,Larsson,Olsson,Persson,Svensson,Gustafsson,Lindberg,Berg',
    'Nordljus Film,Skärgård Produktion,Fjällfilm',
    'Filmkrönikan,Biografbladet,Svensk Filmvecka',
  ),
  culture(
    'VN',
    'vi',
    'Latn',
    'VND',
    3,
    'Minh,Lan,Hùng,Hương,Tuấn,Linh,Dũng,Mai,Nam,Thảo',
    'Nguyễn,Trần,Lê,Phạm,Hoàng,Huỳnh,Phan,Vũ,Đặng,Bùi',
    'Sen Vàng Films,Sông Hồng Pictures,Bến Thành Studio',
    'Điện Ảnh Ngày Nay,Màn Ảnh Việt,Tin Phim',
    null,
    { familyFirst: true },
  ),
  culture(
    'KR',
    'ko',
    'Hang',
    'KRW',
    8,
    '민준|Min-jun,서연|Seo-yeon,지훈|Ji-hoon,하은|Ha-eun,승룡|Seung-ryong,수아|Su-a,현우|Hyun-woo,' +
      '지민|Ji-min,도윤|Do-yoon,예린|Ye-rin,성민|Sung-min,은지|Eun-ji',
    '김|Kim,이|Lee,박|Park,최|Choi,정|Jung,강|Kang,조|Cho,윤|Yoon,장|Jang,류|Ryu,한|Han,송|Song',
    'Hanbit Pictures,Seoul Lantern Films,Blue Crane Entertainment,Namsan Studio',
    'Cine21 Daily,Korea Screen Herald,Chungmuro Report',
    ['Naver', 10],
    { familyFirst: true, joined: true },
  ),
  culture(
    'JP',
    'ja',
    'Jpan',
    'JPY',
    8,
    '翔太|Shōta,陽菜|Hina,健|Ken,美咲|Misaki,大輔|Daisuke,結衣|Yui,拓也|Takuya,愛|Ai,浩|Hiroshi,さくら|Sakura',
    '佐藤|Satō,鈴木|Suzuki,高橋|Takahashi,田中|Tanaka,渡辺|Watanabe,伊藤|Itō,山本|Yamamoto,中村|Nakamura,' +
      '小林|Kobayashi,加藤|Katō',
    'Sakura Eiga,Hoshizora Pictures,Kanagawa Film Works',
    'Kinema Weekly,Eiga Navi News,Tokyo Screen Journal',
    ['Filmarks', 5],
    { familyFirst: true, joined: true },
  ),
  culture(
    'CN',
    'zh',
    'Hans',
    'CNY',
    5,
    '伟|Wei,芳|Fang,娜|Na,敏|Min,静|Jing,强|Qiang,磊|Lei,洋|Yang,艳|Yan,军|Jun,子怡|Ziyi,家辉|Jiahui',
    '王|Wang,李|Li,张|Zhang,刘|Liu,陈|Chen,杨|Yang,黄|Huang,赵|Zhao,周|Zhou,吴|Wu',
    'Jade River Pictures,Golden Crane Film,Huangpu Studios',
    'China Film Daily,Silver Screen Beijing,Douban Reviews Weekly',
    ['Douban', 10],
    { familyFirst: true, joined: true },
  ),
  culture(
    'IN',
    'hi',
    'Deva',
    'INR',
    8,
    'राज|Raj,प्रिया|Priya,अमित|Amit,अंजलि|Anjali,विक्रम|Vikram,नेहा|Neha,अर्जुन|Arjun,पूजा|Pooja,रोहन|Rohan,कविता|Kavita',
    'शर्मा|Sharma,वर्मा|Verma,गुप्ता|Gupta,सिंह|Singh,कपूर|Kapoor,खन्ना|Khanna,मेहता|Mehta,जोशी|Joshi,' +
      'पटेल|Patel,रेड्डी|Reddy',
    'Lotus Talkies,Monsoon Pictures,Marine Drive Films,Saffron Studios',
    'Box Office Bharat,Filmi Samachar,Screen India Daily',
  ),
  culture(
    'RU',
    'ru',
    'Cyrl',
    'RUB',
    4,
    'Иван|Ivan,Анна|Anna,Дмитрий|Dmitry,Мария|Maria,Сергей|Sergey,Елена|Elena,Алексей|Alexey,Ольга|Olga,' +
      'Андрей|Andrey,Наталья|Natalya',
    'Иванов|Ivanov,Смирнов|Smirnov,Кузнецов|Kuznetsov,Попов|Popov,Васильев|Vasilyev,Петров|Petrov,' +
      'Соколов|Sokolov,Михайлов|Mikhailov,Новиков|Novikov,Фёдоров|Fyodorov',
    'Neva Film,Volga Pictures,Sever Studio',
    'Kino Obozrenie,Iskusstvo Kino Daily,Film.ru News',
    ['Kinopoisk', 10],
  ),
  culture(
    'TH',
    'th',
    'Thai',
    'THB',
    3,
    'สมชาย|Somchai,สมศรี|Somsri,อนันต์|Anan,มาลี|Malee,ประเสริฐ|Prasert,วิไล|Wilai,ธนา|Thana,นภา|Napha',
    'ศรีสุข|Srisuk,วงศ์ไทย|Wongthai,แสงทอง|Saengthong,บุญมา|Boonma,ใจดี|Jaidee,ทองดี|Thongdee,สุขใจ|Sukjai,' +
      'รุ่งเรือง|Rungruang',
    'Chao Phraya Pictures,Siam Lantern Films,Golden Elephant Studio',
    'Thai Cinema Today,Bangkok Screen,Nang Thai News',
    null,
    { joined: false },
  ),
  culture(
    'EG',
    'ar',
    'Arab',
    'EGP',
    2,
    'محمد|Mohamed,فاطمة|Fatma,أحمد|Ahmed,مريم|Mariam,عمر|Omar,نور|Nour,يوسف|Youssef,ليلى|Layla,خالد|Khaled,هند|Hind',
    'حسن|Hassan,إبراهيم|Ibrahim,علي|Ali,سعيد|Said,منصور|Mansour,عادل|Adel,فؤاد|Fouad,شريف|Sherif,سالم|Salem,نصر|Nasr',
    'Nile Star Films,Cairo Lantern Productions,Alexandria Pictures',
    'Cinema Masr,Al-Film Weekly,Screen Cairo',
  ),
]

/** Story-level roles, matched across versions like the curated characters. */
export const ROLES = [
  ['father', 'The father', 'a devoted parent who will do anything to protect his child'],
  ['daughter', 'The daughter', 'a clever child who refuses to give up on her family'],
  ['mother', 'The mother', 'a woman holding her family together through a hard year'],
  ['son', 'The son', 'a restless young man looking for a way out'],
  ['detective', 'The detective', 'a tired investigator who starts to doubt the official version'],
  ['prisoner', 'The cellmate', 'a hardened convict with a soft spot nobody expected'],
  ['warden', 'The warden', 'the head of the prison, torn between duty and conscience'],
  ['friend', 'The best friend', 'a loyal companion from the old days'],
  ['teacher', 'The teacher', 'a schoolteacher who sees more than she says'],
  ['stranger', 'The stranger', 'a newcomer whose arrival changes everything'],
  ['lawyer', 'The lawyer', 'a young lawyer who takes the case nobody wants'],
  ['villain', 'The commissioner', 'a powerful man with a secret to keep'],
  ['doctor', 'The doctor', 'a doctor who keeps a dangerous promise'],
  ['thief', 'The thief', 'a charming small-time crook'],
  ['soldier', 'The soldier', 'a veteran who cannot leave the war behind'],
  ['dog', 'The dog', 'a faithful dog who waits at the station every day'],
] as const

export const THEMES = [
  'father and daughter',
  'wrongful conviction',
  'prison',
  'friendship',
  'loyalty',
  'revenge',
  'redemption',
  'coming of age',
  'grief',
  'first love',
  'class',
  'migration',
  'corruption',
  'family secrets',
  'survival',
  'memory',
  'disability',
  'war',
  'small town',
  'betrayal',
]

export const GENRES = [
  'drama',
  'comedy',
  'comedy-drama',
  'thriller',
  'crime',
  'romance',
  'horror',
  'action',
  'family',
  'mystery',
  'war',
  'musical',
]

export const PLATFORMS = ['Netflix', 'Prime Video', 'Disney+', 'Apple TV+', 'MUBI', 'Max', 'iQIYI', 'Viu']

export const AWARDS = [
  'Best Film',
  'Best Director',
  'Best Actor',
  'Best Actress',
  'Best Screenplay',
  'Audience Award',
  'Best Supporting Actor',
  'Best Cinematography',
]

export const FESTIVALS = ['Busan', 'Berlinale', 'Cannes', 'Venice', 'Toronto', 'Sundance', 'Tokyo', 'Goa']

export const SYNOPSIS_OPENINGS = [
  'In a {place} that has seen better days, {a} and {b} are thrown together by a single night.',
  'When {a} is accused of a crime nobody saw, {b} sets out to find what really happened.',
  'Years after the {concept} that divided their family, {a} returns home to face {b}.',
  '{a} lives a quiet life until {b} arrives with a story about the {concept}.',
  'Every summer {a} waits for {b} at the same {place}, and every summer something goes wrong.',
  'A small lie told by {a} grows until the whole {place} is talking about the {concept}.',
]

export const SYNOPSIS_MIDDLES = [
  'What begins as a favour becomes a race against time, as old friends take sides and the truth keeps slipping away.',
  'Helped by a handful of unlikely allies, they build a fragile plan that depends on everyone keeping a secret.',
  'The closer they get to the answer, the more the people around them have to lose.',
  'Between comedy and heartbreak, the film follows them through one long season of small victories.',
  'Along the way they learn that the people who judged them first may be the ones who need them most.',
]

export const SYNOPSIS_ENDINGS = [
  'A story about {theme}, told with warmth and without easy answers.',
  'It is a film about {theme} and about what we owe the people we love.',
  'The result is a portrait of {theme} that audiences took to heart.',
  'Told over several decades, it is above all a film about {theme}.',
]

export const PLOT_LINES = [
  'In the last act the evidence that would clear {a} disappears, and {b} must decide whether to tell the court what they know.',
  'The plan fails at the worst moment: {b} is caught, and {a} takes the blame to protect them.',
  'A letter found years later reveals who really caused the {concept}, and why {a} never said a word.',
]

export const ENDING_LINES = [
  '{a} is executed before the truth comes out; years later {b} clears their name in a retrial.',
  '{a} and {b} meet again on the {place} where it all began, and the film ends on their silence.',
  '{b} leaves the {place} for good, carrying the secret of the {concept} with them.',
]

export const PLACES = [
  'harbour town',
  'prison',
  'mountain village',
  'capital',
  'railway station',
  'school',
  'market',
]
