package input

import (
	"encoding/binary"
	"unicode/utf8"
)

const (
	// detectWindow is how much text, from the first non-ASCII byte on, must
	// be valid UTF-8 for the input to be taken as UTF-8.
	detectWindow = 64 << 10
	// scoreWindow is how much text the GB18030/Big5/UTF-16 scoring reads.
	scoreWindow = 16 << 10
	// utf16Window is how much the BOM-less UTF-16 test reads.
	utf16Window = 4 << 10
)

// DetectEncoding guesses the encoding of raw and returns its canonical
// name: "utf-8-bom", "utf-16le" or "utf-16be" from a byte-order mark;
// "utf-16le"/"utf-16be" from a clear pattern of NUL bytes in every other
// position; "utf-8" for pure ASCII, empty input, or text that is valid
// UTF-8 for 64 KiB from its first non-ASCII byte; otherwise the best of
// "gb18030" (which covers GBK and GB2312), "big5", "utf-8" (with some
// invalid bytes) and BOM-less UTF-16, scored on 16 KiB from the first
// non-ASCII byte: decoding errors and unlikely characters (private use,
// kana, bopomofo, Greek, rare CJK extensions…) count against a candidate,
// common Chinese characters (Simplified or Traditional) and CJK punctuation
// for it; UTF-16 must moreover decode to at least half common characters.
// Ties go to gb18030. Text that is UTF-8 but for a few invalid bytes (no
// more than one for ten valid multi-byte characters) is "utf-8": its bad
// bytes become U+FFFD with a warning, instead of the whole text becoming
// mojibake. Whether the input is binary is not decided here (see Read).
//
// Valid UTF-8 always wins, so a GBK text of two or three characters that
// happens to be valid UTF-8 (the classic "联通") is taken as UTF-8; longer
// texts practically never are.
func DetectEncoding(raw []byte) string { return detect(raw, false) }

// detect is DetectEncoding; truncated says raw is only the start of the
// input (a streaming sample), which may end inside a character.
func detect(raw []byte, truncated bool) string {
	enc, _ := detectChecked(raw, truncated)
	return enc
}

// detectChecked is detect, and how much of raw it found valid UTF-8 on its
// way: raw[:checked] is (0 when it does not know), so that decoding a
// whole input detected as UTF-8 need not check those bytes again.
func detectChecked(raw []byte, truncated bool) (enc string, checked int) {
	if enc, ok, checked := detectStructuralChecked(raw, truncated); ok {
		return enc, checked
	}
	i := firstNonASCII(raw)
	if mostlyUTF8(raw[i:min(len(raw), i+detectWindow)]) {
		return EncUTF8, 0
	}
	return scoreEncodings(raw, i), 0
}

// mostlyUTF8 reports whether b is UTF-8 with a few damaged bytes: at least
// three valid multi-byte sequences and no more than one invalid byte for
// ten of them. GB18030 and Big5 text practically never are: their byte
// pairs form a valid UTF-8 sequence only by chance, once in many.
func mostlyUTF8(b []byte) bool {
	valid, bad := 0, 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			if !utf8.FullRune(b[i:]) && len(b)-i < utf8.UTFMax {
				break // cut at the end of the window
			}
			bad++
		} else {
			valid++
		}
		i += n
	}
	return valid >= 3 && bad*10 <= valid
}

// detectStructural decides the encoding when the bytes leave no doubt: a
// BOM, a UTF-16 NUL pattern, pure ASCII or valid UTF-8.
func detectStructural(raw []byte, truncated bool) (string, bool) {
	enc, ok, _ := detectStructuralChecked(raw, truncated)
	return enc, ok
}

// detectStructuralChecked is detectStructural, and how much of raw it
// found valid UTF-8: raw[:checked] is, and checked is at a rune boundary.
func detectStructuralChecked(raw []byte, truncated bool) (enc string, ok bool, checked int) {
	switch {
	case hasPrefix(raw, bomUTF8):
		return EncUTF8BOM, true, 0
	case hasPrefix(raw, bomUTF16LE):
		return EncUTF16LE, true, 0
	case hasPrefix(raw, bomUTF16BE):
		return EncUTF16BE, true, 0
	}
	if enc, ok := detectUTF16(raw, truncated); ok {
		return enc, true, 0
	}
	i := firstNonASCII(raw)
	if i < 0 {
		return EncUTF8, true, len(raw)
	}
	end := min(len(raw), i+detectWindow)
	win := raw[i:end]
	if end < len(raw) || truncated {
		win = trimPartialRune(win)
	}
	if utf8.Valid(win) {
		return EncUTF8, true, i + len(win)
	}
	return "", false, 0
}

