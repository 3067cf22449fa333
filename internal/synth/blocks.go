package synth

// Building blocks of synthetic text, all written for this project.
// Placeholders: {G} group (nominative plural), {Gp} partitive, {Ga}
// allative, {Gg} genitive, {loc} the municipality with its locative case,
// {gen} its genitive, {n} a number, {pct} a percentage, {nw} a small
// number as a word.

// group is a client-side group in the forms the templates need.
type group struct{ nom, part, all, gen string }

var groups = []group{
	{"asiakkaat", "asiakkaita", "asiakkaille", "asiakkaiden"},
	{"asukkaat", "asukkaita", "asukkaille", "asukkaiden"},
	{"nuoret", "nuoria", "nuorille", "nuorten"},
	{"lapsiperheet", "lapsiperheitä", "lapsiperheille", "lapsiperheiden"},
	{"ikäihmiset", "ikäihmisiä", "ikäihmisille", "ikäihmisten"},
	{"omaiset", "omaisia", "omaisille", "omaisten"},
	{"potilaat", "potilaita", "potilaille", "potilaiden"},
	{"vanhemmat", "vanhempia", "vanhemmille", "vanhempien"},
	{"maahanmuuttajat", "maahanmuuttajia", "maahanmuuttajille", "maahanmuuttajien"},
	{"palvelun käyttäjät", "palvelun käyttäjiä", "palvelun käyttäjille", "palvelun käyttäjien"},
	{"kuntalaiset", "kuntalaisia", "kuntalaisille", "kuntalaisten"},
	{"omaishoitajat", "omaishoitajia", "omaishoitajille", "omaishoitajien"},
}

var numberWords = []string{"kaksi", "kolme", "neljä", "viisi", "kuusi"}

// topic is the subject of a model: how its title starts and what its
// basic-idea and environment sections can say.
type topic struct {
	titles []string // title stems
	idea   []string // sentences for Ratkaisun perusidea
	env    []string // sentences for Toimintaympäristö
	target string   // who the service is for (Kohderyhmä)
	who    []string // client groups (nominative) the sentences may name
}

