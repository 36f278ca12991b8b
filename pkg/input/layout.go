package input

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rebuilding lines and paragraphs from positioned glyphs, for the
// fixed-layout formats (PDF, OFD).

// glyph is one character (or ligature) placed on a page. Coordinates are
// in points or millimetres, any unit, with y growing downwards; x, y is the
// start of the glyph on its baseline, adv its advance along the baseline.
type glyph struct {
	text      string
	x, y      float64
	adv       float64
	size      float64
	dx, dy    float64 // the unit vector of the baseline (1, 0 for ordinary text)
	estimated bool    // adv is a guess
	run       int     // the text run the glyph came from (an OFD TextCode), 0 if unknown
}

// textLine is one line of text rebuilt on a page.
type textLine struct {
	text   string
	x0, x1 float64 // extent along the line's direction
	y      float64 // baseline across it
	size   float64
	dir    int    // the baseline's angle in steps of 5°: 0 horizontal, 18 down (rotated 90°), 54 up
	runs   [2]int // the runs of its first and last glyph
}

// layoutPage groups a page's glyphs into lines, in reading order:
// horizontal text first (top to bottom), then each rotated direction.
// Glyphs are grouped by the angle of their baseline (in steps of 5°) and
// each group is laid out in a frame rotated to it. A rotated glyph left
// alone on its line (one character per object, rotated, but set across
// the page) is laid out with the horizontal text instead.
func layoutPage(gs []glyph) []textLine {
	groups := map[int][]glyph{}
	for _, g := range gs {
		if g.size <= 0 || math.IsNaN(g.x) || math.IsNaN(g.y) || math.IsInf(g.x, 0) || math.IsInf(g.y, 0) ||
			math.Abs(g.x) > 1e7 || math.Abs(g.y) > 1e7 || g.size > 1e5 || math.IsNaN(g.adv) || math.Abs(g.adv) > 1e7 {
			continue // absurd coordinates: a damaged or hostile file
		}
		k := angleKey(g.dx, g.dy)
		groups[k] = append(groups[k], g)
	}
	keys := make([]int, 0, len(groups))
	for k := range groups {
		if k != 0 {
			keys = append(keys, k)
		}
	}
	sort.Ints(keys)
	var rotated []textLine
	for _, k := range keys {
		ls, alone := linesOf(groups[k], k)
		rotated = append(rotated, ls...)
		groups[0] = append(groups[0], alone...)
	}
	lines, _ := linesOf(groups[0], 0)
	return append(lines, rotated...)
}

// angleKey is the angle of a baseline in steps of 5°, 0 to 71.
func angleKey(dx, dy float64) int {
	if dx == 0 && dy == 0 {
		return 0
	}
	a := math.Atan2(dy, dx) * 180 / math.Pi
	return ((int(math.Round(a/5)) % 72) + 72) % 72
}

// linesOf clusters glyphs of one direction (angle key k) into lines by
// baseline, and orders each line by position. For a rotated direction,
// glyphs alone on their line are returned apart, in page coordinates.
func linesOf(gs []glyph, k int) (lines []textLine, alone []glyph) {
	if len(gs) == 0 {
		return nil, nil
	}
	// Rotate so that the baseline runs along +x and lines follow down +y.
	ux, uy := 1.0, 0.0
	if k != 0 {
		a := float64(k) * 5 * math.Pi / 180
		ux, uy = math.Cos(a), math.Sin(a)
	}
	orig := make([]glyph, len(gs))
	copy(orig, gs)
	idx := make([]int, len(gs))
	for i := range gs {
		g := &gs[i]
		g.x, g.y = g.x*ux+g.y*uy, -g.x*uy+g.y*ux
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return gs[idx[a]].y < gs[idx[b]].y })
	start := 0
	for i := 1; i <= len(idx); i++ {
		if i < len(idx) {
			first, cur, prev := gs[idx[start]], gs[idx[i]], gs[idx[i-1]]
			tol := 0.45 * math.Max(first.size, cur.size)
			if cur.y-first.y <= tol || cur.y-prev.y <= 0.1*cur.size {
				continue
			}
		}
		if k != 0 && i-start == 1 {
			alone = append(alone, orig[idx[start]])
			start = i
			continue
		}
		line := make([]glyph, 0, i-start)
		for _, j := range idx[start:i] {
			line = append(line, gs[j])
		}
		if l, ok := buildLine(line, k); ok {
			lines = append(lines, l)
		}
		start = i
	}
	return lines, alone
}

