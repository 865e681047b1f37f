package main

import "strconv"

// count says n things in words a person would write: "1 feed", "2 feeds",
// "0 feeds". many is the plural; it is one+"s" for most nouns.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
