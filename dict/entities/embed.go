// Package entdict embeds the word lists of the named-entity recogniser
// (pkg/analysis/entities): the gazetteer of places, organisations and
// people, family names, titles, forms of address, organisation endings, the
// characters of transliterated foreign names, and character statistics of
// given names. Provenance: dict/SOURCES.md, section "Entities".
//
// The lists are plain embedded strings; pkg/analysis/entities parses them
// into its tables at `go generate` time, and Snapshot holds the result
// (decoded on first use; the package's tests check that it matches the
// lists).
package entdict

import _ "embed"

var (
	// Admin: Chinese administrative divisions, one a line, with short forms.
	//go:embed admin.txt
	Admin string
	// World: countries, regions, seas, rivers, mountains and cities.
	//go:embed world.txt
	World string
	// Orgs: organisations known by name, with short forms.
	//go:embed orgs.txt
	Orgs string
	// Companies: large Chinese companies and their short names.
	//go:embed companies.txt
	Companies string
	// PolicyOrgs: short names of definite bodies in policy documents.
	//go:embed policyorgs.txt
	PolicyOrgs string
	// OrgSuffixes: endings that make an organisation name.
	//go:embed orgsuffix.txt
	OrgSuffixes string
	// People: public figures.
	//go:embed people.txt
	People string
	// Surnames: family names, single and compound.
	//go:embed surnames.txt
	Surnames string
	// Japanese: Japanese family names.
	//go:embed japanese.txt
	Japanese string
	// Titles: official positions.
	//go:embed titles.txt
	Titles string
	// Cues: forms of address and professions that mark a person.
	//go:embed cues.txt
	Cues string
	// Translit: characters of transliterated foreign names.
	//go:embed translit.txt
	Translit string
	// Minority: characters of Uyghur, Kazakh, Tibetan and Mongolian names.
	//go:embed minority.txt
	Minority string
	// GivenChars: how often each character appears in given names, against
	// how often it appears at all (see gen/).
	//go:embed givenchars.txt
	GivenChars string
	// GivenPrior: characters common in given names (a prior for GivenChars).
	//go:embed given.txt
	GivenPrior string
	// Counties: county-level divisions, many a line.
	//go:embed counties.txt
	Counties string
	// NotShort: short forms of places that are also common words.
	//go:embed notshort.txt
	NotShort string
	// NotPlaces: fixed terms that begin with a place name in which it is
	// not a place (中华民族, 中欧班列).
	//go:embed notplaces.txt
	NotPlaces string
	// Kinds: words that make a kind of body rather than a name (上市, 民营).
	//go:embed kinds.txt
	Kinds string
)

// Snapshot is the recogniser's tables built from the lists above, in the
// format of pkg/analysis/entities (snapshot.go); written by
// `go generate ./pkg/analysis/entities/`.
//
//go:embed tables.bin
var Snapshot []byte
