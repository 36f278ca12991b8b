package normalize

import (
	"unicode/utf8"
)

// Credits at the end of a line: a photo credit after a caption (…作政府工作报告。本报记者 戴冰摄),
// an editor or source credit after the last sentence of a news item (…。（责任编辑：张三）).

// creditRoles are the words before a photographer's name.
var creditRoles = []string{"摄影记者", "特约记者", "见习记者", "通讯员", "记者", "摄影", "新华社发", "中新社发"}

// creditTail reports where a credit at the end of line starts (white space before it
// included) and why it goes. The line's text before that offset stays.
func creditTail(line string) (int, reasonIndex, bool) {
	_, end := trimLine(line)
	t := line[:end]
	if t == "" {
		return 0, rNone, false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	switch last {
	case '）', ')':
		open := lastOpenParen(t)
		if open < 0 || !boundaryBefore(t, open) {
			return 0, rNone, false
		}
		_, n := utf8.DecodeRuneInString(t[open:])
		inner := trimmed(t[open+n : end-utf8.RuneLen(last)])
		if r, ok := creditBody(inner); ok {
			return spaceBefore(t, open), r, true
		}
		return 0, rNone, false
	case '摄':
		if s, ok := photoCredit(t); ok {
			return spaceBefore(t, s), rPhoto, true
		}
	case '发':
		if s, ok := agencyRelease(t); ok {
			return spaceBefore(t, s), rPhoto, true
		}
	}
	// Editor and source credits after the last sentence: …。责任编辑：张三
	s := lastSentenceEnd(t)
	if s < 0 {
		return 0, rNone, false
	}
	_, n := utf8.DecodeRuneInString(t[s:])
	tail := trimmed(t[s+n:])
	if tail == "" {
		return 0, rNone, false
	}
	if r, ok := labelCredits(tail); ok {
		return spaceBefore(t, s+n+indexOf(t[s+n:], tail)), r, true
	}
	return 0, rNone, false
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// lastOpenParen returns the offset of the opening parenthesis that the final closing one of
// t matches, or -1.
func lastOpenParen(t string) int {
	depth := 0
	for i := len(t); i > 0; {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		i -= n
		switch r {
		case '）', ')':
			depth++
		case '（', '(':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// boundaryBefore reports whether a credit may start at offset s of t: at the start, after
// white space, or after the end of a sentence.
func boundaryBefore(t string, s int) bool {
	if s == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t[:s])
	return isLineSpace(r) || isSentenceEnd(r) || r == '”' || r == '）' || r == ')'
}

// spaceBefore moves s back over the white space before it.
func spaceBefore(t string, s int) int {
	for s > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:s])
		if !isLineSpace(r) {
			break
		}
		s -= n
	}
	return s
}

// lastSentenceEnd returns the offset of the last sentence punctuation of t, or -1.
func lastSentenceEnd(t string) int {
	for i := len(t); i > 0; {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		i -= n
		if isSentenceEnd(r) {
			return i
		}
	}
	return -1
}

// creditBody recognises what a parenthesis at the end of a line may hold as a credit:
// 记者 张三 摄, 新华社发, 责任编辑：李四, 来源：人民日报, 图片来源：…
func creditBody(s string) (reasonIndex, bool) {
	if s == "" {
		return rNone, false
	}
	if hasSuffixAny(s, "摄") {
		if st, ok := photoCredit(s); ok && trimmed(s[:st]) == "" {
			return rPhoto, true
		}
	}
	if hasSuffixAny(s, "发") {
		if st, ok := agencyRelease(s); ok && trimmed(s[:st]) == "" {
			return rPhoto, true
		}
	}
	if hasSuffixAny(s, "供图") && utf8.RuneCountInString(s) <= 16 && noPunct(s) {
		return rPhoto, true
	}
	if r, ok := labelCredits(s); ok {
		return r, true
	}
	// 记者 张三 李四 (a news lead's reporters)
	for _, role := range creditRoles {
		if hasPrefixAny(s, role) {
			if names(trimmed(s[len(role):])) {
				return rEditor, true
			}
		}
	}
	return rNone, false
}

func noPunct(s string) bool {
	for _, r := range s {
		if isSentenceEnd(r) || r == '，' || r == ',' {
			return false
		}
	}
	return true
}

// labelCredits recognises a sequence of credit labels with their values:
// 责任编辑：张三, 编辑：王五 审核：赵六, 来源：新华社, 图片来源：视觉中国.
func labelCredits(s string) (reasonIndex, bool) {
	vt := vocab()
	first := rNone
	labels := 0
	for i := 0; i < len(s); {
		// A label: up to the colon.
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if r == '：' || r == ':' {
				break
			}
			j += n
		}
		if j >= len(s) {
			return rNone, false
		}
		label := trimmed(s[i:j])
		e, ok := vt.lookup(label)
		switch {
		case ok && e.class == wStrong && (e.reason == rEditor || e.reason == rSource):
		case ok && e.class == wWeak && e.reason == rEditor:
		case label == "图片来源" || label == "图片" || label == "图" || label == "文" || label == "文字":
			e.reason = rPhoto
		default:
			return rNone, false
		}
		if first == rNone {
			first = e.reason
		}
		labels++
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
		// The value: up to the next white space followed by another label, or the end.
		k := j
		for k < len(s) {
			r, n := utf8.DecodeRuneInString(s[k:])
			if isSentenceEnd(r) || r == '，' || r == ',' {
				return rNone, false
			}
			if isLineSpace(r) {
				rest := trimmed(s[k:])
				if rest != "" && hasLabelAhead(rest) {
					break
				}
			}
			k += n
		}
		v := trimmed(s[j:k])
		if v == "" || utf8.RuneCountInString(v) > 20 {
			return rNone, false
		}
		i = k
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isLineSpace(r) {
				break
			}
			i += n
		}
	}
	return first, labels > 0
}

