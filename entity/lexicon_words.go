package entity

// General knowledge about the words around names, written for byline. All
// lists are separated by white space; the lexicon builder splits them.

// personTitles are words written before a person's name ("President Xi",
// "Foreign Minister Lavrov"). They are never part of the name.
const personTitles = `President Presidents President-elect Vice Prime Minister Ministers Premier
Chancellor Secretary Secretary-General Undersecretary Senator Sen Congressman Congresswoman
Representative Rep Governor Gov Mayor King Queen Prince Princess Emperor Empress Pope Sultan
Sheikh Emir Ayatollah Imam Archbishop Bishop Cardinal Rev Reverend Pastor Rabbi Lord Lady
Sir Dame Baroness Baron Duke Duchess Earl Mr Mrs Ms Miss Mx Dr Prof Professor General Gen
Lieutenant Lt Colonel Col Captain Capt Commander Cmdr Admiral Adm Sergeant Sgt Corporal
Marshal Brigadier Judge Justice Chief Chairman Chairwoman Director Ambassador Envoy
Commissioner Inspector Insp Detective Det Constable Superintendent Supt Cllr Deputy Acting
Shadow Former
Attorney Solicitor Speaker Spokesman Spokeswoman Leader Crown Senior Assistant Coach
Executive Officer MP MPs MEP MSP Treasurer Rt Hon`

// honorifics are the titles that only ever stand before a person's name, so
// a run that starts with one is a person whatever follows.
const honorifics = `Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Prof`

// abbreviations end with a full stop that does not end a sentence.
const abbreviations = `Mr Mrs Ms Dr Prof St Gen Sen Rep Gov Lt Col Capt Sgt Jr Sr Mt Adm Cmdr Rev
Supt Insp Det Cllr
Inc Corp Co Ltd No vs etc Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec`

// departmentWords name a minister's or secretary's brief: "Foreign
// Minister", "Secretary of State", "Trade and Industry Secretary".
const departmentWords = `State Defence Defense Foreign Home Health Trade Industry Finance Treasury
Interior Justice Education Energy Commerce Agriculture Transport Environment Culture Labor
Employment Affairs Security Economy Economic Development Work Pensions Housing Science
Technology Information Communications Immigration Welfare Fisheries Tourism Sport Sports
Media Digital International Family Children Women Equality Cabinet Constitutional Trade`

// organisationHeads end (or, before "of", head) the names of
// organisations: "International Criminal Court", "Bank of England".
const organisationHeads = `Court Courts Council Ministry Department Agency Commission Committee
Party Bank Inc Corp Corporation Company Co Ltd Plc PLC plc LLC Group Holdings University
College School Institute Institution Academy Foundation Association Federation Union League
Club Society Organisation Organization Authority Board Bureau Office Service Services Army
Navy Force Forces Police Guard Guards Parliament Assembly Congress Senate Cabinet Government
Administration House Chamber Chambers Exchange Fund Trust Airlines Airways Motors Electric
Systems Technologies Networks Network Studios
Records Pictures Times Post Journal News Herald Telegraph Guardian Gazette Tribune Magazine
Radio Television Press Hospital Church Brigade Brigades Regiment Battalion Movement Front
Alliance Coalition Centre Partners Capital Nations Reserve International Democrats Republicans Socialists
Conservatives Liberals Nationalists Unionists Bundestag Duma Knesset Commons Lords Democrat
Republican Dem Dems Bros Brothers Theatre Theater Gallery Museum Programme Echo Mirror Observer
Chronicle Courier Examiner Standard`

// industryHeads are organisation heads that name a trade; unlike other
// heads they also stand before "and" inside a name: "Securities and
// Exchange Commission", "Oil and Natural Gas Corporation".
const industryHeads = `Tobacco Oil Gas Petroleum Steel Pharmaceuticals Foods Insurance Securities
Investments Telecom Telecommunications Communications Media Entertainment Leisure`

// locationHeads end (or, before "of", head) the names of places: "Black
// Sea", "Gulf of Mexico", "Downing Street".
const locationHeads = `Sea Ocean River Lake Bay Gulf Strait Straits Island Islands Isle Peninsula
Mountains Mountain Mount Hills Valley Desert Canyon Falls Coast Province County Region Oblast
Street Road Avenue Square Park Bridge Airport Port Harbour Harbor Beach Heights Highlands
Basin Delta Forest Canal City Town Village District Territory Territories Republic Kingdom
Palace Castle Cathedral Abbey Stadium Arena Tower End`

