package entity

// General knowledge about names, written for byline: well-known
// organisations, nationality words and common given names. Lists of single
// words are separated by white space, lists that hold phrases by "|".

// organisationNames lists organisations that news names without a telling
// suffix ("the Kremlin", "Labour", "Nato").
const organisationNames = `United Nations|UN|U.N.|European Union|EU|E.U.|NATO|Nato|IMF|WTO|OPEC|
Opec|FIFA|Fifa|UEFA|Uefa|IOC|Interpol|Europol|Red Cross|Amnesty International|Greenpeace|
BBC|CNN|ITV|Reuters|Kremlin|Pentagon|Congress|Parliament|Senate|Whitehall|Treasury|
Labour|Tories|Tory|Conservatives|Liberal Democrats|Lib Dems|Democrats|Republicans|
Taliban|Hamas|Hezbollah|al-Qaeda|Al-Qaeda|Al Qaeda|Google|Microsoft|Apple|IBM|Intel|Sony|
Nintendo|Samsung|Nokia|Toyota|Honda|Boeing|Airbus|Yahoo|Facebook|Twitter|Vodafone|Shell|
Gazprom|Nasa|NASA|FBI|CIA|KGB|FSB|NHS|MI5|MI6|Ofcom|Ofsted|Fed|Federal Reserve|
World Bank|Eurostat|Xinhua|Al-Jazeera|Al Jazeera`

// governmentSeats lists buildings whose name stands for the government in
// them ("the Kremlin said", "the White House warned"): organisations.
const governmentSeats = `Kremlin|White House|Pentagon|Whitehall|Elysee|Élysée|Quai d'Orsay`

// nationalityWords lists nationality, regional and religious adjectives
// and nouns: MISC in the CoNLL scheme. Plurals ending in -ns and -is are
// made from them by the lexicon builder.
const nationalityWords = `Afghan Albanian Algerian American Angolan Argentine Argentinian
Armenian Australian Austrian Azerbaijani Bangladeshi Belarusian Belgian Bolivian Bosnian
Brazilian British Briton Bulgarian Burmese Cambodian Cameroonian Canadian Chilean Chinese
Colombian Congolese Croatian Cuban Cypriot Czech Danish Dutch Ecuadorian Egyptian English
Eritrean Estonian Ethiopian Filipino Finnish French Georgian German Ghanaian Greek Haitian
Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli Italian Jamaican Japanese
Jordanian Kazakh Kenyan Korean Kosovan Kurdish Kuwaiti Kyrgyz Lao Latvian Lebanese Liberian
Libyan Lithuanian Malaysian Maltese Mexican Moldovan Mongolian Moroccan Mozambican Namibian
Nepalese Nigerian Norwegian Pakistani Palestinian Panamanian Peruvian Polish Portuguese
Qatari Romanian Russian Rwandan Saudi Scottish Senegalese Serbian Singaporean Slovak
Slovenian Somali Spanish Sudanese Swedish Swiss Syrian Taiwanese Tajik Tanzanian Thai
Tunisian Turkish Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh
Yemeni Zambian Zimbabwean African Arab Arabic Asian European Latin Nordic Scandinavian
Balkan Caucasian Soviet Western Eastern Muslim Christian Jewish Islamic Catholic Protestant
Sunni Shia Shiite Hindu Buddhist Sikh Anglo Franco Hispanic Persian Yankee Olympic Paralympic
Britons Brits Greeks Czechs Turks Kurds Arabs Poles Danes Swedes Finns Scots Thais Filipinos
Kazakhs Uzbeks Tajiks Somalis Jews Muslims Christians Catholics Protestants Hindus Buddhists
Sikhs Sunnis Shias Shiites Englishman Englishmen Frenchman Frenchmen Irishman Irishmen
Scotsman Welshman Dutchman Afghans Saudis Kuwaitis Qataris Yemenis Spaniard Spaniards Dane Swede
Finn Pole Turk Kurd Scot Brit Kiwi Kiwis Aussie Aussies Yank Yanks`

// nationalityPhrases are nationality words of two words.
const nationalityPhrases = `South African|North Korean|South Korean|East German|West German|
Northern Irish|New Zealander|Sri Lankan|Latin American|Saudi Arabian|North American|
South American|Central American|Middle Eastern|East European|West European`