// scoreEncodings decodes a window of raw starting at the first non-ASCII
// byte i with each candidate and returns the best.
func scoreEncodings(raw []byte, i int) string {
	var common hanSet
	common.build()
	type candidate struct {
		k    kind
		name string
		from int
	}
	cands := make([]candidate, 0, 5)
	cands = append(cands,
		candidate{kGB18030, EncGB18030, i},
		candidate{kBig5, EncBig5, i},
		candidate{kUTF8, EncUTF8, i})
	if len(raw)%2 == 0 {
		// UTF-16 without BOM or NULs (CJK only): score it from an even offset.
		cands = append(cands,
			candidate{kUTF16LE, EncUTF16LE, i &^ 1},
			candidate{kUTF16BE, EncUTF16BE, i &^ 1})
	}
	best, bestScore := EncGB18030, 0
	var buf []byte
	for n, c := range cands {
		sample := raw[c.from:min(len(raw), c.from+scoreWindow)]
		d := newDecoder(c.k, 0)
		buf = d.decodeAll(sample, buf[:0])
		s, hits, runes := scoreText(buf, d.bad, &common)
		if (c.k == kUTF16LE || c.k == kUTF16BE) && (runes < 4 || hits*2 < runes) {
			// UTF-16 without BOM or NUL bytes is rare: ask for strong evidence.
			continue
		}
		if n == 0 || s > bestScore {
			best, bestScore = c.name, s
		}
	}
	return best
}

// scoreText rates how likely text is a correct decoding of Chinese text.
// It also returns the number of common Chinese characters and of
// non-ASCII characters.
func scoreText(text []byte, bad int64, common *hanSet) (score, hits, runes int) {
	score = -4 * int(bad)
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
				score -= 2
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		i += n
		runes++
		switch {
		case r == utf8.RuneError:
			// counted in bad
		case common.has(r):
			score += 2
			hits++
		case isCJKPunct(r):
			score++
		case isUnlikely(r):
			score--
		}
	}
	return score, hits, runes
}

// isCJKPunct: punctuation common in Chinese text.
func isCJKPunct(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x3011, r >= 0xFF01 && r <= 0xFF1F:
		return true
	}
	switch r {
	case '“', '”', '‘', '’', '—', '…', '·':
		return true
	}
	return false
}

// isUnlikely: characters that wrong decodings of Chinese text produce and
// real Chinese policy text rarely contains.
func isUnlikely(r rune) bool {
	switch {
	case r >= 0x80 && r < 0xA0, // C1 controls
		r >= 0x370 && r < 0x530,                              // Greek, Cyrillic, Armenian
		r >= 0x1100 && r < 0x1200,                            // Hangul Jamo
		r >= 0x2500 && r < 0x25A0,                            // box drawing, blocks
		r >= 0x3040 && r < 0x3100,                            // kana
		r >= 0x3100 && r < 0x3130, r >= 0x31A0 && r < 0x31C0, // bopomofo
		r >= 0x3130 && r < 0x3190, // Hangul compatibility Jamo
		r >= 0x3400 && r < 0x4DC0, // CJK extension A
		r >= 0xA000 && r < 0xA4D0, // Yi
		r >= 0xAC00 && r < 0xD7B0, // Hangul syllables
		r >= 0xE000 && r < 0xF900, // private use
		r >= 0xF900 && r < 0xFB00, // CJK compatibility ideographs
		r >= 0xFF61 && r < 0xFFA0, // half-width katakana
		r >= 0x20000:              // supplementary ideographs, private use planes
		return true
	}
	return false
}

// detectUTF16 recognises BOM-less UTF-16 by its NUL bytes: many of them,
// nearly all on the same side of each code unit, and a decoding that looks
// like text.
func detectUTF16(raw []byte, truncated bool) (string, bool) {
	if len(raw)%2 != 0 && !truncated {
		return "", false // UTF-16 comes in 2-byte units
	}
	sample := raw[:min(len(raw), utf16Window)&^1]
	if len(sample) < 4 {
		return "", false
	}
	var even, odd int
	for i, b := range sample {
		if b == 0 {
			if i&1 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	var k kind
	switch {
	case odd > 0 && even*20 <= odd:
		k = kUTF16LE
	case even > 0 && odd*20 <= even:
		k = kUTF16BE
	default:
		return "", false
	}
	d := newDecoder(k, 0)
	text := d.decodeAll(sample, nil)
	var plausible, total int
	for _, r := range string(text) {
		total++
		if isPlausibleRune(r) {
			plausible++
		}
	}
	if total == 0 || plausible*10 < total*9 {
		return "", false
	}
	if k == kUTF16BE {
		return EncUTF16BE, true
	}
	return EncUTF16LE, true
}

// isPlausibleRune: a character ordinary Chinese or English text contains.
func isPlausibleRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		return true
	case r >= 0x20 && r < 0x7F, r >= 0xA0 && r < 0x100:
		return true
	case r >= 0x2000 && r < 0x2070, r >= 0x3000 && r < 0x3040, r >= 0x4E00 && r < 0xA000, r >= 0xFF00 && r < 0xFFF0:
		return true
	}
	return false
}

