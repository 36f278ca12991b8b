package entities

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"zhpolicy/pkg/analysis"
)

// document is the working state of one Extract: the folded text as runes,
// its tokens in rune offsets, and what is known of the document as a whole.
type document struct {
	x    *Extractor
	rs   []rune
	toks []rtok
	// credit marks the runes of photo credits and editor lines (本报记者
	// 戴冰摄, 责任编辑：…): page chrome, never people.
	credit []bool
	// known are the people the document names with evidence (a title, a
	// header or caption line, a form of address): the same name elsewhere
	// in the document is that person too (王正谱作政府工作报告).
	known    map[string]bool
	maxKnown int
	// knownRunes are the keys of known as runes, sorted; knownFirst their
	// first runes (a quick test before the lookups)
	knownRunes [][]rune
	knownFirst map[rune]bool
	// pairs are the pairs of Han runes that stand inside one token of the
	// document (made on the first call of isWordPair)
	pairs map[[2]rune]bool
	// cityFirst are the first runes of the cities and provinces the
	// document writes as words of two or three runes (青 of 青岛), made on
	// the first call of cityShort
	cityFirst map[rune]bool
	// aliases are the short forms the document gives its bodies in
	// brackets (scanAliases)
	aliases [][]rune
	// bureaus: a government body (a department of a level, 市教育局) has
	// been named before; its offices may then be named alone
	bureaus bool
	// str is rs as a string and off the byte offset in it of every rune
	// index (made once, on the first call of textOffsets)
	str string
	off []int
	// buf holds the arrays newSentence reuses
	buf struct {
		tokStr           []string
		startTok, endTok []int
		blocked          []bool
	}
}

// Extract finds the entities of one document, in text order. Mentions of
// PER, ORG and LOC never overlap one another; a TITLE, MEETING or DOC may
// contain one (国务院 in 国务院总理).
func (x *Extractor) Extract(in *analysis.Input) []Mention {
	// byte offset in Folded of every rune index
	n := utf8.RuneCountInString(in.Folded)
	rs := make([]rune, 0, n)
	fb := make([]int, 0, n+1)
	for b, r := range in.Folded {
		fb = append(fb, b)
		rs = append(rs, unifyRune(r))
	}
	fb = append(fb, len(in.Folded))
	// tokens come in text order: a cursor walks fb, and a search is the
	// fallback for an offset behind it
	cur := 0
	runeAt := func(b int) int {
		if b < fb[cur] {
			cur, _ = slices.BinarySearch(fb, b)
			return cur
		}
		for cur < len(fb)-1 && fb[cur] < b {
			cur++
		}
		return cur
	}
	// a set phrase read as its words (appendFormula) adds six tokens
	extra := 0
	for _, tk := range in.Tokens {
		if tk.POS == "nz" && tk.End-tk.Start >= 30 {
			extra += 6
		}
	}
	d := &document{x: x, rs: rs, toks: make([]rtok, 0, len(in.Tokens)+extra)}
	for _, tk := range in.Tokens {
		s, e := in.FoldedSpan(int(tk.Start), int(tk.End))
		t := rtok{s: runeAt(s), e: runeAt(e), pos: tk.POS}
		if t.e-t.s >= 10 && tk.POS == "nz" {
			d.toks = appendFormula(d.toks, rs, t)
			continue
		}
		d.toks = append(d.toks, t)
	}
	d.credit = credits(rs)
	spans := d.recognize()
	out := make([]Mention, 0, len(spans))
	for _, sp := range spans {
		s, e := in.TextSpan(fb[sp.s], fb[sp.e])
		m := Mention{Start: s, End: e, Text: in.Text[s:e], Key: analysis.Key(dropSpaces(string(rs[sp.s:sp.e]))), Type: sp.typ}
		if sp.typ == DATE {
			// a plan period quoted 「十四五」 in a Traditional text counts
			// with “十四五” (keys are Simplified; the text stays as written)
			m.Key = cornerQuotes.Replace(m.Key)
		}
		if sp.title != "" {
			// a copy: sp.title is a substring of the whole document's
			// runes, which a mention must not keep alive
			m.Post = strings.Clone(sp.title)
			if sp.oe > sp.os {
				m.Org = analysis.Key(dropSpaces(string(rs[sp.os:sp.oe])))
			}
			if sp.oe >= sp.ts && sp.os < sp.ts {
				// the body written against the post: the title as written
				// (文化部长, not 文化部 + 部长)
				m.Title = analysis.Key(dropSpaces(string(rs[sp.os:sp.te])))
			} else {
				m.Title = m.Org + m.Post
			}
			ts, te := in.TextSpan(fb[min(sp.os, sp.ts)], fb[sp.te])
			if sp.oe < sp.ts {
				ts, _ = in.TextSpan(fb[sp.ts], fb[sp.te])
			}
			m.TitleText = in.Text[ts:te]
		}
		out = append(out, m)
	}
	return out
}

