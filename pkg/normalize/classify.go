package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The boilerplate pass. Clean first makes the view text: the document cleaned by the other
// steps (every pinyin annotation removed), line for line. The classifier reads the lines of
// the view and plans, for each, to keep it, remove it with its line end, or cut a credit off
// its end; it also finds the report's metadata lines. Clean then cleans the original with
// the plan. The classifier repeats its rules on the lines it kept until they remove nothing
// more, so that cleaning the result again changes nothing.

// lineRec is one line of the view text and its plan.
type lineRec struct {
	vs, ve int // content in the view text, without the line end
	cut    int // act == actCut: view offset where the removed end of the line starts
	act    uint8
	reason reasonIndex
	// grammar results of the current round
	accepted, signal bool
	weak             uint8
	reasonTry        reasonIndex
	// cache of the current content (up to a cut): trimmed offsets in the view, and shape
	shaped bool
	ts, te int
	sh     lineShape
}

const (
	actKeep = iota
	actRemove
	actCut
)

// Limits of boilerplate lines.
const (
	maxChromeRunes    = 60  // a longer line is never removed whole (except a portal footer)
	maxFooterRunes    = 150 // a line with a footer marker (ICP备, 版权所有 …)
	maxValueRunes     = 40  // the value of a label (来源：…)
	maxNavValueRunes  = 60  // the title after 上一篇：
	maxCrumbItemRunes = 20  // one item of a breadcrumb
	maxMenuItemRunes  = 6   // a menu item of a site's own among known ones (走进某省)
	maxChunks         = 48
	maxHeadLines      = 40 // the head of a document: where its title and speaker are
	// maxRounds bounds the rounds of rules: each removes a line or cuts one shorter, and real
	// documents need two or three.
	maxRounds = 16
)

type classifier struct {
	v     string // view text
	lines []lineRec
	kept  []int // indexes of the lines kept so far, in order
	rep   *Repeated
	vt    *vocabTable

	meta  []metaSpan // view offsets
	fps   []uint64   // fingerprints of lines a corpus pass may count (LineCounts)
	frame []bool     // frames' result, reused

	chunks [maxChunks]chunk
}

// metaSpan is a metadata span in view offsets.
type metaSpan struct {
	kind   MetaKind
	vs, ve int
}

// classify plans every line.
func (c *classifier) classify() {
	c.vt = vocab()
	c.kept = make([]int, 0, len(c.lines))
	for i := range c.lines {
		c.kept = append(c.kept, i)
	}
	for round := 0; round < maxRounds; round++ {
		changed := c.chromeRuns()
		changed = c.relatedTail() || changed
		changed = c.credits() || changed
		if c.rep != nil {
			changed = c.repeated() || changed
		}
		if !changed {
			break
		}
		k := c.kept[:0]
		for _, i := range c.kept {
			if c.lines[i].act != actRemove {
				k = append(k, i)
			}
		}
		c.kept = k
	}
	c.findMeta()
	c.countable()
}

// remove plans line i to go, with its line end.
func (c *classifier) remove(i int, r reasonIndex) bool {
	l := &c.lines[i]
	if l.act == actRemove {
		return false
	}
	l.act, l.reason = actRemove, r
	return true
}

// content returns the line's content in the view, up to a planned cut.
func (c *classifier) content(i int) string {
	l := &c.lines[i]
	if l.act == actCut {
		return c.v[l.vs:l.cut]
	}
	return c.v[l.vs:l.ve]
}

// tline returns the line's content without the white space around it, and its shape
// (computed once, and again after a cut).
func (c *classifier) tline(i int) (string, lineShape) {
	l := &c.lines[i]
	if !l.shaped {
		content := c.content(i)
		a, b := trimLine(content)
		l.ts, l.te = l.vs+a, l.vs+b
		l.sh = shapeOf(content[a:b])
		l.shaped = true
	}
	return c.v[l.ts:l.te], l.sh
}