// firstNonASCII returns the index of the first byte >= 0x80, or -1.
func firstNonASCII(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return i
		}
	}
	return -1
}

// trimPartialRune drops an incomplete UTF-8 sequence cut at the end of a window.
func trimPartialRune(b []byte) []byte {
	for j := len(b) - 1; j >= 0 && j >= len(b)-utf8.UTFMax; j-- {
		if utf8.RuneStart(b[j]) {
			if !utf8.FullRune(b[j:]) {
				return b[:j]
			}
			break
		}
	}
	return b
}

// hanSet is a bit set over U+4E00..U+9FFF.
type hanSet [0x5200 / 64]uint64

func (s *hanSet) build() {
	for _, r := range commonHan {
		r -= 0x4E00
		s[r>>6] |= 1 << (r & 63)
	}
}

func (s *hanSet) has(r rune) bool {
	r -= 0x4E00
	return r >= 0 && r < 0x5200 && s[r>>6]&(1<<(r&63)) != 0
}

// commonHan holds about 850 of the characters most frequent in Chinese
// policy and general text, in their Simplified and Traditional (Taiwan and
// Hong Kong) forms, sorted by code point (checked by a test). All are in
// U+4E00..U+9FFF.
const commonHan = "" +
	"一七万三上下不与专且世业东两严並个中为主么义之九也习乡书了争事二于互五些交产享京" +
	"亲人什今从他代以们件价任企众会传但位低住体何作你使來例供依便保信個們候债值做健備" +
	"傳債價儿元先光克免兒党入內全兩八公六共关兴其具养内再写军农决况准减几出分切划列则" +
	"创別利别到制券則前創劃力办加务动劳動務勞包化北区医區十千升半华协協单南卫即却卻厂" +
	"历压原去县参參又及反发取受变口只叫可台史号各合同名后向听告员周命和品响員商問善單" +
	"器嚴四回因团困固国图圆國圓圖團土在地场坚型城域基堅報場境增壓声处备复外多大天太央" +
	"头她好如始委子字存学學它安完定实害家容實寫对导将將專對導小少就局层展属層屬山峯峰" +
	"工巩已币市布带帮帶常幣幫干平年并幸幹幾广应府度廉廠廣建开式引张張強强当形影往很律" +
	"後得從心必志快态思性总情想意感態應成我或战戰房所手才打扶技把投护报担拉拓持指按振" +
	"据採接控推措提擔據支收改攻放政效教数整數文斗料断斯新斷方於施旅族无日时明易是显時" +
	"更書最會月有服期本术机权村条来東极构林果染查标样核根格案條植業極構標樣機權次正此" +
	"步歷段每比毛民气氣水求汙江污決沒没油治況法洁活派流济海消深清減温港游湾源準溫满滿" +
	"潔澳濟灣火災灾点為热無然照熱營爭爲片物特状狀率王环现現理環生產用由电界當疗疫療發" +
	"白百的监監目直相省看真眼眾着督知石矿研础确碳確礎礦示社祖福离种科积称稅程税種稱稳" +
	"積穩究空立第等策算管節範米类粮精糧系紀約紅級素細組結給統經綠維網線縣總績織红约级" +
	"纪线组细织经结给统绩维绿网置美羣群義習老者而耕职联聯聲職聽育能脫脱自至臺與興般色" +
	"节花范華营萬落著處號融衆行術衔街衛衞表被装裏裝裡西要覆見規親觀见观规角解計記設許" +
	"話該認說説調論證識議護變计认议记许论设证识话该说调象負財貧貨費貿資質负财货质贫贸" +
	"费资走起越路身車軍較輸轉车转较输辦農边达过运近还这进连适选這通速造連進遊運過道達" +
	"適選還邊那部都鄉酸醫采里重量金銜鍵鎮鏈鐵铁链键镇長长門開間關门问间队防阶际降院除" +
	"险隊階際障險难集離難電需青非面革鞏音響項須預領頭題類顯项须预领题風风食養馬驗马验" +
	"體高鬥麼點黨"
