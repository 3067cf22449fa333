package synth

// muni is a municipality with the forms the sentences need and the ways
// its region is published in Innokylä's "Paikkakunta, maakunta tai
// hyvinvointialue" field.
type muni struct {
	nom, gen, loc string // Vantaa, Vantaan, Vantaalla
	province      string // maakunta as published
	area          string // hyvinvointialue (or city) by its official name
	short         string // short name used on pages, or ""
	weight        int    // relative frequency (Uusimaa dominates, as in the snapshot)
}

// munis are the places models come from.
var munis = []muni{
	{"Helsinki", "Helsingin", "Helsingissä", "Uusimaa", "Helsingin kaupunki", "", 14},
	{"Espoo", "Espoon", "Espoossa", "Uusimaa", "Länsi-Uudenmaan hyvinvointialue", "", 6},
	{"Lohja", "Lohjan", "Lohjalla", "Uusimaa", "Länsi-Uudenmaan hyvinvointialue", "", 3},
	{"Kirkkonummi", "Kirkkonummen", "Kirkkonummella", "Uusimaa", "Länsi-Uudenmaan hyvinvointialue", "", 2},
	{"Vantaa", "Vantaan", "Vantaalla", "Uusimaa", "Vantaan ja Keravan hyvinvointialue", "Vakehyva", 7},
	{"Kerava", "Keravan", "Keravalla", "Uusimaa", "Vantaan ja Keravan hyvinvointialue", "Vakehyva", 3},
	{"Porvoo", "Porvoon", "Porvoossa", "Uusimaa", "Itä-Uudenmaan hyvinvointialue", "", 3},
	{"Hyvinkää", "Hyvinkään", "Hyvinkäällä", "Uusimaa", "Keski-Uudenmaan hyvinvointialue", "Keusote", 3},
	{"Järvenpää", "Järvenpään", "Järvenpäässä", "Uusimaa", "Keski-Uudenmaan hyvinvointialue", "Keusote", 2},
	{"Tuusula", "Tuusulan", "Tuusulassa", "Uusimaa", "Keski-Uudenmaan hyvinvointialue", "Keusote", 2},
	{"Turku", "Turun", "Turussa", "Varsinais-Suomi", "Varsinais-Suomen hyvinvointialue", "Varha", 4},
	{"Salo", "Salon", "Salossa", "Varsinais-Suomi", "Varsinais-Suomen hyvinvointialue", "Varha", 2},
	{"Pori", "Porin", "Porissa", "Satakunta", "Satakunnan hyvinvointialue", "", 2},
	{"Hämeenlinna", "Hämeenlinnan", "Hämeenlinnassa", "Kanta-Häme", "Kanta-Hämeen hyvinvointialue", "Oma Häme", 2},
	{"Tampere", "Tampereen", "Tampereella", "Pirkanmaa", "Pirkanmaan hyvinvointialue", "Pirha", 5},
	{"Nokia", "Nokian", "Nokialla", "Pirkanmaa", "Pirkanmaan hyvinvointialue", "Pirha", 2},
	{"Lahti", "Lahden", "Lahdessa", "Päijät-Häme", "Päijät-Hämeen hyvinvointialue", "", 3},
	{"Kotka", "Kotkan", "Kotkassa", "Kymenlaakso", "Kymenlaakson hyvinvointialue", "", 2},
	{"Kouvola", "Kouvolan", "Kouvolassa", "Kymenlaakso", "Kymenlaakson hyvinvointialue", "", 2},
	{"Lappeenranta", "Lappeenrannan", "Lappeenrannassa", "Etelä-Karjala", "Etelä-Karjalan hyvinvointialue", "Eksote", 2},
	{"Mikkeli", "Mikkelin", "Mikkelissä", "Etelä-Savo", "Etelä-Savon hyvinvointialue", "", 2},
	{"Savonlinna", "Savonlinnan", "Savonlinnassa", "Etelä-Savo", "Etelä-Savon hyvinvointialue", "", 1},
	{"Kuopio", "Kuopion", "Kuopiossa", "Pohjois-Savo", "Pohjois-Savon hyvinvointialue", "", 3},
	{"Iisalmi", "Iisalmen", "Iisalmessa", "Pohjois-Savo", "Pohjois-Savon hyvinvointialue", "", 1},
	{"Joensuu", "Joensuun", "Joensuussa", "Pohjois-Karjala", "Pohjois-Karjalan hyvinvointialue", "Siun sote", 3},
	{"Jyväskylä", "Jyväskylän", "Jyväskylässä", "Keski-Suomi", "Keski-Suomen hyvinvointialue", "", 3},
	{"Seinäjoki", "Seinäjoen", "Seinäjoella", "Etelä-Pohjanmaa", "Etelä-Pohjanmaan hyvinvointialue", "", 2},
	{"Vaasa", "Vaasan", "Vaasassa", "Pohjanmaa", "Pohjanmaan hyvinvointialue", "", 2},
	{"Kokkola", "Kokkolan", "Kokkolassa", "Keski-Pohjanmaa", "Keski-Pohjanmaan hyvinvointialue", "", 1},
	{"Oulu", "Oulun", "Oulussa", "Pohjois-Pohjanmaa", "Pohjois-Pohjanmaan hyvinvointialue", "Pohde", 4},
	{"Raahe", "Raahen", "Raahessa", "Pohjois-Pohjanmaa", "Pohjois-Pohjanmaan hyvinvointialue", "Pohde", 1},
	{"Kajaani", "Kajaanin", "Kajaanissa", "Kainuu", "Kainuun hyvinvointialue", "", 2},
	{"Rovaniemi", "Rovaniemen", "Rovaniemellä", "Lappi", "Lapin hyvinvointialue", "", 2},
	{"Kemi", "Kemin", "Kemissä", "Lappi", "Lapin hyvinvointialue", "", 1},
	{"Maarianhamina", "Maarianhaminan", "Maarianhaminassa", "Ahvenanmaa", "Ahvenanmaa", "", 1},
}

// units name the unit a model runs in; the place is "<gen> <unit>".
var units = []string{
	"terveysasema", "perhekeskus", "sosiaalitoimisto", "kotihoito", "nuorisoasema",
	"hyvinvointikeskus", "päiväkeskus", "kuntoutusyksikkö", "suun terveydenhuolto",
	"neuvola", "aikuissosiaalityö", "mielenterveys- ja päihdepalvelut", "palvelukeskus",
}

// funders are published funders; "" leaves the field off the page.
var funders = []string{
	"Sosiaali- ja terveysministeriö", "Kunta", "Hyvinvointialue", "Euroopan sosiaalirahasto",
	"STEA", "Sosiaali- ja terveysministeriö, Euroopan unionin elpymisväline", "",
}

// projectKinds are the project families each region gets one of.
var projectKinds = []struct{ slug, title string }{
	{"tulevaisuuden-sote-keskus", "tulevaisuuden sote-keskus -hanke"},
	{"kestavan-kasvun-hanke", "kestävän kasvun hanke"},
}
