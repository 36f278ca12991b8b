package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"zhpolicy/pkg/input"
	"zhpolicy/pkg/normalize"
	"zhpolicy/pkg/script"
)

// isHan reports whether r is a Han character.
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// quote shows a piece of text in a message: "…", or '…' when it holds a
// double quote. ASCII quotes keep messages about “” and 「」 readable.
func quote(s string) string {
	if strings.Contains(s, `"`) {
		return "'" + s + "'"
	}
	return `"` + s + `"`
}

// --- encoding ---

// maxDecodeFindings caps the findings for undecodable bytes in one file: a
// file in the wrong encoding would otherwise give one per line.
const maxDecodeFindings = 10

func ruleEncoding(v *view) []Finding {
	d := v.doc
	var out []Finding
	base, bom := d.Encoding, false
	if d.Encoding == input.EncUTF8BOM {
		base, bom = input.EncUTF8, true
	}
	if base != "" && !v.set.encodingAllowed(base) {
		out = append(out, documentFinding(RuleEncoding, fmt.Sprintf(
			"file is encoded in %s, not %s; convert it (for example: iconv -f %s -t UTF-8)",
			strings.ToUpper(base), strings.ToUpper(strings.Join(v.set.Encodings, " or ")), strings.ToUpper(base))))
	}
	switch {
	case bom && v.set.BOM == BOMForbid:
		f := documentFinding(RuleEncoding, "file starts with a UTF-8 byte-order mark; save it without one")
		out = append(out, f)
	case !bom && base == input.EncUTF8 && v.set.BOM == BOMRequire && d.Size > 0:
		out = append(out, documentFinding(RuleEncoding, "file has no UTF-8 byte-order mark, which the configuration requires; save it with one"))
	}
	if len(d.Warnings) > 0 {
		out = append(out, undecodable(v)...)
	}
	return out
}

// undecodable reports the runs of U+FFFD that decoding left in a file
// whose decoder warned about invalid bytes.
func undecodable(v *view) []Finding {
	d := v.doc
	text := d.Text
	var out []Finding
	runs := 0
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "\uFFFD")
		if j < 0 {
			break
		}
		s := i + j
		e := s
		n := 0
		for strings.HasPrefix(text[e:], "\uFFFD") {
			e += len("\uFFFD")
			n++
		}
		i = e
		runs++
		if runs > maxDecodeFindings {
			continue
		}
		msg := "undecodable bytes shown as U+FFFD; restore the text from the original source and save it as valid UTF-8"
		if n > 1 {
			msg = fmt.Sprintf("%d undecodable bytes shown as U+FFFD; restore the text from the original source and save it as valid UTF-8", n)
		}
		out = append(out, v.loc.finding(RuleEncoding, s, e, msg))
	}
	if len(out) == 0 {
		// The decoder warned but left no visible mark: report its words.
		f := documentFinding(RuleEncoding, d.Warnings[0].Message+"; save the file as valid UTF-8")
		return []Finding{f}
	}
	out[0].Message += " [decoder: " + d.Warnings[0].Message + "]"
	if runs > maxDecodeFindings {
		last := &out[len(out)-1]
		last.Message += fmt.Sprintf(" (%d more places not listed)", runs-maxDecodeFindings)
	}
	return out
}

// --- pinyin-annotation and invisible: from text cleaning ---

