package entity

// General knowledge about places, written for byline: countries, big cities,
// regions, and the alias table the linker uses. Entries are separated by "|"
// so that multi-word names stay whole.

// countryNames lists the world's countries and a few territories, in the
// forms English news writes them.
const countryNames = `Afghanistan|Albania|Algeria|Andorra|Angola|Antigua|Argentina|Armenia|
Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|
Bhutan|Bolivia|Bosnia|Bosnia-Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|
Burma|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|
Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|
Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|
Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|
Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|
Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|
Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|
Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|
Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|
Namibia|Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|
North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|
Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saint Lucia|Samoa|
San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|
Solomon Islands|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|
Swaziland|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|
Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|U.K.|
Britain|Great Britain|United States|United States of America|US|U.S.|USA|U.S.A.|America|
Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Korea|
England|Scotland|Wales|Northern Ireland|Hong Kong|Macau|Greenland|Puerto Rico|Gaza|
Gaza Strip|West Bank|Tibet|Xinjiang|Chechnya|Crimea|Kashmir|Kurdistan|Darfur|Catalonia|
Flanders|Bavaria|Siberia|Soviet Union|USSR|Yugoslavia|Czechoslovakia|Persia`

// cityNames lists capitals and other big cities, US states and a few
// well-known districts.
const cityNames = `London|Paris|Berlin|Madrid|Rome|Lisbon|Dublin|Brussels|Amsterdam|Hague|
Vienna|Prague|Warsaw|Budapest|Bucharest|Sofia|Athens|Belgrade|Zagreb|Ljubljana|Bratislava|
Sarajevo|Skopje|Tirana|Pristina|Kyiv|Kiev|Kharkiv|Odesa|Odessa|Lviv|Minsk|Moscow|
St Petersburg|Saint Petersburg|Vladivostok|Novosibirsk|Vilnius|Riga|Tallinn|Helsinki|
Stockholm|Oslo|Copenhagen|Reykjavik|Bern|Geneva|Zurich|Basel|Milan|Naples|Turin|Venice|
Florence|Barcelona|Seville|Valencia|Bilbao|Porto|Marseille|Lyon|Nice|Strasbourg|Munich|
Hamburg|Frankfurt|Cologne|Stuttgart|Dusseldorf|Bonn|Gdansk|Krakow|Istanbul|Ankara|Tbilisi|
Yerevan|Baku|Tehran|Baghdad|Basra|Mosul|Damascus|Aleppo|Beirut|Amman|Jerusalem|Tel Aviv|
Cairo|Alexandria|Riyadh|Jeddah|Mecca|Medina|Doha|Dubai|Abu Dhabi|Muscat|Kuwait City|Sanaa|
Kabul|Kandahar|Islamabad|Karachi|Lahore|Delhi|New Delhi|Mumbai|Bombay|Kolkata|Calcutta|
Chennai|Bangalore|Hyderabad|Dhaka|Kathmandu|Colombo|Beijing|Shanghai|Guangzhou|Shenzhen|
Wuhan|Chengdu|Chongqing|Tianjin|Taipei|Tokyo|Osaka|Kyoto|Hiroshima|Seoul|Busan|Pyongyang|
Bangkok|Hanoi|Ho Chi Minh City|Saigon|Manila|Jakarta|Bali|Kuala Lumpur|Phnom Penh|Yangon|
Rangoon|Ulaanbaatar|Astana|Almaty|Tashkent|Bishkek|Dushanbe|Ashgabat|Sydney|Melbourne|
Brisbane|Perth|Adelaide|Canberra|Auckland|Wellington|Nairobi|Mombasa|Lagos|Abuja|Accra|
Addis Ababa|Khartoum|Johannesburg|Cape Town|Pretoria|Durban|Soweto|Harare|Lusaka|Kinshasa|
Kampala|Kigali|Dakar|Algiers|Tunis|Tripoli|Benghazi|Rabat|Casablanca|Mogadishu|Luanda|
Maputo|Washington|New York|Manhattan|Brooklyn|Los Angeles|Chicago|Houston|Philadelphia|
Phoenix|San Francisco|Boston|Seattle|Miami|Atlanta|Dallas|Detroit|Denver|Las Vegas|
San Diego|New Orleans|Baltimore|Pittsburgh|Cleveland|Toronto|Montreal|Vancouver|Ottawa|
Mexico City|Havana|Bogota|Caracas|Lima|Santiago|Buenos Aires|Montevideo|Brasilia|
Rio de Janeiro|Sao Paulo|Quito|La Paz|Manchester|Liverpool|Birmingham|Leeds|Glasgow|
Edinburgh|Cardiff|Belfast|Bristol|Sheffield|Newcastle|Nottingham|Leicester|Southampton|
Oxford|Cambridge|Brighton|Aberdeen|Dundee|Swansea|Hollywood|Silicon Valley|Westminster|
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|
Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|
Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|
New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|
South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|
Wyoming|Quebec|Ontario|Yorkshire|Cornwall|Lancashire|Merseyside|Ulster`

// regionNames lists continents and regions.
const regionNames = `Europe|Asia|Africa|Antarctica|Arctic|Antarctic|Oceania|Australasia|
North America|South America|Latin America|Central America|Middle East|Far East|East Asia|
South Asia|Southeast Asia|South-East Asia|Central Asia|Western Europe|Eastern Europe|
Scandinavia|Balkans|Caucasus|Caribbean|Mediterranean|Sahara|Sahel|Himalayas|Alps|
Pacific|Atlantic|West|Gulf`

// placeAliases maps other names of a place (or of a few international
// bodies) to the one name the linker gives them, as "alias=canonical".
const placeAliases = `US=United States|U.S.=United States|USA=United States|U.S.A.=United States|
America=United States|United States of America=United States|United States=United States|
UK=United Kingdom|U.K.=United Kingdom|Britain=United Kingdom|Great Britain=United Kingdom|
United Kingdom=United Kingdom|EU=European Union|E.U.=European Union|European Union=European Union|
UN=United Nations|U.N.=United Nations|United Nations=United Nations|
UAE=United Arab Emirates|U.A.E.=United Arab Emirates|USSR=Soviet Union|U.S.S.R.=Soviet Union|
Nato=NATO|North Atlantic Treaty Organization=NATO|North Atlantic Treaty Organisation=NATO|
Kiev=Kyiv|Bombay=Mumbai|Calcutta=Kolkata|Rangoon=Yangon|Saigon=Ho Chi Minh City|
Holland=Netherlands|Burma=Myanmar|Czechia=Czech Republic`
