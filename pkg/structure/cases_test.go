package structure

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"zhpolicy/internal/testenv"
)

// gbCase is one line of ../shared/bench/gbt9704/cases.txt: an input and
// what a parser should make of it.
type gbCase struct {
	line   int
	input  string
	expect string
}

// readCases splits each line into its input and its expectation: the
// expectation starts after the last run of two or more spaces that is
// followed by code=, announcement, order= or [.
func readCases(t *testing.T) []gbCase {
	path := testenv.Shared(t, "bench", "gbt9704", "cases.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []gbCase
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if strings.TrimSpace(l) == "" {
			continue
		}
		cut := -1
		for i := 0; i+1 < len(l); i++ {
			if l[i] != ' ' || l[i+1] != ' ' {
				continue
			}
			j := i
			for j < len(l) && l[j] == ' ' {
				j++
			}
			rest := l[j:]
			if strings.HasPrefix(rest, "code=") || strings.HasPrefix(rest, "announcement") ||
				strings.HasPrefix(rest, "order=") || strings.HasPrefix(rest, "[") {
				cut = i
			}
			i = j - 1
		}
		if cut < 0 {
			t.Fatalf("cases.txt:%d: no expectation in %q", n, l)
		}
		rest := strings.TrimSpace(l[cut:])
		out = append(out, gbCase{line: n, input: strings.TrimRight(l[:cut], " "), expect: rest})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 40 {
		t.Fatalf("read only %d cases", len(out))
	}
	return out
}

// fields reads key=value pairs and the trailing [tags].
func caseFields(s string) (map[string]string, []string) {
	kv := map[string]string{}
	var tags []string
	if i := strings.Index(s, "["); i >= 0 {
		inner := strings.TrimSuffix(strings.TrimSpace(s[i+1:]), "]")
		for _, t := range strings.Split(inner, ",") {
			if t = strings.TrimSpace(t); t != "" {
				tags = append(tags, t)
			}
		}
		s = s[:i]
	}
	for _, f := range strings.Fields(s) {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			kv[f] = ""
			continue
		}
		kv[k] = v
	}
	return kv, tags
}

// TestCasesNumbers: every document-number case of cases.txt parses to its
// code, year, serial number and joint flag, with the departures from the
// standard named; announcements and orders in their own forms.
func TestCasesNumbers(t *testing.T) {
	cases := readCases(t)
	seen := 0
	for _, c := range cases {
		kv, tags := caseFields(c.expect)
		_, isCode := kv["code"]
		_, isAnn := kv["announcement"]
		_, isOrder := kv["order"]
		if !isCode && !isAnn && !isOrder {
			continue
		}
		seen++
		n, ok := ParseNumber(c.input)
		if !ok {
			t.Errorf("cases.txt:%d: %q: no number found", c.line, c.input)
			continue
		}
		if got := c.input[n.Start:n.End]; strings.Count(got, "号") == 0 {
			t.Errorf("cases.txt:%d: offsets %d:%d give %q", c.line, n.Start, n.End, got)
		}
		switch {
		case isCode:
			want := kv["code"]
			if n.Form != "standard" || n.Code != want {
				t.Errorf("cases.txt:%d: %q: form %s code %q, want standard %q", c.line, c.input, n.Form, n.Code, want)
			}
			if y, _ := strconv.Atoi(kv["year"]); n.Year != y {
				t.Errorf("cases.txt:%d: %q: year %d, want %d", c.line, c.input, n.Year, y)
			}
			if no, _ := strconv.Atoi(kv["no"]); n.Seq != no {
				t.Errorf("cases.txt:%d: %q: no %d, want %d", c.line, c.input, n.Seq, no)
			}
			if j := kv["joint"] == "true"; n.Joint != j {
				t.Errorf("cases.txt:%d: %q: joint %v, want %v", c.line, c.input, n.Joint, j)
			}
			var want2 []string
			for _, tg := range tags {
				want2 = append(want2, strings.TrimPrefix(tg, "nonstd:"))
			}
			if strings.Join(n.Nonstandard, ",") != strings.Join(want2, ",") {
				t.Errorf("cases.txt:%d: %q: nonstandard %v, want %v", c.line, c.input, n.Nonstandard, want2)
			}
			// a fix gives the standard form
			if len(n.Nonstandard) > 0 && n.Canonical() != kv["code"]+"〔"+kv["year"]+"〕"+kv["no"]+"号" {
				t.Errorf("cases.txt:%d: canonical %q", c.line, n.Canonical())
			}
		case isAnn:
			if n.Form != "announcement" || n.Code != kv["org"] {
				t.Errorf("cases.txt:%d: %q: %s %q, want announcement of %q", c.line, c.input, n.Form, n.Code, kv["org"])
			}
			if y, _ := strconv.Atoi(kv["year"]); n.Year != y {
				t.Errorf("cases.txt:%d: year %d, want %d", c.line, n.Year, y)
			}
			if no, _ := strconv.Atoi(kv["no"]); n.Seq != no {
				t.Errorf("cases.txt:%d: no %d, want %d", c.line, n.Seq, no)
			}
		case isOrder:
			if n.Form != "order" || n.Code != kv["order"] {
				t.Errorf("cases.txt:%d: %q: %s %q, want order %q", c.line, c.input, n.Form, n.Code, kv["order"])
			}
			if no, _ := strconv.Atoi(kv["no"]); n.Seq != no {
				t.Errorf("cases.txt:%d: no %d, want %d", c.line, n.Seq, no)
			}
		}
	}
	if seen < 20 {
		t.Fatalf("only %d number cases", seen)
	}
}

