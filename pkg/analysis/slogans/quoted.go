package slogans

// closerOf gives the closing mark of an opening quotation mark.
func closerOf(c rune) rune {
	switch c {
	case '“':
		return '”'
	case '「':
		return '」'
	case '『':
		return '』'
	case '‘':
		return '’'
	case '"':
		return '"'
	case '〝':
		return '〞'
	case '﹁':
		return '﹂'
	case '﹃':
		return '﹄'
	}
	return 0
}

// maxQuoteScan bounds the search for a closing mark.
const maxQuoteScan = 200

// findQuotes finds the quoted phrases that are formulations. Plans are
// left to plans(); parallel series come back as hits; quoted and numbered
// phrases come back as keys to be counted wherever they occur.
func (x *extractor) findQuotes() []hit {
	v := x.v
	r := v.r
	var out []hit
	for i := 0; i < len(r); i++ {
		cl := closerOf(r[i])
		if cl == 0 {
			continue
		}
		if r[i] == '"' && i > 0 && isWordRune(r[i-1]) && !isHan(r[i-1]) {
			continue // 5" or ASCII text
		}
		k := -1
		for j := i + 1; j < len(r) && j <= i+maxQuoteScan; j++ {
			if r[j] == '\n' {
				break
			}
			if r[j] == cl {
				k = j
				break
			}
		}
		if k < 0 {
			continue
		}
		a, b := i+1, k
		if h, ok := x.classifyQuote(a, b); ok {
			// members of series must not cut into a quoted formulation
			for q := a; q < b; q++ {
				v.quoted[q] = true
			}
			out = append(out, h)
		}
		if r[i] == '"' {
			i = k // ASCII quotes pair up in order
		}
	}
	return out
}

// classifyQuote decides what the quoted runes r[a:b] are.
func (x *extractor) classifyQuote(a, b int) (hit, bool) {
	v := x.v
	c := v.r[a:b]
	n := len(c)
	if n < 2 {
		return hit{}, false
	}
	hasSep := false
	for _, ch := range c {
		switch {
		case isQuoteMark(ch) || hardStop(ch):
			return hit{}, false // speech, or a quotation within a quotation
		case isDun(ch) || isComma(ch):
			hasSep = true
		}
	}
	han := 0
	for _, ch := range c {
		if isHan(ch) {
			han++
		}
	}
	if han == 0 {
		return hit{}, false
	}
	// names of ships, spacecraft, satellites: “嫦娥六号”, “梦想”号
	if c[n-1] == '号' || (b < len(v.r) && b+1 < len(v.r) && v.r[b+1] == '号') {
		return hit{}, false
	}
	// speech: 指出：“……”
	if p := prevNonSpace(v.r, a-1); p >= 0 && (v.r[p] == '：' || v.r[p] == ':') && (hasSep || n > 8) {
		return hit{}, false
	}
	if _, ok := planKey(c); ok {
		return hit{}, false // plans() finds it
	}
	key := textKey(string(c))
	if hasSep {
		if s, ok := x.quotedSeries(a, b); ok {
			return s, true
		}
		if numberedShape(c) && n <= 2*x.opts.MaxQuoted {
			return hit{key: key, kind: Numbered, i: a, k: b, quoted: true}, true
		}
		if n <= x.opts.MaxQuoted {
			return hit{key: key, kind: Quoted, i: a, k: b, quoted: true}, true
		}
		return hit{}, false
	}
	if numberedShape(c) {
		return hit{key: key, kind: Numbered, i: a, k: b, quoted: true}, true
	}
	if n > x.opts.MaxQuoted {
		return hit{}, false
	}
	return hit{key: key, kind: Quoted, i: a, k: b, quoted: true}, true
}

// quotedSeries reads a quoted phrase with separators as a parallel series.
func (x *extractor) quotedSeries(a, b int) (hit, bool) {
	v := x.v
	var spans [][2]int
	start := a
	for j := a; j <= b; j++ {
		if j == b || isDun(v.r[j]) || isComma(v.r[j]) {
			if j-start < 1 {
				return hit{}, false
			}
			spans = append(spans, [2]int{start, j})
			start = j + 1
		}
	}
	members := make([][]rune, len(spans))
	for i, sp := range spans {
		members[i] = v.r[sp[0]:sp[1]]
	}
	// The quotation marks already say the phrase is a slogan: a quoted
	// series needs only members of the same length (within one), none of
	// them a sentence. Two members that both open with a numeral are a
	// numbered formulation written with a 、 (“双随机、一公开”).
	lo, hi := lengths(members)
	if lo < minMember || hi > maxMember || hi-lo > 1 || !distinct(members) {
		return hit{}, false
	}
	for _, m := range members {
		if !allHanOrPlus(m) {
			return hit{}, false
		}
	}
	if len(members) == 2 && numberedInitial(members[0][0]) && numberedInitial(members[1][0]) && shared(members) == 0 {
		return hit{}, false
	}
	keys := make([]string, len(members))
	for i, m := range members {
		keys[i] = textKey(string(m))
	}
	return hit{key: joinMembers(keys), kind: Parallel, i: a, k: b, members: keys, mspans: spans, quoted: true}, true
}

func prevNonSpace(r []rune, i int) int {
	for ; i >= 0; i-- {
		if r[i] != ' ' && r[i] != '\u3000' {
			return i
		}
	}
	return -1
}

// allHanOrPlus: ideographs, and + as in 互联网+.
func allHanOrPlus(r []rune) bool {
	for _, c := range r {
		if !isHan(c) && c != '+' && c != '＋' {
			return false
		}
	}
	return len(r) > 0
}
