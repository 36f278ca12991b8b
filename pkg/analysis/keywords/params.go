package keywords

// The constants of extraction, chosen by measurement on the development
// data (CSL abstracts outside the policy subset, and the government work
// reports; bench/RESULTS.md, section Keywords (CSL)).
const (
	// headingBoost is the extra weight of an occurrence in a heading line
	// (a title or section heading): it counts 1 + headingBoost times.
	headingBoost = 2.0
	// headingMaxRunes is the longest line taken for a heading.
	headingMaxRunes = 40

	// phraseMinCount is how often adjacent words must occur together to
	// be ranked as one key phrase.
	phraseMinCount = 2
	// phraseMaxParts and phraseMaxRunes bound a key phrase.
	phraseMaxParts = 4
	phraseMaxRunes = 8
	// phraseCohesion: a phrase of three or more words must occur at least
	// this share of the times its first words occur together.
	phraseCohesion = 0.5
	// phraseAssoc: a phrase must occur at least this share of the times
	// the rarer of its head (all words but the last) and its last word
	// occurs, or it is a chance neighbourhood (乡村+全面).
	phraseAssoc = 0.3

	// textRankWindow is the TextRank co-occurrence window, in words.
	textRankWindow = 5
	// bothAlpha weighs TF-IDF against TextRank in Both:
	// score = tfidf^alpha · textrank^(1-alpha), each scaled to a maximum of 1.
	bothAlpha = 0.8
)