// buildLine joins the glyphs of one line, putting spaces and tabs where
// the gaps between them are wide enough, and dropping glyphs drawn twice
// at the same place (fake bold).
func buildLine(gs []glyph, dir int) (textLine, bool) {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].x < gs[j].x })
	var b strings.Builder
	l := textLine{x0: gs[0].x, dir: dir}
	var sizes float64
	var n int
	prevEnd, prevSize := math.Inf(-1), 0.0
	var prev *glyph
	var last rune
	for i := range gs {
		g := &gs[i]
		if prev != nil && g.text == prev.text && math.Abs(g.x-prev.x) < 0.2*g.size && math.Abs(g.y-prev.y) < 0.2*g.size {
			continue // the same glyph drawn again, slightly offset
		}
		first, _ := utf8.DecodeRuneInString(g.text)
		if prev != nil && g.text != "" && !isSpaceText(g.text) && !isSpaceText(prev.text) {
			gap := g.x - prevEnd
			size := math.Max(prevSize, g.size)
			switch {
			case gap >= 3*size:
				b.WriteByte('\t')
			case isWideOrPunct(last) || isWideOrPunct(first):
				if gap >= 1.0*size {
					b.WriteByte(' ')
				}
			case gap >= 0.2*size && !(g.estimated || prev.estimated) || gap >= 0.45*size:
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.text)
		if g.text != "" {
			last, _ = utf8.DecodeLastRuneInString(g.text)
		}
		end := g.x + g.adv
		if end > prevEnd || prev == nil {
			prevEnd = end
		}
		prevSize = g.size
		prev = g
		if !isSpaceText(g.text) {
			sizes += g.size
			n++
			l.x1 = math.Max(l.x1, end)
		}
		l.y += g.y
	}
	l.y /= float64(len(gs))
	if n == 0 {
		return l, false
	}
	l.size = sizes / float64(n)
	l.runs = [2]int{gs[0].run, gs[len(gs)-1].run}
	for i := range gs {
		if !isSpaceText(gs[i].text) {
			l.x0 = gs[i].x
			break
		}
	}
	l.text = tidyLine(b.String())
	return l, l.text != ""
}

func isSpaceText(s string) bool {
	return strings.TrimSpace(strings.ReplaceAll(s, "\u3000", " ")) == ""
}

// isWideOrPunct: CJK characters and punctuation, between which a small
// gap is layout, not a word space.
func isWideOrPunct(r rune) bool {
	return isWide(r) || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·'
}