// isCandidate reports whether a line could be boilerplate as a whole: short, and no sentence
// of body text.
func isCandidate(t string, sh lineShape) bool {
	if sh.runes == 0 || sh.sentence {
		return false
	}
	if sh.runes <= maxChromeRunes {
		return true
	}
	return sh.runes <= maxFooterRunes && footerMarker(t)
}

// --- chrome runs: the grammar of web-page bars ---

// gstate is what a boilerplate line leaves for the next one.
type gstate struct {
	size, share bool        // size or share items may follow
	pending     reasonIndex // a label without its value ended the line: the value may follow
	pendingNav  bool        // ... the title of 上一篇：
	crumb       uint8       // 1: in a breadcrumb; 2: just after its > (an item may follow)
	bracket     int         // open 【 without its 】
}

// chromeRuns runs the grammar over the kept lines. A line is accepted when every chunk of it
// is a boilerplate word, a label with its value, or an item of a widget opened before (on
// this line or the lines just before it). A run of consecutive accepted lines is removed when
// it holds a signal: an action, a strong label, a breadcrumb, or two weak labels.
func (c *classifier) chromeRuns() bool {
	var st gstate
	frames := c.frames()
	for k, i := range c.kept {
		l := &c.lines[i]
		l.accepted, l.signal, l.weak, l.reasonTry = false, false, 0, rNone
		t, sh := c.tline(i)
		if t == "" {
			continue // transparent
		}
		if !isCandidate(t, sh) {
			st = gstate{}
			continue
		}
		ok, next := c.grammar(l, t, sh, st, frames[k])
		if !ok {
			st = gstate{}
			continue
		}
		l.accepted = true
		st = next
	}
	changed := false
	// Runs of accepted lines (blank lines inside are transparent and stay).
	for k := 0; k < len(c.kept); {
		i := c.kept[k]
		if !c.lines[i].accepted {
			k++
			continue
		}
		end := k
		signal, weak := false, 0
		for end < len(c.kept) {
			j := c.kept[end]
			lj := &c.lines[j]
			if !lj.accepted {
				if t, _ := c.tline(j); t == "" {
					end++
					continue
				}
				break
			}
			signal = signal || lj.signal
			weak += int(lj.weak)
			end++
		}
		if signal || weak >= 2 {
			// Lines without a reason of their own take the one before them (or after).
			last := rNone
			for m := k; m < end; m++ {
				j := c.kept[m]
				if c.lines[j].accepted && c.lines[j].reasonTry != rNone {
					last = c.lines[j].reasonTry
					break
				}
			}
			for m := k; m < end; m++ {
				j := c.kept[m]
				lj := &c.lines[j]
				if !lj.accepted {
					continue
				}
				if lj.reasonTry != rNone {
					last = lj.reasonTry
				}
				changed = c.remove(j, last) || changed
			}
		}
		k = end
	}
	return changed
}

// chunk is a piece of a line between separators.
type chunk struct {
	s, e        int  // offsets in the line
	colon       bool // a colon follows in the separator run after it
	arrowBefore bool // the separator run before it holds a > (a breadcrumb)
	arrowAfter  bool
}

func isSep(r rune) bool {
	switch r {
	case ' ', '\t', '\v', '\f', '|', '｜', '丨', '/', '／', '\\', ':', '：',
		'【', '】', '[', ']', '(', ')', '（', '）', '〖', '〗', '〔', '〕', '〈', '〉', '<', '>',
		'《', '》', '«', '»', '‹', '›', '→', '＞', '＜', '·', '•', '・', '、', '=':
		return true
	}
	return r > 0x7F && (isOddSpace(r) || isInvisible(r))
}

func isArrow(r rune) bool {
	switch r {
	case '>', '»', '›', '→', '＞':
		return true
	}
	return false
}