var topics = []topic{
	{[]string{"Kotihoidon etäkäynnit", "Kuvapuhelut kotihoidossa"},
		[]string{"Osa kotihoidon käynneistä tehdään kuvayhteydellä.", "Etäkäynti sopii lääkemuistutuksiin ja voinnin seurantaan.", "Lähikäynnit vapautuvat niille, jotka tarvitsevat fyysistä apua.", "Tabletti asennetaan kotiin valmiiksi kytkettynä."},
		[]string{"Kotihoito toimii {loc} kolmella alueella.", "Etäkäynnit tehdään keskitetystä etähoidon yksiköstä."},
		"Säännöllisen kotihoidon piirissä olevat, jotka pärjäävät kotona pienellä tuella.", []string{"asiakkaat", "ikäihmiset", "omaiset"}},
	{[]string{"Sote-keskuksen palveluohjaus", "Yhden yhteydenoton palveluohjaus"},
		[]string{"Palveluohjaaja selvittää tilanteen yhdellä soitolla ja varaa tarvittavat ajat.", "Tavoitteena on, ettei kenenkään tarvitse soittaa moneen numeroon.", "Ohjaus kattaa sosiaali- ja terveyspalvelut sekä järjestöjen palvelut."},
		[]string{"Palveluohjaus toimii {gen} sote-keskuksen aulassa ja puhelimessa.", "Ohjaajat kuuluvat samaan tiimiin vastaanoton kanssa."},
		"Kaikki, jotka eivät tiedä, mihin palveluun heidän asiansa kuuluu.", []string{"asiakkaat", "kuntalaiset", "asukkaat", "palvelun käyttäjät"}},
	{[]string{"Nuorten matalan kynnyksen mielenterveystuki", "Mielenterveyspiste nuorille"},
		[]string{"Nuori voi tulla juttelemaan ilman ajanvarausta.", "Lyhytterapeuttinen tuki annetaan enintään kymmenellä tapaamisella.", "Tarvittaessa nuori ohjataan erikoissairaanhoitoon saattaen."},
		[]string{"Piste sijaitsee {loc} nuorisotalon yhteydessä.", "Työparina on psykiatrinen sairaanhoitaja ja nuorisotyöntekijä."},
		"13–29-vuotiaat, joilla on lieviä tai keskivaikeita mielialaoireita.", []string{"nuoret", "vanhemmat"}},
	{[]string{"Perhekeskuksen kohtaamispaikka", "Avoin perhekahvila"},
		[]string{"Kohtaamispaikka kokoaa neuvolan, varhaiskasvatuksen ja järjestöjen toiminnan saman katon alle.", "Perheet voivat tulla paikalle ilman syytä.", "Työntekijä on paikalla kysymyksiä varten."},
		[]string{"Kohtaamispaikka on auki kolmena päivänä viikossa {loc}.", "Tila on jaettu seurakunnan kanssa."},
		"Lapsiperheet, erityisesti ne, joilla on vähän muita verkostoja.", []string{"lapsiperheet", "vanhemmat", "asukkaat"}},
	{[]string{"Ikäihmisten hyvinvointitarkastus", "Hyvinvointitarkastus 75 vuotta täyttäneille"},
		[]string{"Tarkastuksessa käydään läpi liikkuminen, ravitsemus, muisti ja arjen sujuminen.", "Tarkastukseen kutsutaan kirjeellä.", "Tulosten perusteella laaditaan kevyt hyvinvointisuunnitelma."},
		[]string{"Tarkastukset tehdään {gen} terveysasemilla ja kotikäynteinä.", "Tarkastuksen tekee terveydenhoitaja."},
		"75 vuotta täyttäneet kotona asuvat, joilla ei ole säännöllisiä palveluja.", []string{"ikäihmiset", "omaiset", "kuntalaiset"}},
	{[]string{"Päihdepalvelujen jalkautuva työ", "Jalkautuva päihdetyö"},
		[]string{"Työntekijät lähtevät sinne, missä ihmiset ovat.", "Kohtaaminen alkaa arjen asioista ja etenee hoitoon ohjaukseen.", "Terveysneuvonta ja välineiden vaihto kuuluvat työhön."},
		[]string{"Jalkautuva tiimi liikkuu {loc} pakettiautolla.", "Toimintaa tehdään yhdessä järjestöjen kanssa."},
		"Päihteitä käyttävät aikuiset, jotka eivät hakeudu palveluihin itse.", []string{"asiakkaat", "palvelun käyttäjät"}},
	{[]string{"Sähköinen ajanvaraus suun terveydenhuoltoon", "Suun terveydenhuollon verkkoajanvaraus"},
		[]string{"Kiireettömän ajan voi varata verkosta vuorokauden ympäri.", "Ajanvaraus kysyy muutaman kysymyksen ja ehdottaa sopivaa ammattilaista.", "Puhelinjonot lyhenevät, kun osa varauksista siirtyy verkkoon."},
		[]string{"Käytössä kaikissa {gen} hammashoitoloissa.", "Järjestelmä on liitetty potilastietojärjestelmään."},
		"Aikuiset, jotka tarvitsevat kiireetöntä hammashoitoa.", []string{"asiakkaat", "potilaat", "kuntalaiset"}},
	{[]string{"Omaishoitajien vertaistuki", "Omaishoitajien olohuone"},
		[]string{"Omaishoitajat tapaavat toisiaan ohjatusti kerran kuukaudessa.", "Tapaamisten ajaksi hoidettavalle järjestetään sijaishoito.", "Ryhmässä käsitellään jaksamista ja arjen järjestelyjä."},
		[]string{"Ryhmät kokoontuvat {loc} palvelukeskuksessa.", "Ohjaajana on omaishoidon ohjaaja."},
		"Sopimusomaishoitajat ja ne, jotka auttavat läheistään ilman sopimusta.", []string{"omaishoitajat", "omaiset"}},
	{[]string{"Lastensuojelun perhetyön tiimimalli", "Tiimimallinen perhetyö"},
		[]string{"Perhettä tukee kahden työntekijän tiimi, ei yksittäinen työntekijä.", "Työ painottuu arkeen: aamuihin, iltoihin ja koulupäivien rytmiin.", "Tiimi tekee tiivistä yhteistyötä koulun kanssa."},
		[]string{"Perhetyötä tehdään perheiden kotona {loc}.", "Tiimit kuuluvat lapsiperheiden sosiaalityöhön."},
		"Lastensuojelun avohuollon perheet, joilla on kouluikäisiä lapsia.", []string{"vanhemmat", "lapsiperheet", "nuoret"}},
	{[]string{"Maahanmuuttajien terveysneuvonta", "Monikielinen terveysneuvonta"},
		[]string{"Neuvontaa annetaan omalla kielellä tulkin tai kielitaitoisen työntekijän avulla.", "Neuvonta kertoo, miten suomalainen terveydenhuolto toimii.", "Ajan voi varata myös viestillä."},
		[]string{"Neuvontapiste toimii {gen} kirjaston yhteydessä.", "Kielivalikoima vaihtelee viikonpäivittäin."},
		"Äskettäin maahan muuttaneet aikuiset ja perheet.", []string{"maahanmuuttajat", "asiakkaat"}},
	{[]string{"Kotiutustiimi sairaalasta kotiin", "Turvallinen kotiutus"},
		[]string{"Kotiutustiimi käy kotona ensimmäisen vuorokauden aikana sairaalasta pääsyn jälkeen.", "Käynnillä tarkistetaan lääkitys, apuvälineet ja ruokailu.", "Tiimi tekee tarvittaessa toisen käynnin kahden päivän päästä."},
		[]string{"Tiimi toimii {gen} alueella ympäri viikon.", "Tiimissä on sairaanhoitaja ja fysioterapeutti."},
		"Sairaalasta kotiutuvat iäkkäät, joilla ei ole aiempia kotipalveluja.", []string{"potilaat", "omaiset", "ikäihmiset"}},
	{[]string{"Kuntouttava työtoiminta verkossa", "Etäryhmät kuntouttavassa työtoiminnassa"},
		[]string{"Osa ryhmistä kokoontuu verkossa.", "Verkkoryhmä madaltaa kynnystä niille, joiden on vaikea lähteä kotoa.", "Ryhmissä harjoitellaan arjen taitoja ja työelämän valmiuksia."},
		[]string{"Toiminta kuuluu {gen} aikuissosiaalityöhön.", "Laitteet lainataan tarvittaessa."},
		"Pitkään työttömänä olleet aikuiset.", []string{"asiakkaat", "palvelun käyttäjät"}},
	{[]string{"Kipupotilaan hoitopolku", "Pitkäaikaisen kivun ryhmävastaanotto"},
		[]string{"Pitkäaikaisesta kivusta kärsivä saa hoitosuunnitelman ensimmäisellä käynnillä.", "Ryhmävastaanotolla käydään läpi kivunhallinnan keinoja.", "Fysioterapeutti ja lääkäri työskentelevät parina."},
		[]string{"Vastaanotto toimii {gen} pääterveysasemalla.", "Ryhmiä on päivällä ja illalla."},
		"Aikuiset, joilla on yli kolme kuukautta kestänyt kipu.", []string{"potilaat", "asiakkaat"}},
	{[]string{"Koulun terveyskioski", "Terveydenhoitajan avoin vastaanotto kouluilla"},
		[]string{"Terveydenhoitaja on tavattavissa välitunneilla ilman ajanvarausta.", "Kioskissa voi kysyä mistä tahansa terveyteen liittyvästä.", "Tarvittaessa oppilas saa ajan samalle viikolle."},
		[]string{"Kioski kiertää {gen} yläkouluja viikoittain.", "Kioski on sovittu koulujen lukujärjestyksiin."},
		"Yläkoululaiset ja heidän perheensä.", []string{"nuoret", "vanhemmat"}},
}

