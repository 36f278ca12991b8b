package normalize

import (
	"strings"
	"sync"
)

// Mandarin syllables are generated from initials × finals and kept only where the final
// combines with the initial. Finals are spelled as they are written after an initial, with ü
// written v (lv, nve); after j, q, x the ü is written u (ju, jue, juan, jun), so those finals
// list j q x among their initials. Syllables without an initial have their own spellings
// (y-, w-, bare vowels) and are listed in zeroInitialSyllables.
var pinyinInitials = strings.Fields("b p m f d t n l g k h j q x zh ch sh r z c s")

var pinyinFinals = [...]struct{ final, initials string }{
	{"a", "b p m f d t n l g k h zh ch sh z c s"},
	{"o", "b p m f l"},
	{"e", "m d t n l g k h zh ch sh r z c s"},
	{"i", "b p m d t n l j q x zh ch sh r z c s"}, // apical -i after zh ch sh r z c s
	{"ai", "b p m d t n l g k h zh ch sh z c s"},
	{"ei", "b p m f d n l g k h zh sh z"},
	{"ao", "b p m d t n l g k h zh ch sh r z c s"},
	{"ou", "p m f d t n l g k h zh ch sh r z c s"},
	{"an", "b p m f d t n l g k h zh ch sh r z c s"},
	{"en", "b p m f d n g k h zh ch sh r z c s"},
	{"ang", "b p m f d t n l g k h zh ch sh r z c s"},
	{"eng", "b p m f d t n l g k h zh ch sh r z c s"},
	{"ong", "d t n l g k h zh ch r z c s"},
	{"ia", "d l j q x"},
	{"ie", "b p m d t n l j q x"},
	{"iao", "b p m d t n l j q x"},
	{"iu", "m d n l j q x"},
	{"ian", "b p m d t n l j q x"},
	{"in", "b p m n l j q x"},
	{"iang", "n l j q x"},
	{"ing", "b p m d t n l j q x"},
	{"iong", "j q x"},
	{"u", "b p m f d t n l g k h zh ch sh r z c s j q x"},
	{"ua", "g k h zh ch sh"},
	{"uo", "d t n l g k h zh ch sh r z c s"},
	{"uai", "g k h zh ch sh"},
	{"ui", "d t g k h zh ch sh r z c s"},
	{"uan", "d t n l g k h zh ch sh r z c s j q x"},
	{"un", "d t l g k h zh ch sh r z c s j q x"},
	{"uang", "g k h zh ch sh"},
	{"v", "n l"},
	{"ve", "n l"},
	{"ue", "n l j q x"}, // nue, lue: the common spelling of nüe, lüe
}

const zeroInitialSyllables = "a o e er ai ei ao ou an en ang eng " +
	"yi ya yo ye yao you yan yin yang ying yong " +
	"wu wa wo wai wei wan wen wang weng " +
	"yu yue yuan yun"

// Interjections written with a syllabic nasal; accepted only with a tone (ḿ, ń, ň, ǹ, n2 …).
const nasalSyllables = "m n ng hm hng"

type syllableKind uint8

const (
	syllableNone syllableKind = iota
	syllableNormal
	syllableNasal // needs a tone mark or digit
)

// pinyinSyllables returns the set of valid toneless syllables (about 410), built once.
var pinyinSyllables = sync.OnceValue(func() map[string]syllableKind {
	set := make(map[string]syllableKind, 420)
	for _, ini := range pinyinInitials {
		for _, f := range pinyinFinals {
			for _, allowed := range strings.Fields(f.initials) {
				if allowed == ini {
					set[ini+f.final] = syllableNormal
					break
				}
			}
		}
	}
	for _, s := range strings.Fields(zeroInitialSyllables) {
		set[s] = syllableNormal
	}
	for _, s := range strings.Fields(nasalSyllables) {
		set[s] = syllableNasal
	}
	return set
})

// toneLetter maps a pinyin letter carrying a tone mark (or ü, ɑ, ɡ without one) to its base
// letter (ü → v), its tone (0 = none) and whether it was upper case.
func toneLetter(r rune) (base byte, tone int, upper, ok bool) {
	switch r {
	case 'ā', 'á', 'ǎ', 'à':
		return 'a', toneOf(r, 'ā', 'á', 'ǎ', 'à'), false, true
	case 'Ā', 'Á', 'Ǎ', 'À':
		return 'a', toneOf(r, 'Ā', 'Á', 'Ǎ', 'À'), true, true
	case 'ē', 'é', 'ě', 'è':
		return 'e', toneOf(r, 'ē', 'é', 'ě', 'è'), false, true
	case 'Ē', 'É', 'Ě', 'È':
		return 'e', toneOf(r, 'Ē', 'É', 'Ě', 'È'), true, true
	case 'ī', 'í', 'ǐ', 'ì':
		return 'i', toneOf(r, 'ī', 'í', 'ǐ', 'ì'), false, true
	case 'Ī', 'Í', 'Ǐ', 'Ì':
		return 'i', toneOf(r, 'Ī', 'Í', 'Ǐ', 'Ì'), true, true
	case 'ō', 'ó', 'ǒ', 'ò':
		return 'o', toneOf(r, 'ō', 'ó', 'ǒ', 'ò'), false, true
	case 'Ō', 'Ó', 'Ǒ', 'Ò':
		return 'o', toneOf(r, 'Ō', 'Ó', 'Ǒ', 'Ò'), true, true
	case 'ū', 'ú', 'ǔ', 'ù':
		return 'u', toneOf(r, 'ū', 'ú', 'ǔ', 'ù'), false, true
	case 'Ū', 'Ú', 'Ǔ', 'Ù':
		return 'u', toneOf(r, 'Ū', 'Ú', 'Ǔ', 'Ù'), true, true
	case 'ǖ', 'ǘ', 'ǚ', 'ǜ':
		return 'v', toneOf(r, 'ǖ', 'ǘ', 'ǚ', 'ǜ'), false, true
	case 'Ǖ', 'Ǘ', 'Ǚ', 'Ǜ':
		return 'v', toneOf(r, 'Ǖ', 'Ǘ', 'Ǚ', 'Ǜ'), true, true
	case 'ü':
		return 'v', 0, false, true
	case 'Ü':
		return 'v', 0, true, true
	case 'ɑ': // Latin alpha, used for a in dictionary-style pinyin
		return 'a', 0, false, true
	case 'ɡ': // script g, likewise
		return 'g', 0, false, true
	case 'ḿ':
		return 'm', 2, false, true
	case 'ń':
		return 'n', 2, false, true
	case 'ň':
		return 'n', 3, false, true
	case 'ǹ':
		return 'n', 4, false, true
	}
	return 0, 0, false, false
}