// split cuts t into chunks; it reports the number of chunks, whether the separators held an
// arrow, the net number of 【 opened, and false when there are too many chunks.
func (c *classifier) split(t string) (n int, arrow bool, open int, ok bool) {
	in := false
	arrowRun := false
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if r == ':' && in && t[i-1] >= '0' && t[i-1] <= '9' && i+1 < len(t) && t[i+1] >= '0' && t[i+1] <= '9' {
			i += size // 10:30 is a time, not a label
			continue
		}
		if isSep(r) {
			if in {
				c.chunks[n-1].e = i
				in = false
			}
			switch {
			case isArrow(r):
				arrow, arrowRun = true, true
				if n > 0 {
					c.chunks[n-1].arrowAfter = true
				}
			case r == ':' || r == '：':
				if n > 0 {
					c.chunks[n-1].colon = true
				}
			case r == '【' || r == '[' || r == '〖':
				open++
			case r == '】' || r == ']' || r == '〗':
				open--
			}
			i += size
			continue
		}
		if !in {
			if n == maxChunks {
				return n, arrow, open, false
			}
			c.chunks[n] = chunk{s: i, arrowBefore: arrowRun}
			n++
			in = true
			arrowRun = false
		}
		i += size
	}
	if in {
		c.chunks[n-1].e = len(t)
	}
	return n, arrow, open, true
}