func rulePinyin(v *view) []Finding {
	var out []Finding
	for _, c := range v.clean.Changes {
		if c.Kind != normalize.ChangePinyin {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(v.mk.masked[:c.Start])
		f := v.loc.finding(RulePinyin, c.Start, c.End,
			fmt.Sprintf("pinyin annotation %s after %s; remove it", quote(c.Old), quote(string(before))))
		f.Edits = []Edit{{Start: c.Start, End: c.End}}
		out = append(out, f)
	}
	return out
}

func ruleInvisible(v *view) []Finding {
	var out []Finding
	for _, c := range v.clean.Changes {
		if c.Kind != normalize.ChangeInvisible {
			continue
		}
		var names []string
		for _, r := range c.Old {
			names = append(names, runeName(r))
		}
		what := "invisible character " + names[0]
		if len(names) > 1 {
			what = "invisible characters " + strings.Join(names, ", ")
		}
		f := v.loc.finding(RuleInvisible, c.Start, c.End, what+"; remove it")
		f.Edits = []Edit{{Start: c.Start, End: c.End}}
		out = append(out, f)
	}
	return out
}

// runeName names an invisible character.
func runeName(r rune) string {
	name := ""
	switch r {
	case 0x00AD:
		name = "soft hyphen"
	case 0x180E:
		name = "Mongolian vowel separator"
	case 0x200B:
		name = "zero-width space"
	case 0x200C:
		name = "zero-width non-joiner"
	case 0x200D:
		name = "zero-width joiner"
	case 0x200E:
		name = "left-to-right mark"
	case 0x200F:
		name = "right-to-left mark"
	case 0x2060:
		name = "word joiner"
	case 0xFEFF:
		name = "byte-order mark"
	default:
		switch {
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			name = "bidi control"
		}
	}
	if name == "" {
		return fmt.Sprintf("U+%04X", r)
	}
	return fmt.Sprintf("U+%04X (%s)", r, name)
}

// --- width ---

func ruleWidth(v *view) []Finding {
	var out []Finding
	if v.set.WidthAlnum {
		for _, c := range v.clean.Changes {
			if c.Kind != normalize.ChangeWidth {
				continue
			}
			f := v.loc.finding(RuleWidth, c.Start, c.End,
				fmt.Sprintf("full-width letters or digits %s; write %s", quote(c.Old), quote(c.New)))
			f.Suggestion = c.New
			f.Edits = []Edit{{Start: c.Start, End: c.End, New: c.New}}
			out = append(out, f)
		}
	}
	if v.set.WidthPunct {
		out = append(out, halfWidthPunct(v)...)
		out = append(out, halfWidthParens(v)...)
	}
	return out
}

// fullWidthOf maps half-width punctuation to the full-width form used in
// Chinese text.
func fullWidthOf(r rune) (string, bool) {
	switch r {
	case ',':
		return "，", true
	case ';':
		return "；", true
	case ':':
		return "：", true
	case '?':
		return "？", true
	case '!':
		return "！", true
	case '.':
		return "。", true
	}
	return "", false
}

// isCJKOpening reports whether r opens a Chinese quotation or bracket.
func isCJKOpening(r rune) bool {
	switch r {
	case '“', '‘', '《', '（', '【', '「', '『', '〈', '〔':
		return true
	}
	return false
}

// isCJKClosing reports whether r closes a Chinese quotation or bracket.
func isCJKClosing(r rune) bool {
	switch r {
	case '”', '’', '》', '）', '】', '」', '』', '〉', '〕':
		return true
	}
	return false
}

// halfWidthPunct finds , ; : ? ! . between Chinese characters (a closing
// quotation or bracket may stand before, an opening one after, and one
// space may follow the mark).
func halfWidthPunct(v *view) []Finding {
	t := v.mk.masked
	var out []Finding
	var prev rune
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		full, ok := fullWidthOf(r)
		if ok && (isHan(prev) || isCJKClosing(prev)) {
			k := i + size
			if k < len(t) && t[k] == ' ' {
				k++
			}
			next, _ := utf8.DecodeRuneInString(t[k:])
			if r == '.' && numeralLabel(t, i) {
				full = "、" // 一.总体要求 → 一、总体要求
			}
			if isHan(next) || isCJKOpening(next) {
				f := v.loc.finding(RuleWidth, i, k,
					fmt.Sprintf("half-width %s between Chinese characters; use %s", quote(string(r)), quote(full)))
				f.Suggestion = full
				f.Edits = []Edit{{Start: i, End: k, New: full}}
				out = append(out, f)
			}
		}
		prev = r
		i += size
	}
	return out
}

