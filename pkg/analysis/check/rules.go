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

// replacementRuns calls f with each run of U+FFFD in text: its byte span
// and the number of replacement characters.
func replacementRuns(text string, f func(s, e, n int)) {
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], "\uFFFD")
		if j < 0 {
			return
		}
		s := i + j
		e, n := s, 0
		for strings.HasPrefix(text[e:], "\uFFFD") {
			e += len("\uFFFD")
			n++
		}
		i = e
		f(s, e, n)
	}
}

// undecodableMessage is the message of a run of n replacement characters.
func undecodableMessage(n int) string {
	if n > 1 {
		return fmt.Sprintf("%d undecodable bytes shown as U+FFFD; restore the text from the original source and save it as valid UTF-8", n)
	}
	return "undecodable bytes shown as U+FFFD; restore the text from the original source and save it as valid UTF-8"
}

// undecodable reports the runs of U+FFFD that decoding left in a file
// whose decoder warned about invalid bytes.
func undecodable(v *view) []Finding {
	d := v.doc
	text := d.Text
	var out []Finding
	runs := 0
	replacementRuns(text, func(s, e, n int) {
		runs++
		if runs <= maxDecodeFindings {
			out = append(out, v.loc.finding(RuleEncoding, s, e, undecodableMessage(n)))
		}
	})
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
	runs := strayRuns(v.mk.masked, want, conv)
	if len(runs) == 0 {
		return nil
	}
	edits := make([]Edit, 0, len(runs))
	for _, sr := range runs {
		if sr.repl != "" {
			edits = append(edits, Edit{Start: sr.start, End: sr.end, New: sr.repl})
		}
	}
	if stray > own {
		// The whole document is in the other script: one finding, not one
		// per character (in parts: in the first part with a stray one).
		if v.st != nil {
			if v.st.scriptWhole {
				return nil
			}
			v.st.scriptWhole = true
		}
		f := v.loc.finding(RuleScriptMix, runs[0].start, runs[0].end, fmt.Sprintf(
			"document is written in %s script (%d %s-only characters, %d %s-only), but %s is expected; convert it with zhpolicy convert --to %s",
			strayName, stray, strayName, own, wantName, wantName, to))
		f.Edits = edits
		return []Finding{f}
	}
	out := make([]Finding, 0, len(runs))
	for _, sr := range runs {
		s := v.mk.masked[sr.start:sr.end]
		what := strayName + " character"
		if utf8.RuneCountInString(s) > 1 {
			what += "s"
		}
		msg := fmt.Sprintf("%s %s in a %s document", what, quote(s), wantName)
		f := v.loc.finding(RuleScriptMix, sr.start, sr.end, msg)
		if sr.repl != "" {
			f.Message += "; write " + quote(sr.repl)
			f.Suggestion = sr.repl
			f.Edits = []Edit{{Start: sr.start, End: sr.end, New: sr.repl}}
		}
		out = append(out, f)
	}
	return out
}

// strayRun is a run of characters of the other script: text[start:end],
// and what the conversion to the expected script makes of it in the
// context of its line ("" when it cannot say).
type strayRun struct {
	start, end int
	repl       string
}

// strayRuns returns the runs of Han characters of text specific to the
// script other than want (script.Of) that conv, converting their line,
// changes: a character OpenCC keeps in its context (吒 in 哪吒) is right
// there. Characters of the 通用规范汉字表 are never Traditional-only (the
// classes of pkg/script exclude them: 昇 in 昇腾 is standard Simplified).
// Each line is converted at most once and rune indexes advance with the
// scan, so the cost is linear in the text, however long its lines.
func strayRuns(text string, want script.Kind, conv *script.Converter) []strayRun {
	other := script.Traditional
	if want == script.Traditional {
		other = script.Simplified
	}
	var runs []strayRun
	for ls := 0; ls < len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		line := text[ls:le]
		first := -1 // byte offset in line of the first candidate
		for i := 0; i < len(line); {
			if line[i] < 0xE3 { // below U+3000: no Han character
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(line[i:])
			if script.Of(r) == other {
				first = i
				break
			}
			i += size
		}
		if first >= 0 {
			runs = lineStrays(runs, ls, line, first, other, conv)
		}
		ls = le + 1
	}
	return runs
}

// lineStrays adds the stray runs of one line (starting at byte base of the
// text), whose first candidate is at byte first of the line.
func lineStrays(runs []strayRun, base int, line string, first int, other script.Kind, conv *script.Converter) []strayRun {
	var conv1 []rune // the converted line, rune for rune
	if conv != nil {
		if c := []rune(conv.Convert(line)); len(c) == utf8.RuneCountInString(line) {
			conv1 = c
		}
	}
	k := utf8.RuneCountInString(line[:first]) // rune index of byte i
	open, openK := -1, 0
	flush := func(end, endK int) {
		r := strayRun{start: base + open, end: base + end}
		if conv1 != nil {
			r.repl = string(conv1[openK:endK])
		} else if conv != nil {
			if c := conv.Convert(line[open:end]); c != line[open:end] {
				r.repl = c
			}
		}
		runs = append(runs, r)
		open = -1
	}
	for i := first; i < len(line); k++ {
		r, size := utf8.DecodeRuneInString(line[i:])
		stray := r >= 0x3400 && script.Of(r) == other && (conv1 == nil || conv1[k] != r)
		switch {
		case stray && open < 0:
			open, openK = i, k
		case !stray && open >= 0:
			flush(i, k)
		}
		i += size
	}
	if open >= 0 {
		flush(len(line), k)
	}
	return runs
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