// grammar decides one candidate line given the state the lines before it left.
func (c *classifier) grammar(l *lineRec, t string, sh lineShape, st gstate, frame bool) (bool, gstate) {
	// Whole-line phrases first, unless the line may be the value of a label that ended the
	// line before (来源： / 宁夏日报客户端).
	if st.pending == rNone {
		if r, ok := linePhrase(t, sh, frame); ok {
			l.signal, l.reasonTry = true, r
			return true, gstate{}
		}
	}
	if isNumberedHeading(t) {
		return false, st // 四、相关附件 is a heading of the body
	}
	t = joinSpacedLabels(t, c.vt)
	n, arrow, open, ok := c.split(t)
	if !ok {
		return false, st
	}
	next := gstate{bracket: max(0, st.bracket+open)}
	if n == 0 {
		// Only separators: 】 【 > |. Part of a run, never a signal.
		if arrow && st.crumb > 0 {
			next.crumb = 2
		} else {
			next.crumb = st.crumb
		}
		next.size, next.share = st.size && next.bracket > 0, st.share
		next.pending, next.pendingNav = st.pending, st.pendingNav
		return true, next
	}
	vt := c.vt
	size, share := st.size, st.share
	crumb := st.crumb
	inValue := st.pending != rNone
	navValue := st.pendingNav
	valueRunes := 0
	menus, actions, dates, unknown := 0, 0, 0, 0
	lastWasLabel := false
	setReason := func(r reasonIndex) {
		if l.reasonTry == rNone {
			l.reasonTry = r
		}
	}
	for k := 0; k < n; k++ {
		ch := c.chunks[k]
		w := t[ch.s:ch.e]
		e, known := vt.lookup(w)
		lastWasLabel = false
		switch {
		case known && e.class == wSizeTrigger:
			l.signal, size, inValue, crumb = true, true, false, 0
			actions++
			setReason(e.reason)
		case known && e.class == wShareTrigger:
			l.signal, share, inValue, crumb = true, true, false, 0
			actions++
			setReason(e.reason)
		case known && e.class == wCrumbLabel && ch.colon:
			l.signal, crumb, inValue = true, 1, false
			setReason(e.reason)
		case known && e.class.takesValue() && ch.colon:
			switch e.class {
			case wStrong, wNav, wRelated:
				l.signal = true
			case wWeak:
				l.weak++
			}
			setReason(e.reason)
			// the values of 上一篇：, 相关链接： are the titles of links
			inValue, navValue, valueRunes = true, e.class == wNav || e.class == wRelated, 0
			lastWasLabel = true
			crumb = 0
		case known && (e.class == wAction || e.class == wNav || e.class == wRelated):
			l.signal, inValue = true, false
			actions++
			setReason(e.reason)
		case known && e.class == wHome:
			l.signal, inValue = true, false
			actions++
			crumb = 1
			setReason(e.reason)
		case known && e.class == wSize && size, known && e.class == wShare && share:
			inValue = false
		case crumb > 0 && isDashes(w):
			crumb = 2 // 首页 - 新闻中心 - 要闻
		case crumb > 0 && (ch.arrowBefore || crumb == 2 || k > 0 && c.chunks[k-1].arrowAfter):
			// An item of a breadcrumb.
			if utf8.RuneCountInString(w) > maxCrumbItemRunes {
				return false, st
			}
			crumb = 1
			inValue = false
			setReason(rBreadcrumb)
		case known && e.class == wMenu:
			menus++
			inValue = false
			setReason(e.reason)
		case known && (e.class == wStrong || e.class == wWeak || e.class == wContact) && k+1 < n && isDigits(t[c.chunks[k+1].s:c.chunks[k+1].e]):
			// 阅读 1234: a label and its number without a colon.
			if e.class == wStrong {
				l.signal = true
			}
			setReason(e.reason)
			inValue, navValue, valueRunes = true, false, 0
		case known && (e.class == wStrong || e.class == wWeak || e.class == wContact):
			menus++ // 邮箱, 留言: a link on a menu line
			inValue = false
		case !inValue && isDateLike(w):
			// 2024-01-05 10:30 before 来源：… carries no signal of its own.
			dates++
		case counterChunk(w):
			l.signal = true
			setReason(rCounter)
			inValue = false
		case inValue:
			if k == 0 && st.pending != rNone {
				setReason(st.pending)
			}
			limit := maxValueRunes
			if navValue {
				limit = maxNavValueRunes
			}
			digits := true
			grouped := isGroupedNumber(w) // 8,231: a count, not a clause
			for _, r := range w {
				if (r == '，' || r == ',') && !grouped {
					if !navValue {
						return false, st
					}
				}
				digits = digits && (r >= '0' && r <= '9' || r == '-' || r == '.' || r == '年' || r == '月' || r == '日')
				valueRunes++
			}
			if ch.colon && !digits {
				return false, st // an unknown label (地点：…): a field we do not know
			}
			if valueRunes > limit {
				return false, st
			}
		default:
			if words, ok := c.glued(w, size, share); ok {
				l.signal = true
				actions += words
				if l.reasonTry == rNone {
					l.reasonTry = rToolbar
				}
				inValue = false
				continue
			}
			if st.pending != rNone {
				if r, ok := linePhrase(t, sh, frame); ok {
					l.signal, l.reasonTry = true, r
					return true, gstate{}
				}
			}
			if unknown == 0 && utf8.RuneCountInString(w) <= maxMenuItemRunes {
				// a site's own menu item (走进XX) among menu words: decided
				// at the end of the line
				unknown++
				inValue = false
				continue
			}
			return false, st
		}
		if ch.arrowAfter && crumb == 0 && k == n-1 {
			crumb = 2
		}
	}
	if dates == n {
		return false, st // a date alone (2024年3月18日 under a notice) is the document's own
	}
	if unknown > 0 && (menus < 3 || arrow) {
		return false, st // one item we do not know is allowed in a menu of three known ones only
	}
	if menus > 0 && menus+actions < 2 && crumb == 0 {
		return false, st // one menu word alone (政策解读) may be a heading
	}
	if menus >= 2 || menus > 0 && actions > 0 {
		l.signal = true
		if menus >= 2 && !arrow {
			l.reasonTry = rHeader // a menu, not a breadcrumb
		}
	}
	if arrow && crumb > 0 && c.chunks[n-1].arrowAfter {
		crumb = 2
	}
	next.size = size && (next.bracket > 0 || open == 0 && c.lastIsItem(t, n))
	next.share = share
	next.crumb = crumb
	if lastWasLabel {
		next.pending = l.reasonTry
		next.pendingNav = navValue
		if next.pending == rNone {
			next.pending = rPageInfo
		}
	}
	return true, next
}