// TestCasesNumberInSentence: a number inside a sentence or after a title
// is a citation of the text, not the document's own number.
func TestCasesNumberInSentence(t *testing.T) {
	for _, c := range readCases(t) {
		if !strings.HasPrefix(c.expect, "code=") || !strings.ContainsAny(c.input, "根《") {
			continue
		}
		d := Parse("为贯彻落实有关部署，现通知如下。\n" + c.input + "。\n")
		if d.Number != nil {
			t.Errorf("cases.txt:%d: %q taken as the document's own number", c.line, c.input)
		}
		if len(d.Citations) != 1 || d.Citations[0].Number == nil {
			t.Errorf("cases.txt:%d: %q: citations %+v, want one with its number", c.line, c.input, d.Citations)
		}
	}
}

// TestCasesDocument: the tagged lines of cases.txt, put together in their
// order as one document, are read as the elements their tags name.
func TestCasesDocument(t *testing.T) {
	var lines []gbCase
	for _, c := range readCases(t) {
		if strings.HasPrefix(c.expect, "[") {
			lines = append(lines, c)
		}
	}
	var b strings.Builder
	lineStart := make([]int, len(lines))
	for i, c := range lines {
		lineStart[i] = b.Len()
		b.WriteString(c.input)
		b.WriteByte('\n')
	}
	text := b.String()
	d := Parse(text)
	inside := func(f *Field, i int) bool {
		if f == nil {
			return false
		}
		s, e := lineStart[i], lineStart[i]+len(lines[i].input)
		return f.Start >= s && f.End <= e && f.End > f.Start
	}
	headingAt := func(i int) *Heading {
		for k := range d.Headings {
			if d.Headings[k].Start >= lineStart[i] && d.Headings[k].Start < lineStart[i]+len(lines[i].input) {
				return &d.Headings[k]
			}
		}
		return nil
	}
	for i, c := range lines {
		_, tags := caseFields(c.expect)
		tag := strings.Join(tags, " ")
		ok := true
		switch tag {
		case "SEC":
			ok = d.Secrecy != nil && inside(&d.Secrecy.Field, i) && d.Secrecy.Level == "秘密" && d.Secrecy.Term == "1年"
		case "URG":
			ok = inside(d.Urgency, i) && d.Urgency.Text == "特急"
		case "MARK":
			ok = inside(d.IssuerMark, i) && len(d.MarkIssuers) == 1 && d.MarkIssuers[0] == "国务院"
		case "DOCNO":
			ok = d.Number != nil && inside(&d.Number.Field, i) && d.Number.Code == "国发"
		case "SIGN":
			ok = len(d.Signers) == 2 && d.Signers[0].Text == "张三" && d.Signers[1].Text == "李四" && inside(&d.Signers[1], i)
		case "TITLE":
			ok = d.Title != nil && inside(&d.Title.Field, i) && d.Title.DocType == "意见" &&
				len(d.Title.Issuers) == 1 && d.Title.Issuers[0] == "国务院"
		case "MAIN":
			ok = inside(d.Addressees, i) && len(d.Recipients) == 2 && d.Recipients[1].Text == "国务院各部委、各直属机构"
		case "H1", "H2", "H3", "H4":
			h := headingAt(i)
			if i > 0 && strings.Contains(lines[i-1].expect, "[ATT]") {
				// a continuation line of the 附件说明 is shaped like a
				// heading but belongs to it
				ok = h == nil && d.AttachmentNote != nil && len(d.AttachmentNote.Items) == 2 &&
					d.AttachmentNote.Items[1].Text == "名词解释"
				break
			}
			lv, _ := strconv.Atoi(tag[1:])
			ok = h != nil && h.Level == lv
		case "ART":
			h := headingAt(i)
			ok = h != nil && h.Kind == "第N条" && h.Number == 3 && h.RunIn
		case "ATT":
			ok = d.AttachmentNote != nil && inside(&d.AttachmentNote.Items[0].Field, i) && d.AttachmentNote.Items[0].Text == "重点任务分工表"
		case "DATE":
			ok = d.Date != nil && inside(&d.Date.Field, i) && d.Date.ISO == "2024-03-05" && d.Date.Arabic
		case "DATEH":
			// the Chinese-numeral 成文日期 of an older document
			dd := Parse("国务院\n" + c.input + "\n")
			ok = dd.Date != nil && dd.Date.ISO == "2012-07-01" && !dd.Date.Arabic && len(dd.Signatures) == 1
		case "NOTE":
			ok = len(d.Notes) == 1 && inside(&d.Notes[0], i)
		case "PAGE":
			ok = len(d.PageNumbers) == 1 && inside(&d.PageNumbers[0].Field, i) && d.PageNumbers[0].Number == 3 && d.PageNumbers[0].Standard
		case "CC":
			ok = inside(d.CC, i) && len(d.CCList) == 3 && d.CCList[2].Text == "全国人大常委会办公厅"
		case "PRINT DATE":
			ok = inside(d.PrintedBy, i) && d.PrintedBy.Text == "国务院办公厅" && d.PrintedDate != nil && d.PrintedDate.ISO == "2024-03-06"
		case "":
			switch {
			case strings.TrimSpace(c.input) == "000001":
				ok = inside(d.CopyNumber, i)
			case c.input == "国务院":
				ok = len(d.Signatures) == 1 && inside(&d.Signatures[0], i)
			default:
				ok = d.Body != nil && d.Body.Start <= lineStart[i] && d.Body.End >= lineStart[i]+len(c.input)
			}
		default:
			t.Errorf("cases.txt:%d: unknown tag %q", c.line, tag)
			continue
		}
		if !ok {
			t.Errorf("cases.txt:%d: %q [%s] not read as such", c.line, c.input, tag)
		}
	}
	if t.Failed() {
		t.Logf("parsed: %s", dumpJSON(d))
	}
}