// eventHeads end the names of events, awards, laws and wars: MISC.
const eventHeads = `War Wars Cup Championship Championships Games Olympics Olympiad Open Awards
Award Prize Prizes Festival Act Treaty Agreement Accord Accords Declaration Convention
Trophy Series Election Elections Summit Revolution Crisis Marathon Grammys Oscars Baftas
Emmys Expo Inquiry Report Project System Christmas Easter Ramadan Eid Hanukkah Diwali
Thanksgiving Halloween Prix Slam Globe Globes`

// functionWords are never names on their own, even when capitalised: at the
// start of a sentence, in a heading. Lowercase.
const functionWords = `a about above according across actually after afterwards again against ago
ah all almost along already also although always am among amongst an and another any anyone
anything anyway are around as at away back be became because become been before being below
beside besides between beyond both but by can cannot could despite did do does doing done
down during each either else elsewhere enough especially even ever every everyone everything
except few finally first following for former formerly from further furthermore had has have
having he hello her here hers herself him himself his how however i i'd i'll i'm i've if in
indeed instead into is it it's its itself just last lastly later latest least less let let's
like likewise many may maybe me meanwhile might mine more moreover most mostly much must my
myself namely neither never nevertheless next no nobody none nonetheless nor not nothing now
of off often oh ok okay on once one only onto or other others otherwise our ours ourselves
out over overall own perhaps please rather really regardless same secondly several shall she
should since so some somebody someone something sometimes somewhat soon still such than that
that's the their theirs them themselves then there there's thereafter therefore these they
this those though through throughout thus to today together tomorrow tonight too toward
towards under unless unlike until up upon us very via was we we're we've well were what
what's whatever when whenever where whereas wherever whether which while who whoever whom
whose why will with within without would yes yesterday yet you your yours yourself
yourselves don't can't won't isn't aren't didn't doesn't hasn't haven't wasn't weren't
couldn't wouldn't shouldn't he's she's they're here's two three four five six seven eight
nine ten hundred thousand million billion earlier separately meanwhile additionally
similarly consequently eventually ultimately recently currently previously initially each
every asked speaking despite amid following given including`

// weekdayMonthWords are dates, never entities. Lowercase.
const weekdayMonthWords = `monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december jan feb mar apr jun jul
aug sep sept oct nov dec`

// roleWords, written in lowercase right before a capitalised run, say that
// the run is a person: "leader Xi Jinping", "striker Thierry Henry".
const roleWords = `leader president minister secretary spokesman spokeswoman spokesperson chairman
chairwoman chief boss executive director founder coach manager captain striker midfielder
defender goalkeeper winger player star singer actor actress author writer novelist producer
presenter host comedian rapper musician guitarist drummer designer analyst economist professor
lawyer attorney prosecutor judge senator governor mayor ambassador envoy commissioner general
commander colonel chancellor premier king queen prince princess pope cardinal archbishop
bishop rabbi cleric dictator candidate challenger champion chef artist photographer
journalist reporter correspondent editor wife husband son daughter mother father brother
sister widow colleague counterpart predecessor successor deputy rival opponent teammate
president-elect frontman vocalist filmmaker playwright poet`

// placeNouns, followed by "of", say that the next capitalised run is a place:
// "the town of Bakhmut".
const placeNouns = `town city village region province county district state capital port island
suburb neighbourhood neighborhood borough municipality republic outskirts`

// particles join the parts of a name: "Charles de Gaulle", "Osama bin Laden".
const particles = `de da di du del della der den van von la le bin ibn al el dos das`

// speechVerbs, right after a capitalised run, suggest a person said it.
const speechVerbs = `said says told added argued explained insisted stated warned claimed noted
wrote believes thinks admitted replied asked urged`

// locationPrefixes open the names of places: "St Kitts", "River Lagan".
const locationPrefixes = `St Saint San Santa Fort Port Mount Mt Lake Cape Isle River Los Las`

// compassWords name regions alone or together: "the South West".
const compassWords = `North South East West Northern Southern Eastern Western Central North-East
North-West South-East South-West Midlands`

// commonAcronyms are everyday abbreviations, not names.
const commonAcronyms = `MP MPs MEP MEPs MSP MSPs PM CEO CEOs HQ GMT BST PC PCs DVD DVDs CD CDs GDP VAT AI
IT OS GPS PDA PDAs VCR NGO NGOs UV AD BC AM FM OK SMS PIN ID IQ DNA TV TVs PR MBA PhD CV
HIV MP3 R&B SUV ATM CCTV DJ DJs`
