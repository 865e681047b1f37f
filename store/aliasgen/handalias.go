package main

// hand are the other names the gazetteers lack, written for byline: what a
// British or American news story calls a party, a parliament or an office
// for short. Each line: type, canonical name, its other names.
var hand = []struct {
	typ, canonical string
	aliases        []string
}{
	{"ORG", "Conservative Party", []string{"Tories", "Tory", "Conservatives", "Conservative", "Tory Party", "Tory party", "Conservative party"}},
	{"ORG", "Labour", []string{"Labour Party", "Labour party", "New Labour", "Lab"}},
	{"ORG", "Liberal Democrats", []string{"Lib Dems", "Lib Dem", "Liberal Democrat", "LibDems", "Lib/Dems"}},
	{"ORG", "UK Independence Party", []string{"UKIP", "Ukip"}},
	{"ORG", "Scottish National Party", []string{"SNP"}},
	{"ORG", "Democratic Unionist Party", []string{"DUP"}},
	{"ORG", "Ulster Unionist Party", []string{"UUP"}},
	{"ORG", "Social Democratic and Labour Party", []string{"SDLP"}},
	{"ORG", "Republican Party", []string{"Republicans", "GOP"}},
	{"ORG", "Democratic Party", []string{"Democrats"}},
	{"ORG", "Federal Reserve", []string{"Fed", "US Federal Reserve", "Federal Reserve Board"}},
	{"ORG", "House of Commons", []string{"Commons"}},
	{"ORG", "House of Lords", []string{"Lords"}},
	{"LOC", "Downing Street", []string{"Number 10", "No 10", "Number Ten", "No. 10"}},
	{"ORG", "European Union", []string{"EU"}},
	{"ORG", "United Nations", []string{"UN", "U.N."}},
	{"ORG", "International Monetary Fund", []string{"IMF"}},
	{"ORG", "World Trade Organization", []string{"WTO", "World Trade Organisation"}},
	{"ORG", "National Health Service", []string{"NHS"}},
	{"ORG", "Bank of England", []string{"BoE"}},
	{"ORG", "European Central Bank", []string{"ECB"}},
	{"ORG", "BBC", []string{"BBC News", "BBC News Online", "BBC News website", "BBC News Website", "BBC Online", "British Broadcasting Corporation"}},
	{"ORG", "Football Association", []string{"FA"}},
	{"ORG", "Rugby Football Union", []string{"RFU"}},
	{"ORG", "Metropolitan Police", []string{"Met", "Met Police", "Scotland Yard"}},
	{"ORG", "Crown Prosecution Service", []string{"CPS"}},
	{"EVENT", "Academy Awards", []string{"Oscars", "Oscar", "Academy Award"}},
	// Channels and stations are their broadcasters' (a tagger reads the
	// digit as a product's or the name as a show's).
	{"ORG", "BBC One", []string{"BBC1", "BBC 1"}},
	{"ORG", "BBC Two", []string{"BBC2", "BBC 2"}},
	{"ORG", "BBC Three", []string{"BBC3"}},
	{"ORG", "BBC Four", []string{"BBC4"}},
	{"ORG", "ITV1", []string{"ITV 1"}},
	{"ORG", "Channel 4", []string{"Channel Four"}},
	{"ORG", "Channel 5", []string{"Channel Five"}},
	{"ORG", "E4", nil},
	{"ORG", "More4", nil},
	{"ORG", "Sky One", nil},
	{"ORG", "Sky News", nil},
	{"ORG", "BBC Radio 1", []string{"Radio 1", "Radio One"}},
	{"ORG", "BBC Radio 2", []string{"Radio 2"}},
	{"ORG", "BBC Radio 4", []string{"Radio 4", "Radio Four"}},
	{"ORG", "BBC Radio 5 Live", []string{"Radio 5 Live", "Five Live", "5 Live"}},
	{"ORG", "BBC World Service", []string{"World Service"}},
}

// handPlaceClubs are places that name a rugby club (which openfootball,
// a football list, lacks): in a sports story, "Leicester beat Bath" is
// about two clubs.
var handPlaceClubs = []string{
	"Leicester", "Bath", "Gloucester", "Munster", "Leinster", "Ulster", "Connacht",
	"Sale", "Northampton", "Worcester", "Newcastle", "Bristol", "Leeds", "Llanelli",
	"Cardiff", "Swansea", "Neath", "Edinburgh", "Glasgow", "Toulouse", "Perpignan",
	"Biarritz", "Bourgoin", "Clermont", "Treviso", "Exeter", "Bedford", "Pontypridd",
}

func handRows() []row {
	rows := make([]row, 0, len(hand))
	for _, h := range hand {
		rows = append(rows, row{kind: "hand", typ: h.typ, canonical: h.canonical, aliases: h.aliases})
	}
	return rows
}