// tidyLine collapses spaces and removes the single spaces some producers
// put between Han characters and Latin letters or digits.
func tidyLine(s string) string {
	if !strings.ContainsAny(s, " \u00a0\u3000\t") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\u00a0' {
			r = ' '
		}
		if r == ' ' {
			j := i
			for j < len(rs) && (rs[j] == ' ' || rs[j] == '\u00a0') {
				j++
			}
			if b.Len() == 0 || j == len(rs) {
				i = j - 1
				continue // leading and trailing spaces
			}
			prev, next := lastRune(b.String()), rs[j]
			if next == '\t' || prev == '\t' {
				i = j - 1
				continue
			}
			if j-i == 1 && (isWideOrPunct(prev) && isLatinAlnum(next) || isLatinAlnum(prev) && isWideOrPunct(next) ||
				isWideOrPunct(prev) && isWideOrPunct(next) && (unicode.IsPunct(prev) || unicode.IsPunct(next))) {
				i = j - 1
				continue
			}
			b.WriteByte(' ')
			i = j - 1
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isLatinAlnum(r rune) bool {
	return r < 0x80 && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') || r == '%'
}

// pageLines is the lines of one page and the page's size along y (0 if unknown).
type pageLines struct {
	lines  []textLine
	height float64
}

// isPageNumber reports a line that is only a page number: "— 1 —", "-1-",
// "第1页", "第 1 页 共 4 页", "1 / 4", "Page 1 of 4", or a bare number.
func isPageNumber(s string) bool {
	t := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
	if t == "" {
		return false
	}
	digits := func(s string) (string, bool) {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return s[i:], i > 0 && i <= 5
	}
	trimDash := func(s string) (string, int) {
		n := 0
		for {
			r, size := utf8.DecodeRuneInString(s)
			if r == '-' || r == '—' || r == '–' || r == '－' || r == '~' || r == '·' || r == '―' || r == '‒' {
				s = s[size:]
				n++
				continue
			}
			return s, n
		}
	}
	if rest, n := trimDash(t); true {
		if rest2, ok := digits(rest); ok {
			if tail, m := trimDash(rest2); tail == "" && (n > 0 && m > 0 || n == 0 && m == 0) {
				return true
			}
		}
		_ = n
	}
	if rest, ok := strings.CutPrefix(t, "第"); ok {
		if rest, ok := digits(rest); ok {
			if rest == "页" {
				return true
			}
			rest = strings.TrimLeft(rest, ",，/")
			if r, ok := strings.CutPrefix(rest, "页共"); ok {
				if r, ok := digits(r); ok && r == "页" {
					return true
				}
			}
		}
	}
	if rest, ok := digits(t); ok {
		if r, ok := strings.CutPrefix(rest, "/"); ok {
			if r, ok := digits(r); ok && r == "" {
				return true
			}
		}
	}
	lower := strings.ToLower(t)
	if rest, ok := strings.CutPrefix(lower, "page"); ok {
		if rest, ok := digits(rest); ok && (rest == "" || strings.HasPrefix(rest, "of")) {
			if rest == "" {
				return true
			}
			if r, ok := digits(rest[2:]); ok && r == "" {
				return true
			}
		}
	}
	return false
}

// paragraphs rebuilds the text of a paginated document: page numbers at
// the top or bottom of a page dropped, and lines joined into paragraphs
// where the layout broke them (a full line followed by one that is not
// indented, on the same page or the next; centred title lines in a
// larger size).
func paragraphs(pages []pageLines) string {
	type para struct {
		line textLine
		page int
	}
	var all []para
	for p, pg := range pages {
		ls := pg.lines
		// Page numbers: the first or last horizontal line of a page.
		var h []int
		for i, l := range ls {
			if l.dir == 0 {
				h = append(h, i)
			}
		}
		drop := map[int]bool{}
		if len(h) > 0 {
			if isPageNumber(ls[h[len(h)-1]].text) {
				drop[h[len(h)-1]] = true
			}
			if isPageNumber(ls[h[0]].text) && len(h) > 1 {
				drop[h[0]] = true
			}
		}
		for i, l := range ls {
			if !drop[i] {
				all = append(all, para{l, p})
			}
		}
	}
	// Metrics of the document: the size most characters have, and for each
	// size the left and right edges of its lines (margins are the
	// document's: a page whose lines are all indented has the same left
	// edge as the others).
	type edges struct {
		left, right float64
		n           int
	}
	type metrics struct {
		body  float64
		sizes map[float64]*edges
	}
	bucket := func(s float64) float64 { return math.Round(s*2) / 2 }
	count := map[float64]int{}
	m := metrics{sizes: map[float64]*edges{}}
	for _, a := range all {
		if a.line.dir != 0 {
			continue
		}
		k := bucket(a.line.size)
		count[k] += utf8.RuneCountInString(a.line.text)
		e := m.sizes[k]
		if e == nil {
			e = &edges{left: math.Inf(1), right: math.Inf(-1)}
			m.sizes[k] = e
		}
		e.left, e.right, e.n = math.Min(e.left, a.line.x0), math.Max(e.right, a.line.x1), e.n+1
	}
	bestN := -1
	for s, n := range count {
		if n > bestN || n == bestN && s < m.body {
			m.body, bestN = s, n
		}
	}
	met := make([]metrics, len(pages))
	for p := range met {
		met[p] = m
	}
	// edgesOf returns the edges of the lines of l's size, or of the body
	// text when too few lines have that size.
	edgesOf := func(p int, l textLine) (float64, float64) {
		m := met[p]
		if e := m.sizes[bucket(l.size)]; e != nil && e.n >= 3 {
			return e.left, e.right
		}
		if e := m.sizes[m.body]; e != nil {
			return e.left, e.right
		}
		return math.Inf(1), math.Inf(-1)
	}
	var out lineSink
	var cur strings.Builder
	for i, a := range all {
		if i > 0 {
			prev := all[i-1]
			left, right := edgesOf(prev.page, prev.line)
			nextLeft, _ := edgesOf(a.page, a.line)
			if joins(prev.line, a.line, prev.page != a.page, met[prev.page].body, left, right, nextLeft) {
				if isLatinAlnum(lastRune(cur.String())) && isLatinAlnum(firstRune(a.line.text)) {
					cur.WriteByte(' ')
				}
				cur.WriteString(a.line.text)
				continue
			}
			out.add(cur.String())
			cur.Reset()
		}
		cur.WriteString(a.line.text)
	}
	if cur.Len() > 0 {
		out.add(cur.String())
	}
	return out.String()
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// joins decides whether line b continues the paragraph of line a: a is
// full (b's first word, with the punctuation that may not start a line,
// would not have fitted after it; the right edge is the longest line's,
// which may fall short of the measure by most of a character) and b is
// not indented; or both are centred title lines larger than the body
// text; or b continues a's text run.
func joins(a, b textLine, newPage bool, bodySize, left, right, nextLeft float64) bool {
	size := math.Max(a.size, b.size)
	if a.dir != b.dir || math.Abs(a.size-b.size) > 0.12*size {
		return false
	}
	// One text run wrapped over lines (an OFD TextCode with DeltaY), unless
	// the line ends a label.
	if !newPage && a.runs[1] != 0 && a.runs[1] == b.runs[0] {
		if r := lastRune(a.text); r != '：' && r != ':' {
			return true
		}
	}
	if a.dir != 0 || bodySize <= 0 {
		return false
	}
	if !newPage {
		if gap := b.y - a.y; gap <= 0.5*size || gap > 2.2*size {
			return false
		}
	}
	if !newPage && a.size >= 1.15*bodySize {
		ca, cb := (a.x0+a.x1)/2, (b.x0+b.x1)/2
		return math.Abs(ca-cb) <= size
	}
	full := a.x1+firstClusterWidth(b.text, b.size) > right-0.5*size
	notIndented := b.x0 <= nextLeft+0.8*size
	return full && notIndented && a.x0 <= left+2.5*size
}

// firstClusterWidth estimates the width of what cannot be separated at
// the start of a line: opening punctuation with what follows it, a
// number or Latin word (or one CJK character), and the closing
// punctuation after it.
func firstClusterWidth(s string, size float64) float64 {
	rs := []rune(s)
	width := func(r rune) float64 {
		if isWideOrPunct(r) || r >= 0x3000 {
			return size
		}
		return 0.55 * size
	}
	w, i := 0.0, 0
	for i < len(rs) && isOpeningPunct(rs[i]) {
		w += width(rs[i])
		i++
	}
	if i < len(rs) {
		if isLatinAlnum(rs[i]) {
			for i < len(rs) && (isLatinAlnum(rs[i]) || (rs[i] == '.' || rs[i] == ',') && i+1 < len(rs) && isLatinAlnum(rs[i+1])) {
				w += 0.55 * size
				i++
			}
		} else {
			w += width(rs[i])
			i++
		}
	}
	for i < len(rs) && isClosingPunct(rs[i]) {
		w += width(rs[i])
		i++
	}
	return w
}

// isOpeningPunct: punctuation that may not end a line.
func isOpeningPunct(r rune) bool {
	return strings.ContainsRune("“‘（《〈「『【〔〖([{", r)
}

// isClosingPunct: punctuation that may not begin a line.
func isClosingPunct(r rune) bool {
	return strings.ContainsRune("，。、；：？！）》」』】〕”’…·%,.;:?!)]}", r)
}
