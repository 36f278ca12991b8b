// Package openccdict embeds zhpolicy's OpenCC conversion tables: gocc's
// dictionaries (OpenCC data, early 2020) with the corrections in overlay/
// that bring them to OpenCC 1.1.6, compiled to rune tries by gen/.
// Provenance and licence: dict/SOURCES.md, section "OpenCC overlay".
//
// The tables are plain embedded strings: nothing is decoded until pkg/script
// asks for one.
package openccdict

//go:generate go run ./gen -root ../..

import _ "embed"

// Table returns the compiled table of the named OpenCC dictionary
// (for example "STPhrases"), or false if there is none.
func Table(name string) (string, bool) {
	switch name {
	case "STCharacters":
		return stCharacters, true
	case "STPhrases":
		return stPhrases, true
	case "TSCharacters":
		return tsCharacters, true
	case "TSPhrases":
		return tsPhrases, true
	case "TWPhrases":
		return twPhrases, true
	case "TWPhrasesRev":
		return twPhrasesRev, true
	case "TWVariants":
		return twVariants, true
	case "TWVariantsRev":
		return twVariantsRev, true
	case "TWVariantsRevPhrases":
		return twVariantsRevPhrases, true
	case "HKVariants":
		return hkVariants, true
	case "HKVariantsRev":
		return hkVariantsRev, true
	case "HKVariantsRevPhrases":
		return hkVariantsRevPhrases, true
	}
	return "", false
}

var (
	//go:embed tables/STCharacters.bin
	stCharacters string
	//go:embed tables/STPhrases.bin
	stPhrases string
	//go:embed tables/TSCharacters.bin
	tsCharacters string
	//go:embed tables/TSPhrases.bin
	tsPhrases string
	//go:embed tables/TWPhrases.bin
	twPhrases string
	//go:embed tables/TWPhrasesRev.bin
	twPhrasesRev string
	//go:embed tables/TWVariants.bin
	twVariants string
	//go:embed tables/TWVariantsRev.bin
	twVariantsRev string
	//go:embed tables/TWVariantsRevPhrases.bin
	twVariantsRevPhrases string
	//go:embed tables/HKVariants.bin
	hkVariants string
	//go:embed tables/HKVariantsRev.bin
	hkVariantsRev string
	//go:embed tables/HKVariantsRevPhrases.bin
	hkVariantsRevPhrases string
)