// taglines open some titles ("<tagline>: <topic>").
var taglines = []string{
	"Apua oikeaan aikaan", "Yhdessä kotona", "Kaikki yhdellä yhteydenotolla", "Lähellä arkea",
	"Ovi auki", "Matalalla kynnyksellä", "Kohti sujuvaa arkea", "Tukea ajoissa",
}

// Neutral sentences by section: no client involvement, no method cues.
var (
	conditions = []string{
		"Käyttöönotto edellyttää, että tiimillä on yhteinen kalenteri.",
		"Esihenkilön tuki on välttämätön ensimmäisinä kuukausina.",
		"Toimintamalli vaatii sujuvan tiedonkulun kirjaamisjärjestelmässä.",
		"Työntekijöiden perehdytykseen kuluu noin kaksi päivää.",
		"Malli toimii parhaiten, kun vastuuhenkilö on nimetty.",
		"Tilojen on oltava esteettömiä.",
	}
	conditionItems = []string{
		"nimetty vastuuhenkilö", "yhteinen kirjaamiskäytäntö", "viikoittainen tiimipalaveri",
		"riittävä tietoturva", "selkeä ohjeistus työntekijöille", "esteetön tila",
		"tulkkauksen saatavuus", "toimiva etäyhteys",
	}
	effects = []string{
		"Jonotusaika lyheni keskimäärin {pct} prosenttia.",
		"Käyntimäärät pysyivät ennallaan, mutta yhteydenotot vähenivät.",
		"Työntekijät kokivat työn hallittavammaksi.",
		"Päivystyskäynnit vähenivät seurantajakson aikana.",
		"Palveluun ohjautui aiempaa enemmän niitä, joita se oli tarkoitettu tavoittamaan.",
	}
	rooting = []string{
		"Malli on vakiinnutettu osaksi perustoimintaa.",
		"Toimintamallista on laadittu ohje muille yksiköille.",
		"Mallin levittämistä valmistellaan naapurialueille.",
		"Vastuu mallin ylläpidosta siirtyi linjaorganisaatiolle hankkeen päätyttyä.",
		"Malli otetaan käyttöön koko hyvinvointialueella vaiheittain.",
	}
	ideaExtra = []string{
		"Toimintamalli on kuvattu niin, että sen voi ottaa käyttöön myös muualla.",
		"Mallin ydin on yksinkertainen: oikea apu ensimmäisellä kerralla.",
		"Työnjakoa selkeytettiin, jotta päällekkäinen työ vähenee.",
		"Palvelu on maksuton.",
		"Palvelu täydentää olemassa olevia vastaanottoja eikä korvaa niitä.",
		"Yhteydenotto onnistuu puhelimella, chatissa tai paikan päällä.",
	}
	envExtra = []string{
		"Toiminta käynnistyi hankkeen aikana ja jatkuu perustoimintana.",
		"Yhteistyökumppaneina ovat alueen järjestöt ja seurakunta.",
		"Palvelua annetaan suomeksi ja ruotsiksi.",
		"Alue on laaja, ja välimatkat ovat pitkiä.",
		"Toimitilat jaetaan muiden palvelujen kanssa.",
	}
	targetExtra = []string{
		"Tavoitteena on tavoittaa myös ne, jotka eivät itse hakeudu palveluun.",
		"Palvelun tarve on kasvanut viime vuosina.",
		"Kohderyhmän koko on arviolta muutama sata henkeä.",
		"Monella on useita samanaikaisia palvelutarpeita.",
	}
	resourceExtra = []string{
		"Kustannukset katetaan yksikön omasta talousarviosta.",
		"Hankerahoitus kattoi ensimmäisen vuoden kulut.",
		"Laitehankinnat olivat kertaluonteisia.",
		"Koulutukseen käytettiin kaksi iltapäivää työntekijää kohden.",
	}
	devSteps = []string{
		"Työtä tehtiin vaiheittain puolentoista vuoden ajan.",
		"Hanketiimi kokoontui viikoittain.",
		"Toimintamallin kuvaus päivitettiin jokaisen vaiheen jälkeen.",
		"Prosessi kuvattiin uimaratakaaviona.",
	}
)