// otherNames lists awards, holidays and contests that news names alone:
// MISC.
const otherNames = `Oscar|Oscars|Grammy|Grammys|Bafta|Baftas|Emmy|Emmys|Golden Globe|Golden Globes|
Olympics|Paralympics|Christmas|Easter|Ramadan|Eid|Hanukkah|Diwali|Thanksgiving|Halloween|
New Year|Premiership|Premier League|Champions League|World Cup|Six Nations|Wimbledon|Eurovision`

// givenNames lists common given names from many countries. A capitalised run
// that starts with one is most likely a person.
const givenNames = `Aaron Abdul Abdullah Adam Adrian Ahmed Ahmad Alan Albert Alberto Alex Alexander
Alexandra Alexei Alexey Alfred Ali Alice Alison Amanda Amy Ana Andrea Andreas Andrei Andrew
Andy Angela Angelina Ann Anna Anne Annie Anthony Antonio Antony Arnold Arthur Ashley Barack
Barbara Barry Ben Benjamin Bernard Betty Bill Billy Bob Bobby Boris Brad Bradley Brenda
Brian Bruce Bruno Carl Carlos Carol Caroline Catherine Charles Charlie Charlotte Chris
Christian Christina Christine Christopher Claire Clare Colin Craig Dan Daniel Danny David
Dean Deborah Denis Dennis Diana Diane Dmitry Dmitri Dominic Donald Doris Dorothy Douglas
Duncan Ed Eddie Edward Elena Elizabeth Ellen Emily Emma Emmanuel Eric Erik Eva Fatima
Felix Fernando Fiona Francesca Francis Francisco Frank Fred Frederick Gareth Gary Gavin
Geoff Geoffrey George Gerald Gerhard Gordon Graham Grant Greg Gregory Hans Harold Harry
Hassan Heather Heinrich Helen Helena Henry Hillary Howard Hugh Hugo Hussein Ian Igor Irene
Isaac Ivan Jack Jacob Jacques James Jamie Jan Jane Janet Jason Javier Jean Jeff Jeremy
Jerry Jessica Jim Jimmy Joan Joe Johan John Johnny Jon Jonathan Jorge Jose Joseph Joshua
Juan Judith Julia Julian Julie Justin Karen Karl Kate Katherine Kathleen Kathryn Keith Kelly
Ken Kenneth Kevin Kim Klaus Kofi Kurt Larry Laura Lauren Lee Leonard Leo Linda Lisa Liz
Louis Louise Lucy Luis Luke Maria Marie Mario Mark Martin Mary Matt Matthew Maurice Max
Michael Michel Michelle Miguel Mike Mikhail Mohamed Mohammed Muhammad Nancy Natalia Natalie
Nathan Neil Nicholas Nick Nicola Nicolas Nigel Nikolai Nina Noel Norman Oleg Oliver Olga
Pablo Pamela Patricia Patrick Paul Paula Pedro Peter Philip Phil Pierre Rachel Ralph
Raymond Rebecca Richard Rick Robert Robin Roger Ronald Rosa Ross Roy Ruth Ryan Sally Sam
Samuel Sandra Sarah Scott Sean Sebastian Serena Sergei Sergey Sharon Simon Sophie Stephen
Steve Steven Stuart Susan Suzanne Tanya Teresa Theresa Thomas Tim Timothy Tom Tommy Tony
Tracy Valerie Vanessa Victor Victoria Vincent Vladimir Walter Wayne William Yuri Yusuf
Zoe Angelo Giovanni Giuseppe Luca Marco Paolo Silvio Francois Nicolas Jacques Helmut
Gerhard Wolfgang Jurgen Dieter Manfred Kofi Nelson Thabo Jacob Robert Hu Wen Li Zhang Wang
Jiang Deng Mao Kim Shinzo Junichiro Naoto Narendra Manmohan Sonia Rahul Benazir Pervez
Nawaz Imran Recep Ariel Ehud Benjamin Yasser Mahmoud Hosni Muammar Saddam Bashar Osama
Hamid Vladimir Viktor Mikheil Alexander Lech Vaclav Gordon Tony Margaret Winston Ronald`