// numeralLabel reports whether t[:i] ends a line start made of one to
// three Chinese numerals (a heading number such as 十二). It looks back at
// most four characters.
func numeralLabel(t string, i int) bool {
	n := 0
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(t[:i])
		if r == '\n' {
			break
		}
		if !strings.ContainsRune("一二三四五六七八九十", r) || n == 3 {
			return false
		}
		n++
		i -= size
	}
	return n > 0
}

// halfWidthParens finds (…) around Chinese text on one line, without
// ASCII letters inside: (一), (试行), but not (WTO) or (huì).
func halfWidthParens(v *view) []Finding {
	t := v.mk.masked
	var out []Finding
	for i := 0; i < len(t); i++ {
		if t[i] != '(' {
			continue
		}
		j := i + 1
		han := false
		bad := false
		for ; j < len(t); j++ {
			c := t[j]
			if c == ')' || c == '\n' || c == '(' {
				break
			}
			if c >= utf8.RuneSelf {
				r, size := utf8.DecodeRuneInString(t[j:])
				if isHan(r) {
					han = true
				}
				j += size - 1
				continue
			}
			if isASCIILetter(c) {
				bad = true
			}
		}
		if j >= len(t) || t[j] != ')' || !han || bad {
			continue
		}
		f := v.loc.finding(RuleWidth, i, j+1,
			fmt.Sprintf("half-width parentheses around Chinese text %s; use %s", quote(t[i:j+1]), quote("（"+t[i+1:j]+"）")))
		f.Suggestion = "（" + t[i+1:j] + "）"
		f.Edits = []Edit{{Start: i, End: i + 1, New: "（"}, {Start: j, End: j + 1, New: "）"}}
		out = append(out, f)
		i = j
	}
	return out
}

// --- script-mix ---

func ruleScriptMix(v *view) []Finding {
	det := v.det
	var want script.Kind
	switch v.set.Script {
	case ScriptSimplified:
		want = script.Simplified
	case ScriptTraditional:
		want = script.Traditional
	default:
		switch {
		case det.SimpOnly > det.TradOnly:
			want = script.Simplified
		case det.TradOnly > det.SimpOnly:
			want = script.Traditional
		default:
			return nil
		}
	}
	stray, own := det.TradOnly, det.SimpOnly
	strayName, wantName, convName, to := "Traditional", "Simplified", "t2s", "s"
	if want == script.Traditional {
		stray, own = det.SimpOnly, det.TradOnly
		strayName, wantName, convName = "Simplified", "Traditional", v.set.Variant
		to = map[string]string{"s2tw": "tw", "s2hk": "hk"}[convName]
		if to == "" {
			to = "t"
		}
	}
	if stray == 0 {
		return nil
	}
	conv, _ := script.NewConverter(convName)
	spans := strayRuns(v.mk.masked, want)
	if len(spans) == 0 {
		return nil
	}
	lc := lineConverter{text: v.mk.masked, conv: conv}
	edits := make([]Edit, 0, len(spans))
	for _, sp := range spans {
		if repl := lc.convert(sp[0], sp[1]); repl != "" {
			edits = append(edits, Edit{Start: sp[0], End: sp[1], New: repl})
		}
	}
	if stray > own {
		// The whole document is in the other script: one finding, not one
		// per character.
		f := v.loc.finding(RuleScriptMix, spans[0][0], spans[0][1], fmt.Sprintf(
			"document is written in %s script (%d %s-only characters, %d %s-only), but %s is expected; convert it with zhpolicy convert --to %s",
			strayName, stray, strayName, own, wantName, wantName, to))
		f.Edits = edits
		return []Finding{f}
	}
	out := make([]Finding, 0, len(spans))
	ei := 0
	for _, sp := range spans {
		s := v.mk.masked[sp[0]:sp[1]]
		what := strayName + " character"
		if utf8.RuneCountInString(s) > 1 {
			what += "s"
		}
		msg := fmt.Sprintf("%s %s in a %s document", what, quote(s), wantName)
		f := v.loc.finding(RuleScriptMix, sp[0], sp[1], msg)
		if ei < len(edits) && edits[ei].Start == sp[0] {
			e := edits[ei]
			ei++
			f.Message += "; write " + quote(e.New)
			f.Suggestion = e.New
			f.Edits = []Edit{e}
		}
		out = append(out, f)
	}
	return out
}