// Participation sentences. Openers name the phase; clauses name the
// method and carry no phase words of their own.
var openers = map[string][]string{
	"ideation":            {"Kehittämisen alussa", "Alkuvaiheessa", "Tarpeiden kartoituksessa", "Ideointivaiheessa", "Lähtötilannetta selvitettäessä"},
	"planning":            {"Suunnitteluvaiheessa", "Palvelua suunniteltaessa", "Konseptointivaiheessa", "Toimintamallin suunnittelussa"},
	"development":         {"Kehittämisvaiheessa", "Mallin työstämisen aikana", "Toteutusvaiheessa", "Mallia kehitettäessä"},
	"piloting_evaluation": {"Pilotoinnin aikana", "Kokeilun jälkeen", "Arviointivaiheessa", "Loppuvaiheessa", "Pilotin päätyttyä"},
}

var clauses = map[string][]string{
	"survey": {
		"{Ga} tehtiin verkkokysely palvelun nykytilasta, ja siihen vastasi {n} henkeä.",
		"{G} vastasivat kyselyyn, jossa selvitettiin, mikä asioinnissa on hankalinta.",
		"{Gg} näkemyksiä kerättiin Webropol-kyselyllä.",
		"{Ga} lähetettiin paperinen kyselylomake, ja vastauksia palautui {n}.",
		"{G} saivat vastata lyhyeen kyselyyn puhelimella tai paperilla.",
	},
	"feedback": {
		"{Gg} asiakaspalautetta kerättiin jokaisen käynnin jälkeen.",
		"{G} vastasivat palautekyselyyn tekstiviestillä.",
		"{Gg} tyytyväisyyttä mitattiin suositteluindeksillä (NPS).",
		"{Gg} palautetta kerättiin odotustilan palautelaitteella.",
	},
	"experts_by_experience": {
		"mukana oli kaksi kokemusasiantuntijaa, jotka toivat esiin {Gg} arjen.",
		"kokemusasiantuntijat kommentoivat toimintamallin luonnosta.",
		"kokemustoimijat osallistuivat työryhmän kokouksiin.",
		"{nw} kokemusasiantuntijaa kertoi omista palvelupoluistaan.",
	},
	"client_council": {
		"asiakasraati kokoontui {nw} kertaa.",
		"vanhusneuvosto ja vammaisneuvosto antoivat lausuntonsa mallista.",
		"kehittäjäasiakkaat kävivät läpi palvelupolun vaihe vaiheelta.",
		"asiakaspaneeli kommentoi ehdotuksia verkossa.",
	},
	"workshop": {
		"järjestettiin työpaja, johon osallistui {Gp} ja työntekijöitä.",
		"{G} pohtivat ratkaisuja yhteiskehittämistyöpajassa.",
		"pidettiin innopaja, jossa {G} olivat enemmistönä.",
		"järjestettiin learning cafe -tilaisuus, jossa {G} ja henkilöstö keskustelivat pöydittäin.",
	},
	"interview": {
		"{Gp} haastateltiin puhelimitse.",
		"tehtiin ryhmähaastattelu, johon osallistui {Gp}.",
		"koottiin fokusryhmä, jossa {G} kertoivat kokemuksistaan.",
		"{n} asiakasta osallistui teemahaastatteluun.",
	},
	"user_testing": {
		"{G} testasivat uutta sähköistä lomaketta.",
		"prototyypin testaus tehtiin yhdessä {Gg} kanssa.",
		"järjestettiin käyttäjätestaus, jossa {G} kävivät läpi uuden ajanvarausnäkymän.",
	},
	"observation": {
		"{Gg} asiointia havainnoitiin odotustilassa.",
		"tehtiin palvelusafari, jossa kuljettiin {Gg} rinnalla.",
		"varjostettiin {Gp} heidän asioidessaan palvelussa.",
	},
	"event": {
		"järjestettiin avoin asukasilta, jossa esiteltiin mallin luonnos.",
		"pidettiin kuulemistilaisuus, johon {G} saivat tuoda toiveitaan.",
		"osallisuusillassa {G} kertoivat, mitä palvelulta toivovat.",
		"järjestettiin avoin keskustelutilaisuus {Ga} ja henkilöstölle.",
	},
	"codesign": {
		"{G} olivat mukana yhteiskehittämisessä.",
		"palvelumuotoilu tehtiin yhdessä {Gg} kanssa.",
		"{G} toimivat kehittäjäryhmän jäseninä.",
		"malli rakennettiin yhdessä {Gg} kanssa.",
	},
}