func toneOf(r, t1, t2, t3, t4 rune) int {
	switch r {
	case t1:
		return 1
	case t2:
		return 2
	case t3:
		return 3
	case t4:
		return 4
	}
	return 0
}

// Limits that keep the annotation look-ahead bounded and the match conservative.
const (
	maxAnnotationRunes     = 48 // runes between the parentheses (after skipping invisibles)
	maxAnnotationSyllables = 8
	maxSyllableLetters     = 6 // zhuang, shuang, chuang
)

// annotation is a parsed parenthesised reading.
type annotation struct {
	syllables int
	// strong: every syllable carries a tone (mark or digit 1–5), and is not a lone letter
	// with only a digit (a1, n2). Strong annotations are removed on their own; weak ones
	// (toneless, or lone letter + digit) only when the document has evidence.
	strong bool
}

func isAnnotationSep(r rune) bool {
	switch r {
	case ' ', ',', '，', '、', '\'', '’', '-', '·':
		return true
	}
	return false
}

// isAnnotationRune reports whether r may appear between the parentheses of a reading
// (after odd spaces became ' ' and full-width letters and digits were folded).
func isAnnotationRune(r rune) bool {
	if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == ':' {
		return true
	}
	if isAnnotationSep(r) {
		return true
	}
	_, _, _, ok := toneLetter(r)
	return ok
}

// parseAnnotation parses the content of a parenthesised reading: one or more syllables
// separated by spaces, commas, enumeration commas, middle dots, hyphens or apostrophes.
func parseAnnotation(rs []rune) (annotation, bool) {
	for len(rs) > 0 && rs[0] == ' ' {
		rs = rs[1:]
	}
	for len(rs) > 0 && rs[len(rs)-1] == ' ' {
		rs = rs[:len(rs)-1]
	}
	if len(rs) == 0 || isAnnotationSep(rs[0]) || isAnnotationSep(rs[len(rs)-1]) {
		return annotation{}, false
	}
	a := annotation{strong: true}
	for len(rs) > 0 {
		k := 0
		for k < len(rs) && !isAnnotationSep(rs[k]) {
			k++
		}
		strong, ok := parseSyllable(rs[:k])
		if !ok {
			return annotation{}, false
		}
		a.syllables++
		if a.syllables > maxAnnotationSyllables {
			return annotation{}, false
		}
		a.strong = a.strong && strong
		for k < len(rs) && isAnnotationSep(rs[k]) {
			k++
		}
		rs = rs[k:]
	}
	return a, true
}

// parseSyllable checks one written syllable: letters (tone-marked vowels, ü, v, or u: for ü)
// and an optional final tone digit 1–5. Upper case is accepted only when the syllable is
// clearly pinyin: it carries a tone mark (Huì, HUÌ), or a tone digit with only the first
// letter capitalised (Hui4).
func parseSyllable(rs []rune) (strong, ok bool) {
	var buf [maxSyllableLetters]byte
	n := 0
	marks, upper := 0, 0
	firstUpper, digit := false, false
	for k, r := range rs {
		if digit {
			return false, false // the tone digit must come last
		}
		var b byte
		switch {
		case r >= 'a' && r <= 'z':
			b = byte(r)
		case r >= 'A' && r <= 'Z':
			b = byte(r) + 'a' - 'A'
			upper++
			firstUpper = firstUpper || k == 0
		case r >= '1' && r <= '5':
			if n == 0 {
				return false, false
			}
			digit = true
			continue
		case r == ':':
			if n == 0 || buf[n-1] != 'u' {
				return false, false
			}
			buf[n-1] = 'v' // lu:4 = lǜ
			continue
		default:
			base, tone, up, isTone := toneLetter(r)
			if !isTone {
				return false, false
			}
			b = base
			if tone > 0 {
				marks++
			}
			if up {
				upper++
				firstUpper = firstUpper || k == 0
			}
		}
		if n == len(buf) {
			return false, false
		}
		buf[n] = b
		n++
	}
	if n == 0 || marks > 1 || (marks == 1 && digit) {
		return false, false
	}
	toned := marks == 1 || digit
	if upper > 0 && marks == 0 && !(digit && upper == 1 && firstUpper) {
		return false, false
	}
	switch pinyinSyllables()[string(buf[:n])] {
	case syllableNormal:
	case syllableNasal:
		if !toned {
			return false, false
		}
	default:
		return false, false
	}
	return toned && (n >= 2 || marks == 1), true
}
