package entity

// KnownPlace reports whether name, as written, is a country, city or region
// byline's lexicon knows: the store asks it to tell a person who bears a
// place's name ("Mr Washington") from the place.
func KnownPlace(name string) bool { return lex().places[name] }