// appendFormula appends token t, or, when it is one of the set phrases the
// policy dictionary holds as one word that name a leader and the Party
// centre (以习近平同志为核心的党中央/nz), its words: 以|习近平|同志|为|核心|的|党中央,
// so that the person and the body are found as they are in the same phrase
// about other leaders (以胡锦涛同志为总书记的党中央).
func appendFormula(toks []rtok, rs []rune, t rtok) []rtok {
	w := rs[t.s:t.e]
	if w[0] != '以' {
		return append(toks, t)
	}
	k := -1
	for i := 2; i+3 < len(w); i++ {
		if w[i] == '同' && w[i+1] == '志' && w[i+2] == '为' {
			k = i
			break
		}
	}
	if k < 3 || k > 5 {
		return append(toks, t)
	}
	d := -1
	for i := k + 3; i < len(w)-1; i++ {
		if w[i] == '的' {
			d = i
			break
		}
	}
	if d < k+4 {
		return append(toks, t)
	}
	s := t.s
	return append(toks,
		rtok{s, s + 1, "p"}, rtok{s + 1, s + k, "nr"}, rtok{s + k, s + k + 2, "n"}, rtok{s + k + 2, s + k + 3, "p"},
		rtok{s + k + 3, s + d, "n"}, rtok{s + d, s + d + 1, "uj"}, rtok{s + d + 1, t.e, "nt"})
}