// strayRuns returns the runs of Han characters specific to the script other
// than want, as byte ranges of text.
func strayRuns(text string, want script.Kind) [][2]int {
	var spans [][2]int
	open := -1
	for i := 0; i < len(text); {
		size := 1
		stray := false
		if text[i] >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			if r >= 0x3400 {
				d := script.Detect(text[i : i+size])
				stray = want == script.Simplified && d.TradOnly > 0 || want == script.Traditional && d.SimpOnly > 0
			}
		}
		switch {
		case stray && open < 0:
			open = i
		case !stray && open >= 0:
			spans = append(spans, [2]int{open, i})
			open = -1
		}
		i += size
	}
	if open >= 0 {
		spans = append(spans, [2]int{open, len(text)})
	}
	return spans
}

// lineConverter converts spans of a text in the context of their line, so
// that phrase conversions (頭髮/头发) choose the right character.
type lineConverter struct {
	text      string
	conv      *script.Converter
	lineStart int
	lineEnd   int
	converted []rune // the converted line, when it kept the rune count
	orig      []rune
}

// convert returns text[s:e] in the target script, or "" when it cannot.
func (lc *lineConverter) convert(s, e int) string {
	if lc.conv == nil {
		return ""
	}
	if s < lc.lineStart || e > lc.lineEnd || lc.orig == nil {
		ls := strings.LastIndexByte(lc.text[:s], '\n') + 1
		le := strings.IndexByte(lc.text[e:], '\n')
		if le < 0 {
			le = len(lc.text)
		} else {
			le += e
		}
		lc.lineStart, lc.lineEnd = ls, le
		line := lc.text[ls:le]
		lc.orig = []rune(line)
		lc.converted = []rune(lc.conv.Convert(line))
		if len(lc.converted) != len(lc.orig) {
			lc.converted = nil
		}
	}
	var out string
	if lc.converted != nil {
		from := utf8.RuneCountInString(lc.text[lc.lineStart:s])
		n := utf8.RuneCountInString(lc.text[s:e])
		out = string(lc.converted[from : from+n])
	} else {
		out = lc.conv.Convert(lc.text[s:e])
	}
	if out == lc.text[s:e] {
		return ""
	}
	return out
}

// --- empty and size ---

func ruleEmpty(v *view) []Finding {
	if v.doc.Size == 0 {
		return []Finding{documentFinding(RuleEmpty, "empty file; add its content or delete it")}
	}
	if strings.TrimSpace(v.clean.Text) == "" {
		return []Finding{documentFinding(RuleEmpty, "file has no text (only spaces or markup); add its content or delete it")}
	}
	return nil
}

func ruleSize(v *view) []Finding {
	if v.set.MaxSize <= 0 || v.doc.Size <= v.set.MaxSize {
		return nil
	}
	return []Finding{documentFinding(RuleSize, fmt.Sprintf(
		"file is %s, over the %s limit; split it, or raise rules.size.max in the configuration",
		FormatSize(v.doc.Size), FormatSize(v.set.MaxSize)))}
}

// FormatSize shows a byte count in binary units (1.5 MiB).
func FormatSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	v := float64(n) / float64(div)
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d %ciB", int64(v), "KMGTP"[exp])
	}
	return fmt.Sprintf("%.1f %ciB", v, "KMGTP"[exp])
}
