package entity

// Knowledge only the linker reads, written for byline. The rule tagger
// never sees these lists, so changing them changes how mentions join, not
// which spans are found.

// bodyAliases maps other names of a party or an institution to the one
// name the linker gives it, as "alias=canonical"; like placeAliases, but
// for bodies that the lexicon does not list by their canonical name, so
// they are organisations by this table. Only names that mean one body
// wherever they stand: "the Commons" is always a House of Commons, "Lib
// Dem" always the Liberal Democrats. ("Tories" stays apart from
// "Conservative Party": taggers trained on CoNLL call members of a party
// MISC and the party ORG, and the store keys an entity by its type.)
const bodyAliases = `Liberal Democrats=Liberal Democrats|Liberal Democrat=Liberal Democrats|
Lib Dems=Liberal Democrats|Lib Dem=Liberal Democrats|Liberal Democrat Party=Liberal Democrats|
Labour Party=Labour|Labour=Labour|
Commons=House of Commons|House of Commons=House of Commons|
Lords=House of Lords|House of Lords=House of Lords`

// personalTitles, written right before a name, make it a person's: the
// honorifics, and offices and ranks that only people hold and that do not
// open the names of bodies or places ("President Bush", "Mr Ebbers", but
// not "General Motors", "Premier League", "Former England captain",
// "King Kong"). A subset of personTitles.
const personalTitles = `Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Prof Professor Baroness Baron
Cardinal Reverend Rev Rabbi Ayatollah Pope President President-elect Chancellor Minister Secretary
Senator Congressman Congresswoman Governor Mayor`

// eventAliases are other names of awards and events, as "alias=canonical":
// an Oscar is the Academy Awards whatever a tagger made of the word (the
// issue found it split over four types), except where a tagger read a
// person, who may be called Oscar.
const eventAliases = `Oscar=Academy Awards|Oscars=Academy Awards|Academy Award=Academy Awards|
Academy Awards=Academy Awards|Bafta=Baftas|Bafta Awards=Baftas|Baftas=Baftas|
Grammy=Grammy Awards|Grammys=Grammy Awards|Grammy Award=Grammy Awards|Grammy Awards=Grammy Awards|
Brit Awards=Brit Awards|Brits=Brit Awards|Emmy=Emmy Awards|Emmys=Emmy Awards|Emmy Awards=Emmy Awards|
Golden Globe=Golden Globes|Golden Globes=Golden Globes|
Six Nations=Six Nations|Six Nations Championship=Six Nations`