// unifyRune maps a CJK compatibility ideograph (U+F900–U+FAFF,
// U+2F800–U+2FA1F), which some Traditional sources write for ordinary
// characters (苗栗 with U+F9DA), to the unified ideograph it stands for;
// other runes are unchanged. The two are canonically equivalent.
func unifyRune(r rune) rune {
	if r < 0xF900 || r > 0xFAFF && (r < 0x2F800 || r > 0x2FA1F) {
		return r
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	var out [2 * utf8.UTFMax]byte
	u := norm.NFC.Append(out[:0], buf[:n]...)
	if c, size := utf8.DecodeRune(u); size == len(u) && c != utf8.RuneError {
		return c
	}
	return r
}

// sentence ends: a line end or a full stop, question or exclamation mark,
// or semicolon.
func isSentenceEnd(r rune) bool {
	return r == '\n' || r == '。' || r == '！' || r == '？' || r == '；'
}

// recognize runs the recognisers on every sentence, twice where needed:
// the first pass finds the people named with evidence; the second reads
// again the sentences where those names appear without it.
func (d *document) recognize() []span {
	type sent struct {
		s, e  int
		toks  []rtok
		spans []span
	}
	var sents []sent
	all := make([]rtok, 0, len(d.toks))
	ti := 0
	for s := 0; s < len(d.rs); {
		e := s
		for e < len(d.rs) && !isSentenceEnd(d.rs[e]) {
			e++
		}
		if e < len(d.rs) {
			e++
		}
		// the tokens of [s, e), cut at the sentence ends, in one array
		// for all sentences (a token is in one sentence at most)
		first := len(all)
		for ti < len(d.toks) && d.toks[ti].s < e {
			tk := d.toks[ti]
			if tk.s >= s {
				all = append(all, rtok{s: tk.s - s, e: min(tk.e, e) - s, pos: tk.pos})
			}
			ti++
		}
		var st []rtok
		if len(all) > first {
			st = all[first:len(all):len(all)]
		}
		sents = append(sents, sent{s: s, e: e, toks: st})
		s = e
	}
	d.known, d.knownFirst = map[string]bool{}, map[rune]bool{}
	if d.x.genre == Policy {
		d.aliases = scanAliases(d.rs)
	}
	for i := range sents {
		st := &sents[i]
		st.spans = d.sentence(st.s, st.e, st.toks)
		for _, sp := range st.spans {
			if sp.typ == PER && sp.strong && sp.e-sp.s >= 2 {
				k := dropSpaces(string(d.rs[st.s+sp.s : st.s+sp.e]))
				d.known[k] = true
				r, _ := utf8.DecodeRuneInString(k)
				d.knownFirst[r] = true
				d.maxKnown = max(d.maxKnown, utf8.RuneCountInString(k))
			}
		}
	}
	for k := range d.known {
		d.knownRunes = append(d.knownRunes, []rune(k))
	}
	slices.SortFunc(d.knownRunes, func(a, b []rune) int { return slices.Compare(a, b) })
	var out []span
	for i := range sents {
		st := &sents[i]
		if len(d.known) > 0 && d.missesKnown(st.s, st.e, st.spans) {
			st.spans = d.sentence(st.s, st.e, st.toks)
		}
		for _, sp := range st.spans {
			sp.s += st.s
			sp.e += st.s
			if sp.title != "" {
				sp.ts += st.s
				sp.te += st.s
				sp.os += st.s
				sp.oe += st.s
			}
			out = append(out, sp)
		}
	}
	return out
}

// missesKnown says whether a known person's name occurs in [s, e) where
// the first pass found no person.
func (d *document) missesKnown(s, e int, spans []span) bool {
	text := d.rs[s:e]
	for _, name := range d.knownRunes {
		for i := 0; i+len(name) <= len(text); i++ {
			if text[i] != name[0] || !hasRunes(text[i:], name) {
				continue
			}
			found := false
			for _, sp := range spans {
				if sp.typ == PER && sp.s <= i && sp.e >= i+len(name) {
					found = true
					break
				}
			}
			if !found {
				return true
			}
		}
	}
	return false
}

// sentence recognises the sentence [s, e) with its tokens (in offsets from
// s), returning spans in offsets from s.
func (d *document) sentence(s, e int, toks []rtok) []span {
	st := newSentence(d, s, d.rs[s:e], toks, d.credit[s:e])
	other := st.patterns()
	core := st.recognizeCore()
	titles := st.attachTitles(core)
	core = st.joinSubsidiaries(core)
	all := append(append(other, core...), titles...)
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].s != all[j].s {
			return all[i].s < all[j].s
		}
		return all[i].e > all[j].e
	})
	return all
}