// generalClauses state involvement without naming a method.
var generalClauses = []string{
	"{G} osallistuivat mallin rakentamiseen.",
	"{G} olivat mukana työryhmässä, joka laati mallin.",
	"{G} olivat mukana mallin laatimisessa.",
}

// trap is a sentence that looks like involvement but is not: staff only,
// negated, or a description of the service. method is the method it
// mimics ("" when none), so negations never contradict the truth.
type trap struct{ kind, method, text string }

var traps = []trap{
	{"staff", "survey", "Henkilöstölle tehtiin kysely työn sujuvuudesta."},
	{"staff", "workshop", "Työntekijät kokoontuivat kolmeen työpajaan, joissa prosessi kuvattiin."},
	{"staff", "interview", "Esihenkilöitä haastateltiin resurssitarpeesta."},
	{"staff", "feedback", "Ammattilaisten palautetta kerättiin sisäisellä lomakkeella."},
	{"staff", "observation", "Hanketyöntekijät havainnoivat omaa työtään kahden viikon ajan."},
	{"negated", "", "{Gp} ei osallistettu mallin kehittämiseen."},
	{"negated", "survey", "Asiakaskyselyä ei aikataulusyistä tehty."},
	{"negated", "experts_by_experience", "Kokemusasiantuntijoita ei ehditty ottaa mukaan."},
	{"negated", "feedback", "Asiakaspalautetta ei ole vielä kerätty."},
	{"negated", "workshop", "Työpajoja {Gg} kanssa ei järjestetty rajoitusten vuoksi."},
	{"service", "", "{G} saavat oman yhteyshenkilön."},
	{"service", "", "{Ga} tarjotaan sähköinen asiointikanava."},
	{"service", "", "Asiakas voi varata ajan verkossa ympäri vuorokauden."},
	{"service", "", "{Ga} annetaan kirjalliset ohjeet kotiin."},
}
