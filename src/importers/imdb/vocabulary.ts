// Words for the synthetic IMDb files: titles in the scripts real akas use, and people's names.
// Lists are ordered from common to rare; the generator picks with a skew towards the front.

const list = (text: string): readonly string[] => text.trim().split(/\s+/)
const lines = (text: string): readonly string[] => text.trim().split('\n')
// "FR CA:fr" → [['FR', null], ['CA', 'fr']]
const regions = (text: string) =>
  list(text).map((entry) => {
    const [region, language] = entry.split(':')
    return [region!, language ?? null] as const
  })

/** A language area: where its akas are released, and the words its titles are made of. */
export interface Culture {
  /** Regions (ISO 3166 or IMDb's pseudo-regions) with the language IMDb gives, often none. */
  regions: ReadonlyArray<readonly [region: string, language: string | null]>
  /** How often an aka is in this culture, relative to the others. */
  weight: number
  words: readonly string[]
  /** How title words join: with spaces, or directly (Chinese, Japanese). */
  joiner: string
}

export const ENGLISH_WORDS = list(`
  The Love Night Man Life Story Day Girl Last Time House World Dead Blood Home Black Dark Little
  City Christmas Moon Secret Road Boy Summer Heart Lost King Devil Money Star Fire Silent Water
  War Dream Island Family Red Miracle Cell Father Daughter Ghost River Winter Angel Wild Street
  Game Shadow Midnight Forever Empire Paradise Legend Hunter Journey Stranger Promise Revenge
  Memory Sky Storm Mirror Garden Escape Whisper Echo Harbor Frontier Lantern Orchard Quarry Saint
  Tide Zero
`)

export const CULTURES: readonly Culture[] = [
  {
    regions: regions('FR CA:fr BE:fr CH:fr'),
    weight: 8,
    joiner: ' ',
    words: list(`
      la le nuit été cœur rêve château forêt fenêtre mère père fête à dernière hôtel île noël éternité
      garçon écho
    `),
  },
  {
    regions: regions('DE AT XWG DDDE CH:de'),
    weight: 8,
    joiner: ' ',
    words: list(`
      Der Die Nacht Straße Mädchen König Gärten Brüder Schlüssel über Tür Fräulein Glück Wölfe Müller
      Schön Größe Hölle
    `),
  },
  {
    regions: regions('ES MX AR XSA:es CO PE UY'),
    weight: 9,
    joiner: ' ',
    words: list(`
      El La noche niño corazón año canción mañana señor pequeña último jardín ilusión lágrimas sueño
      camión
    `),
  },
  {
    regions: regions('BR PT'),
    weight: 6,
    joiner: ' ',
    words: list(`O A coração noite irmão mãe lição história último estação verão órfãos sertão pão`),
  },
  {
    regions: regions('IT'),
    weight: 5,
    joiner: ' ',
    words: list(`Il La notte città perché amore più così virtù uomo libertà però`),
  },
  {
    regions: regions('PL CZ SK CSHH:sk HU RO HR SI'),
    weight: 9,
    joiner: ' ',
    words: list(`
      Noc Miłość Żywot Źródło Łódź Přítel Dívka Čas Řeka Ďábel Élet Szerelem Ősz Tűz Nașul Țară
      Întoarcerea Ljubav Đavo Život
    `),
  },
  {
    regions: regions('SE NO DK FI FI:sv NL BE:nl'),
    weight: 7,
    joiner: ' ',
    words: list(`
      Kärlek Nätter Sjön Skogen Lykke Ø Kærlighed Søster Hævn Yö Äiti Tyttö Liefde Één Zoë Geheim
    `),
  },
  {
    // Turkish dotted and dotless i are the classic case-folding trap (İ/i, I/ı).
    regions: regions('TR:tr TR'),
    weight: 5,
    joiner: ' ',
    words: list(`
      Işık İstanbul Kırmızı Gölge Yıldız İnci Çiçek Şarkı Ağaç Koğuştaki Mucize Kış Güneş Işıklar İki
      Aşk Gönül Kız Ilık Sığınak
    `),
  },
  {
    regions: regions('RU SUHH:ru UA BG:bg RS KZ:ru'),
    weight: 10,
    joiner: ' ',
    words: list(`
      Крёстный отец Ночь Любовь Звонки Призрак Лига справедливости Чудо в камере Ёлки Тюльпанная
      лихорадка Їжак Щастя Ґава Єва Дом Зима
    `),
  },
  {
    regions: regions('GR CY'),
    weight: 4,
    joiner: ' ',
    words: list(`
      Ο Η νονός Καρμενσίτα πυρετός της τουλίπας Το φάντασμα στο κέλυφος Θαύμα κελί Αγάπη Νύχτα Ψυχή
      Ωκεανός
    `),
  },
  {
    regions: regions('JP JP:ja'),
    weight: 6,
    joiner: '',
    words: list(
      `ゴッドファーザー の 夜 東京 物語 七番房 奇跡 ゴースト イン ザ シェル 千と千尋 神隠し 愛 さくら ラーメン 侍 忍者 ひかり 海`,
    ),
  },
  {
    regions: regions('KR KR:ko'),
    weight: 5,
    joiner: ' ',
    words: list(`7번방의 선물 기적 아버지 딸 사랑 밤 서울 기생충 올드보이 괴물 바람 하늘 눈물 겨울 봄`),
  },
  {
    regions: regions('CN CN:cmn CN:zh TW HK:yue SG:zh'),
    weight: 6,
    joiner: '',
    words: list(`教父 七号房 的 礼物 奇迹 爱情 夜 北京 龙 英雄 卧虎藏龙 霸王别姬 花样年华 春 秋`),
  },
  {
    regions: regions('EG:ar AE SA:ar IR:fa IR MA:ar'),
    weight: 4,
    joiner: ' ',
    words: list(`الأب الروحي معجزة في الزنزانة رقم حب ليل القاهرة مدينة پدرخوانده عشق شب`),
  },
  {
    regions: regions('IN:hi IN IN:mr NP:ne'),
    weight: 4,
    joiner: ' ',
    words: list(`गॉडफादर चमत्कार सेल नंबर प्यार रात दिल मुंबई कहानी सपना ज़िंदगी`),
  },
  {
    regions: regions('IL:he IL'),
    weight: 2,
    joiner: ' ',
    words: list(`הסנדק נס בתא מספר אהבה לילה ירושלים`),
  },
  {
    regions: regions('VN VN:vi'),
    weight: 2,
    joiner: ' ',
    words: list(`Bố Già Điều kỳ diệu ở phòng giam số Tình yêu Đêm`),
  },
  {
    // English titles in other countries and the world-wide pseudo-regions.
    regions: regions('US GB XWW:en IN:en CA:en AU IE:en XEU:en PH:en'),
    weight: 30,
    joiner: ' ',
    words: ENGLISH_WORDS,
  },
]