// credits marks photo credits and editor lines: a name right before 摄 at
// the end of a caption (本报记者 戴冰摄, 新华社记者谢龙摄, 记者 韩卿立 摄), and
// the names after 责任编辑, 编辑, 校对, 审核 labels.
func credits(rs []rune) []bool {
	out := make([]bool, len(rs))
	for i, r := range rs {
		switch {
		case r == '摄' && creditEnd(rs, i+1):
			// back over spaces, then 2 to 4 Han characters (with single
			// spaces between them), up to a label, a space or the line start
			j := i
			for j > 0 && isBlank(rs[j-1]) {
				j--
			}
			k := j
			for k > 0 && j-k < 6 && (isHan(rs[k-1]) || isBlank(rs[k-1]) && k-1 > 0 && isHan(rs[k-2])) && !endsLabel(rs, k) {
				k--
			}
			if n := hanCount(rs[k:j]); n >= 2 && n <= 4 && (k == 0 || endsLabel(rs, k) || creditStart(rs[k-1])) {
				for p := k; p <= i; p++ {
					out[p] = true
				}
			}
		case r == '\n':
			bylineBefore(rs, i, out)
		case r == '：' || r == ':':
			if !endsWithAny(rs[:i], editorLabels) {
				continue
			}
			// the rest of the line
			for p := i + 1; p < len(rs) && rs[p] != '\n'; p++ {
				out[p] = true
			}
		}
	}
	bylineBefore(rs, len(rs), out)
	return out
}

// bylineLabels end right before a reporter's name in a byline.
var bylineLabels = [][]rune{[]rune("记者"), []rune("記者"), []rune("通讯员"), []rune("通訊員")}

// bylineBefore marks a reporter's byline that ends the line at e: a label
// (记者, 通讯员), blanks, then a name of 2 to 4 Han characters up to the line
// end (…甘肃日报记者 盛学卿).
func bylineBefore(rs []rune, e int, out []bool) {
	j := e
	for j > 0 && (isBlank(rs[j-1]) || rs[j-1] == '\r') {
		j--
	}
	ns := j
	for ns > 0 && j-ns < 4 && isHan(rs[ns-1]) {
		ns--
	}
	if j-ns < 2 || ns == 0 || !isBlank(rs[ns-1]) {
		return
	}
	lb := ns
	for lb > 0 && isBlank(rs[lb-1]) {
		lb--
	}
	if !endsWithAny(rs[:lb], bylineLabels) {
		return
	}
	for p := ns; p < j; p++ {
		out[p] = true
	}
}

var editorLabels = [][]rune{[]rune("责任编辑"), []rune("编辑"), []rune("校对"), []rune("审核"), []rune("审校"), []rune("责编"),
	[]rune("摄影"), []rune("图片"), []rune("作者"), []rune("记者"), []rune("通讯员")}

// creditLabels end right before the photographer's name.
var creditLabels = [][]rune{[]rune("记者"), []rune("通讯员"), []rune("摄影"), []rune("供图"), []rune("/"), []rune("／")}

func endsLabel(rs []rune, k int) bool { return endsWithAny(rs[:k], creditLabels) }

func endsWithAny(rs []rune, labels [][]rune) bool {
	for _, l := range labels {
		if len(rs) >= len(l) && string(rs[len(rs)-len(l):]) == string(l) {
			return true
		}
	}
	return false
}

// creditEnd says whether a credit can end before rs[i]: the end of the
// text or line, a closing bracket, a space or a full stop.
func creditEnd(rs []rune, i int) bool {
	if i >= len(rs) {
		return true
	}
	switch rs[i] {
	case '\n', '）', ')', '】', ']', '。', ' ', '\u3000', '\t', '\r':
		return true
	}
	return false
}

// creditStart says whether a credit can start after r.
func creditStart(r rune) bool {
	switch r {
	case '\n', '（', '(', '【', '[', '。', ' ', '\u3000', '\t':
		return true
	}
	return false
}

func isBlank(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0' }

func hanCount(rs []rune) int {
	n := 0
	for _, r := range rs {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// textOffsets returns the document's runes as a string and the byte offset
// in it of every rune index, made on the first call.
func (d *document) textOffsets() (string, []int) {
	if d.off == nil {
		d.str = string(d.rs)
		d.off = make([]int, len(d.rs)+1)
		b := 0
		for i, r := range d.rs {
			d.off[i] = b
			n := utf8.RuneLen(r)
			if n < 0 {
				n = utf8.RuneLen(utf8.RuneError) // what string() writes for an invalid rune
			}
			b += n
		}
		d.off[len(d.rs)] = b
	}
	return d.str, d.off
}