// hasLabelAhead reports whether s starts with a word of at most six runes and a colon.
func hasLabelAhead(s string) bool {
	n := 0
	for _, r := range s {
		if r == '：' || r == ':' {
			return n > 0
		}
		if isLineSpace(r) || n == 6 {
			return false
		}
		n++
	}
	return false
}

// names reports whether s is one to four personal names (2–4 Han characters, or a
// transliterated name with ·), separated by white space, 、 or 和.
func names(s string) bool {
	count := 0
	for s != "" {
		i := 0
		han := 0
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if isHan(r) || r == '·' || r == '•' {
				if r != '·' && r != '•' {
					han++
				}
				i += n
				if han > 12 {
					return false
				}
				continue
			}
			break
		}
		if han < 2 || han > 4 && !containsAny(s[:i], "·", "•") {
			return false
		}
		count++
		if count > 4 {
			return false
		}
		s = s[i:]
		for s != "" {
			r, n := utf8.DecodeRuneInString(s)
			if !isLineSpace(r) && r != '、' && r != '和' && r != '/' {
				break
			}
			s = s[n:]
		}
		if s != "" {
			r, _ := utf8.DecodeRuneInString(s)
			if !isHan(r) {
				return false
			}
		}
	}
	return count > 0
}

// photoCredit finds a photographer's credit that ends t with 摄: [机构]记者 名字 摄, or, after
// white space that follows a sentence, 名字 摄. It returns where the credit starts.
func photoCredit(t string) (int, bool) {
	end := len(t) - len("摄")
	if end < 0 || t[end:] != "摄" {
		return 0, false
	}
	body := t[:end]
	// [机构]记者 名字: find the role word closest to the end.
	best := -1
	bestRole := ""
	for _, role := range creditRoles {
		for i := 0; i+len(role) <= len(body); i++ {
			if body[i:i+len(role)] == role && i > best {
				best, bestRole = i, role
			}
		}
	}
	if best >= 0 {
		who := trimmed(body[best+len(bestRole):])
		if who == "" || !names(who) {
			return 0, false
		}
		// The organisation before the role: back to a boundary, at most 20 runes, no
		// sentence punctuation.
		s := best
		runes := 0
		for s > 0 {
			r, n := utf8.DecodeLastRuneInString(t[:s])
			if isLineSpace(r) || isSentenceEnd(r) || r == '，' || r == ',' || r == '）' || r == ')' || r == '（' || r == '(' {
				break
			}
			s -= n
			runes++
			if runes > 20 {
				return 0, false
			}
		}
		if !boundaryBefore(t, s) {
			return 0, false
		}
		return s, true
	}
	// 名字 摄 after white space that follows a sentence (or alone on the line).
	who := trimmed(body)
	if who == "" || len(body) == len(trimmed(body)) {
		// No space between the name and 摄: only a whole line of names (张三摄) counts.
		if names(who) && utf8.RuneCountInString(who) <= 4 && who == body {
			return 0, true
		}
		return 0, false
	}
	s := len(body)
	for s > 0 {
		r, n := utf8.DecodeLastRuneInString(body[:s])
		if isLineSpace(r) {
			s -= n
			continue
		}
		break
	}
	// The name: back to white space.
	ns := s
	for ns > 0 {
		r, n := utf8.DecodeLastRuneInString(body[:ns])
		if !isHan(r) && r != '·' {
			break
		}
		ns -= n
	}
	if ns == s || !names(body[ns:s]) {
		return 0, false
	}
	if ns == 0 {
		return 0, true
	}
	r, _ := utf8.DecodeLastRuneInString(body[:ns])
	if !isLineSpace(r) {
		return 0, false
	}
	before := spaceBefore(body, ns)
	if before == 0 {
		return 0, true
	}
	p, _ := utf8.DecodeLastRuneInString(body[:before])
	if !isSentenceEnd(p) && p != '”' {
		return 0, false
	}
	return ns, true
}

// agencyRelease finds 新华社发 / 新华社记者 名字 发 / 中新社发 at the end of t.
func agencyRelease(t string) (int, bool) {
	for _, a := range []string{"新华社发", "中新社发", "新华社供图"} {
		if hasSuffixAny(t, a) {
			s := len(t) - len(a)
			if boundaryBefore(t, s) {
				return s, true
			}
		}
	}
	return 0, false
}