/** Romanized given names and family names, for `primaryName`. */
export const GIVEN_NAMES = list(`
  John Michael David Maria Anna James Robert Mary Peter Elizabeth Ahmet Ayşe İsmail Işıl José
  François Zoë Søren Jürgen Małgorzata Jiří Ana Mehmet Hiroshi Yuki Seung-ryong Min-ji Wei Li
  Priya Rahul Fatima Olga Ivan Nikos Eleni Chloé Björn Ángel Renée Nguyễn Đức Oğuz Çağla Žofie
`)

export const FAMILY_NAMES = list(`
  Smith Johnson Williams Brown García Müller Martin Rossi Yılmaz Kaya Öztürk Şahin İnce Kowalski
  Nowak Dvořák Novák Ivanov Petrova Papadopoulos Tanaka Suzuki Kim Lee Park Wang Zhang Sharma Khan
  Nguyen Trần Lefèvre Gómez Fernández Søndergaard Åberg Ólafsson Nieminen Hernández Bulut İynemli
`)

export const GENRES = list(`
  Drama Comedy Documentary Romance Action Thriller Crime Horror Family Adventure Animation
  Reality-TV Mystery Music Talk-Show Fantasy History Biography Sci-Fi Sport Game-Show Musical War
  News Western Film-Noir
`)

export const AKA_TYPES = [
  ['imdbDisplay', 40],
  ['working', 4],
  ['alternative', 3],
  ['festival', 1],
  ['tv', 0.5],
  ['dvd', 0.5],
  ['video', 0.1],
  // IMDb separates several types with U+0002.
  ['dvd\x02imdbDisplay', 0.05],
] as const

export const AKA_ATTRIBUTES = lines(`
new title
alternative spelling
original subtitled version
complete title
literal English title
short title
informal English title
alternative transliteration
dubbed version
reissue title
3-D version
promotional title
literal title
transliterated title
poster title
`)

export const PROFESSIONS = list(`
  actor actress miscellaneous producer writer director camera_department editor soundtrack
  composer cinematographer art_department sound_department music_department assistant_director
  casting_director costume_designer stunts animation_department
`)

export const CHARACTER_NAMES = lines(`
Himself
Herself
Narrator
Police Officer
Doctor
Nurse
Mother
Father
Reporter
Memo
Lee Yong-gu
Ye-seung
Dodo
Lito
Ova
Waiter
Detective "Bulldog" Hayes
Guest
Host
Dr. Kemal
Yeşil
Иван
Ζορμπάς
Ayşe
Soldier #2
`)