// isGroupedNumber reports whether w is a number written with thousands
// separators (8,231, 1,234,567).
func isGroupedNumber(w string) bool {
	groups := strings.Split(strings.ReplaceAll(w, "，", ","), ",")
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for i, g := range groups {
		if i > 0 && len(g) != 3 || !isDigits(g) {
			return false
		}
	}
	return true
}

// joinSpacedLabels writes a label spaced out to the width of a table's
// column (索 引 号：, 标　　题：, as the tables of 政府信息公开 pages set
// them) as the word it is, so that it reads as the label: one Han
// character, spaces, one Han character … up to a colon, whose letters
// make a word of the vocabulary. Anything else is left as it is.
func joinSpacedLabels(t string, vt *vocabTable) string {
	if !strings.ContainsAny(t, ":：") {
		return t
	}
	var b strings.Builder // the line rewritten, once a spaced label is found
	done := 0             // t[:done] is in b
	for i := 0; i < len(t); {
		if j, word, ok := spacedLabelAt(t, i); ok {
			if e, known := vt.lookup(word); known && e.class.takesValue() {
				b.WriteString(t[done:i])
				b.WriteString(word)
				done, i = j, j
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(t[i:])
		i += size
	}
	if done == 0 {
		return t
	}
	b.WriteString(t[done:])
	return b.String()
}

// spacedLabelAt reads, from byte i of t, Han characters each followed by
// one or more spaces (ASCII or ideographic), then a last Han character
// and a colon (after optional spaces): the letters, where the label ends
// (at the colon), and whether there were at least two of them (a space
// between each two). The label must begin the line or follow a space.
func spacedLabelAt(t string, i int) (int, string, bool) {
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(t[:i]); r != ' ' && r != '\u3000' && r != '\t' {
			return 0, "", false
		}
	}
	var letters [7]rune
	n := 0
	for j := i; j < len(t) && n < len(letters); {
		r, size := utf8.DecodeRuneInString(t[j:])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		letters[n] = r
		n++
		j += size
		k := j
		for k < len(t) {
			r2, s2 := utf8.DecodeRuneInString(t[k:])
			if r2 != ' ' && r2 != '\u3000' {
				break
			}
			k += s2
		}
		if k < len(t) && (t[k] == ':' || strings.HasPrefix(t[k:], "：")) {
			if n >= 2 {
				return k, string(letters[:n]), true
			}
			return 0, "", false
		}
		if k == j {
			return 0, "", false // two letters together: a word, not a spaced label
		}
		j = k
	}
	return 0, "", false
}

// lastIsItem reports whether the line ends inside a widget (its last chunk ends the line).
func (c *classifier) lastIsItem(t string, n int) bool {
	return n > 0 && c.chunks[n-1].e == len(t)
}

// glued splits a chunk into boilerplate words written together (下载打印全屏收藏, 加大还原减小),
// each an action, or a size or share item where those may follow. It reports the number of
// words.
func (c *classifier) glued(w string, size, share bool) (int, bool) {
	var rs [maxValueRunes]rune
	n := 0
	for _, r := range w {
		if n == len(rs) {
			return 0, false
		}
		rs[n] = r
		n++
	}
	if n < 2 {
		return 0, false
	}
	// best[i]: fewest words covering rs[:i], -1 if none.
	var best [maxValueRunes + 1]int8
	for i := 1; i <= n; i++ {
		best[i] = -1
	}
	maxW := c.vt.maxWordRunes
	var buf [4 * maxValueRunes]byte
	for i := 0; i < n; i++ {
		if best[i] < 0 {
			continue
		}
		b := buf[:0]
		for j := i; j < n && j-i < maxW; j++ {
			b = utf8.AppendRune(b, rs[j])
			e, ok := c.vt.lookup(string(b))
			if !ok {
				continue
			}
			good := e.class == wAction || e.class == wHome || e.class == wSizeTrigger || e.class == wShareTrigger ||
				e.class == wNav || e.class == wRelated ||
				e.class == wSize && (size || hasSizeTriggerBefore(rs[:i])) || e.class == wShare && share
			if good && (best[j+1] < 0 || best[i]+1 < best[j+1]) {
				best[j+1] = best[i] + 1
			}
		}
	}
	if best[n] < 2 {
		return 0, false
	}
	return int(best[n]), true
}

func hasSizeTriggerBefore(rs []rune) bool {
	s := string(rs)
	return containsAny(s, "字号", "字体")
}

// isDashes reports whether w is only dashes (a breadcrumb's separator in 首页 - 要闻).
func isDashes(w string) bool {
	for _, r := range w {
		if r != '-' && r != '—' && r != '－' && r != '–' {
			return false
		}
	}
	return w != ""
}

func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// counterChunk recognises a view counter written as one word: 1234次浏览, 阅读1234次, 浏览：.
func counterChunk(w string) bool {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	digitsFirst := i > 0
	rest := w[i:]
	if digitsFirst {
		return rest == "次浏览" || rest == "次阅读" || rest == "人浏览" || rest == "人阅读" || rest == "次点击" || rest == "人次"
	}
	for _, p := range []string{"浏览", "阅读", "点击"} {
		if len(w) > len(p) && w[:len(p)] == p {
			r := w[len(p):]
			r = trimSuffix(r, "次")
			return isDigits(r)
		}
	}
	return false
}

func trimSuffix(s, x string) string {
	if len(s) >= len(x) && s[len(s)-len(x):] == x {
		return s[:len(s)-len(x)]
	}
	return s
}

// linePhrase recognises whole lines by a phrase: QR-code captions, portal footers, the
// site's name (above the first or below the last sentence of body text only: a list of
// apps in a notice names apps too).
func linePhrase(t string, sh lineShape, frame bool) (reasonIndex, bool) {
	if sh.sentence {
		return rNone, false
	}
	if footerMarker(t) && sh.runes <= maxFooterRunes {
		return rFooter, true
	}
	if sh.runes <= 30 && containsAny(t, "二维码", "扫一扫", "扫码") &&
		containsAny(t, "手机", "微信", "打开", "阅读", "分享", "关注", "浏览", "当前页", "本页", "移动端",
			"下载", "客户端", "公众号", "查看", "访问") {
		return rQRCode, true
	}
	if frame && sh.runes <= 24 && !sh.comma && siteName(t) {
		return rHeader, true
	}
	if frame && sh.runes <= 30 && hasPrefixAny(t, "欢迎访问", "欢迎您访问", "欢迎来到") {
		return rHeader, true
	}
	return rNone, false
}

// footerMarker reports whether t holds a mark only portal footers carry, with its value: a
// registration number (京ICP备05070218号, 网站标识码bm01000001), or a copyright notice with
// its holder. A form that only names the fields (ICP备案号) is not a footer.
func footerMarker(t string) bool {
	if containsAny(t, "ICP备", "ICP证", "公网安备", "网站标识码", "网站识别码") && hasDigits(t, 4) {
		return true
	}
	if containsAny(t, "版权所有", "Copyright", "COPYRIGHT", "©", "All Rights Reserved", "All rights reserved") &&
		utf8.RuneCountInString(t) >= 8 {
		return true
	}
	if hasPrefixAny(t, "本网站由", "本站由", "本网由") && containsAny(t, "主办", "承办") {
		return true // 本网站由某省人民政府办公厅主办
	}
	return containsAny(t, "分辨率") && containsAny(t, "浏览器", "建议", "最佳")
}

// hasDigits reports whether t holds a run of at least n ASCII digits.
func hasDigits(t string, n int) bool {
	run := 0
	for i := 0; i < len(t); i++ {
		if t[i] >= '0' && t[i] <= '9' {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// siteName reports whether t is the name of a site or app on a line of its own
// (上海市人民政府门户网站, 宁夏日报客户端).
func siteName(t string) bool {
	for _, r := range t {
		if isSep(r) && r != ' ' || r == '_' || r == '－' || r == '—' {
			return false // a page title with the site's name after it: see siteSuffix
		}
	}
	return hasSuffixAny(t, "门户网站", "政府网站", "门户网", "政府网", "官方网站", "官网", "网站", "客户端",
		"APP", "App", "app", "公众号", "微信公众号", "新闻网")
}

// --- the list after 相关报道 ---

// relatedTail removes the lines after a removed related-reports header when every kept line
// from it to the end of the document could be a link title.
func (c *classifier) relatedTail() bool {
	changed := false
	for k, i := range c.kept {
		l := &c.lines[i]
		if l.act != actRemove || l.reason != rRelated {
			continue
		}
		all := true
		for _, j := range c.kept[k+1:] {
			t, sh := c.tline(j)
			if t == "" || c.lines[j].act == actRemove {
				continue
			}
			if !isCandidate(t, sh) || isNumberedHeading(t) {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		for _, j := range c.kept[k+1:] {
			if t, _ := c.tline(j); t != "" {
				changed = c.remove(j, rRelated) || changed
			}
		}
		break
	}
	return changed
}

// --- credits at the end of a line ---

// credits cuts photo, editor and source credits off the end of kept lines, or removes a line
// that is only a credit.
func (c *classifier) credits() bool {
	changed := false
	frames := c.frames()
	for k, i := range c.kept {
		l := &c.lines[i]
		if l.act == actRemove {
			continue
		}
		line := c.content(i) // up to a cut made in an earlier round
		start, r, ok := creditTail(line)
		if !ok && frames[k] {
			// The page title with the site's name: 2026年政府工作报告_上海市人民政府门户网站
			start, ok = siteSuffix(line)
			r = rHeader
		}
		if !ok {
			continue
		}
		if trimmed(line[:start]) == "" {
			changed = c.remove(i, r) || changed
			continue
		}
		if l.act == actCut && l.reason == rPhoto {
			r = rPhoto // a caption keeps its photo credit's reason (and its caption mark)
		}
		l.act, l.cut, l.reason = actCut, l.vs+start, r
		l.shaped = false
		changed = true
	}
	return changed
}

// siteSuffix finds the name of a site after the title of a page: 标题_上海市人民政府门户网站,
// 标题 - 中国政府网, 标题|人民网. It returns where the separator (and the spaces before it)
// start.
func siteSuffix(line string) (int, bool) {
	_, end := trimLine(line)
	t := line[:end]
	for i := len(t); i > 0; {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		i -= n
		sep := r == '_' || r == '|' || r == '｜' || r == '－'
		if !sep && (r == '-' || r == '—' || r == '–') && i > 0 {
			p, _ := utf8.DecodeLastRuneInString(t[:i])
			sep = p == ' '
		}
		if !sep {
			continue
		}
		name := trimmed(t[i+n:])
		head := trimmed(t[:i])
		if head == "" || name == "" || utf8.RuneCountInString(name) > 20 || shapeOf(name).sentence {
			return 0, false
		}
		if hasSuffixAny(name, "网站", "门户", "政府网", "人民政府", "网", "频道", "平台", "客户端", "官网", "日报", "政务网") {
			return spaceBefore(t, i), true
		}
		return 0, false
	}
	return 0, false
}

// --- lines repeated across the documents of a corpus ---

// repeated removes kept lines found in many documents of the corpus (Options.Repeated),
// when they have the shape of page chrome and sit above the first or below the last
// sentence of body text.
func (c *classifier) repeated() bool {
	frames := c.frames()
	changed := false
	for k, i := range c.kept {
		if !frames[k] {
			continue
		}
		if c.lines[i].act != actKeep {
			continue
		}
		t, sh := c.tline(i)
		if !chromeShaped(t, sh) || isMetaLine(t, sh) {
			continue
		}
		if c.rep.has(fingerprint(t)) {
			changed = c.remove(i, rRepeated) || changed
		}
	}
	return changed
}

// frames reports, for each kept line, whether it stands in the page's frame rather than
// among the document's own lines: above the first or below the last line of body text (a
// sentence, or a long line), or in a block of lines without body text that holds other
// chrome (a rule removed one of its lines, or two of them are lines the corpus repeats).
// The decision looks no further than the block around the line, so that a document reads
// the same alone and inside a bigger input.
func (c *classifier) frames() []bool {
	if cap(c.frame) < len(c.kept) {
		c.frame = make([]bool, len(c.kept))
	}
	f := c.frame[:len(c.kept)]
	isBody := func(i int) bool {
		t, sh := c.tline(i)
		return t != "" && (sh.runes > maxChromeRunes || sh.sentence && sh.runes > 15)
	}
	for k := 0; k < len(c.kept); {
		if isBody(c.kept[k]) {
			f[k] = false
			k++
			continue
		}
		end := k
		chrome, rep := false, 0
		for end < len(c.kept) && !isBody(c.kept[end]) {
			i := c.kept[end]
			chrome = chrome || c.lines[i].act == actRemove
			if c.rep != nil {
				if t, sh := c.tline(i); chromeShaped(t, sh) && c.rep.has(fingerprint(t)) {
					rep++
				}
			}
			end++
		}
		in := k == 0 || end == len(c.kept) || chrome || rep >= 2
		for m := k; m < end; m++ {
			f[m] = in
		}
		k = end
	}
	return f
}

// chromeShaped reports whether a line may be counted as a corpus-level boilerplate
// candidate: short, no sentence, and none of the lines a document repeats on purpose
// (headings, dates, the issuing body, 附件, 抄送, the salutation).
func chromeShaped(t string, sh lineShape) bool {
	if t == "" {
		return false
	}
	if sh.sentence || sh.runes > maxChromeRunes || sh.runes < 2 {
		return false
	}
	if isNumberedHeading(t) || isDateLike(t) {
		return false
	}
	if hasSuffixAny(t, "：", ":") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	if first == '（' || first == '(' || first == '〔' || first == '[' {
		return false
	}
	if containsAny(t, "抄送", "印发", "附件", "附表", "联系人", "联系电话", "各位", "同志们", "此件", "特此") {
		return false
	}
	switch t {
	case "目录", "目 录", "前言", "前 言", "序言", "引言", "摘要", "总则", "附则", "正文", "结束语", "后记", "说明", "注释":
		return false
	}
	if hasSuffixAny(t, "政府", "委员会", "办公厅", "办公室", "厅", "局", "委", "院", "部", "署", "中心", "公司",
		"集团", "大学", "学院", "协会", "学会", "研究所", "党组", "常委会", "人大", "政协") {
		return false // the issuing body at the foot of a notice
	}
	for _, r := range t {
		if isHan(r) || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false // numbers and punctuation: page numbers, table rows
}

// countable collects the fingerprints of the lines a corpus pass counts: every line of
// chrome shape, kept or removed by a rule (a footer the rules catch on most pages, after a
// related-reports list, is still repeated on the others).
func (c *classifier) countable() {
	for i := range c.lines {
		t, sh := c.tline(i)
		if chromeShaped(t, sh) && !isMetaLine(t, sh) {
			c.fps = append(c.fps, fingerprint(t))
		}
	}
}

// fingerprint is FNV-1a (64 bits) of a trimmed line: fixed, so that counts made by different
// processes add up.
func fingerprint(t string) uint64 {
	h := uint64(0xcbf29ce484222325)
	for i := 0; i < len(t); i++ {
		h ^= uint64(t[i])
		h *= 0x100000001b3
	}
	return h
}
