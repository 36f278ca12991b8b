package structure

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"zhpolicy/internal/testenv"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/script"
)

// gongwenFields is ../shared/bench/intake/expected/gongwen.fields.json.
type gongwenFields struct {
	IssuerMark  string   `json:"issuer_mark"`
	DocNumber   string   `json:"doc_number"`
	Title       string   `json:"title"`
	Addressees  string   `json:"addressees"`
	Attachments []string `json:"attachments"`
	Signature   string   `json:"signature"`
	Date        string   `json:"date"`
	Note        string   `json:"note"`
	CC          string   `json:"cc"`
	PrintedBy   string   `json:"printed_by"`
	PrintedDate string   `json:"printed_date"`
	Headings    []struct {
		Level int    `json:"level"`
		Text  string `json:"text"`
		Line  int    `json:"line"`
		RunIn bool   `json:"run_in"`
	} `json:"headings"`
}

func readGongwenFields(t *testing.T) gongwenFields {
	b, err := os.ReadFile(testenv.Shared(t, "bench", "intake", "expected", "gongwen.fields.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f gongwenFields
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	if f.Title == "" || len(f.Headings) < 10 {
		t.Fatalf("fields file looks wrong: %+v", f)
	}
	return f
}

// fieldText gives a field's text, or "<absent>".
func fieldText(f *Field) string {
	if f == nil {
		return "<absent>"
	}
	return f.Text
}

// compareGongwen checks a parse against the expected fields; lines says
// whether the heading lines are those of expected/gongwen.txt.
func compareGongwen(t *testing.T, name, text string, want gongwenFields, lines bool) {
	t.Helper()
	d := Parse(text)
	errs := 0
	check := func(what, got, w string) {
		t.Helper()
		if got != w {
			t.Errorf("%s: %s = %q, want %q", name, what, got, w)
			errs++
		}
	}
	check("issuer mark", fieldText(d.IssuerMark), want.IssuerMark)
	num := "<absent>"
	if d.Number != nil {
		num = d.Number.Text
	}
	check("document number", num, want.DocNumber)
	title := "<absent>"
	if d.Title != nil {
		title = d.Title.Text
	}
	check("title", title, want.Title)
	check("addressees", fieldText(d.Addressees), want.Addressees)
	var items, atts []string
	if d.AttachmentNote != nil {
		for _, it := range d.AttachmentNote.Items {
			items = append(items, it.Text)
		}
	}
	for _, a := range d.Attachments {
		if a.Title != nil {
			atts = append(atts, a.Title.Text)
		}
	}
	check("附件说明", strings.Join(items, "|"), strings.Join(want.Attachments, "|"))
	check("attachments", strings.Join(atts, "|"), strings.Join(want.Attachments, "|"))
	var sigs []string
	for _, s := range d.Signatures {
		sigs = append(sigs, s.Text)
	}
	check("signature", strings.Join(sigs, "|"), want.Signature)
	date := "<absent>"
	if d.Date != nil {
		date = d.Date.Text
	}
	check("date", date, want.Date)
	var notes []string
	for _, n := range d.Notes {
		notes = append(notes, n.Text)
	}
	check("note", strings.Join(notes, "|"), want.Note)
	check("cc", fieldText(d.CC), want.CC)
	check("printed by", fieldText(d.PrintedBy), want.PrintedBy)
	pd := "<absent>"
	if d.PrintedDate != nil {
		pd = d.PrintedDate.Text
	}
	check("printed date", pd, want.PrintedDate)
	if len(d.Headings) != len(want.Headings) {
		t.Errorf("%s: %d headings, want %d", name, len(d.Headings), len(want.Headings))
		errs++
	}
	for i := 0; i < len(d.Headings) && i < len(want.Headings); i++ {
		h, w := d.Headings[i], want.Headings[i]
		got := fmt.Sprintf("%d %s run_in=%v", h.Level, h.Text(), h.RunIn)
		exp := fmt.Sprintf("%d %s run_in=%v", w.Level, w.Text, w.RunIn)
		if lines {
			got += fmt.Sprintf(" line %d", h.Line)
			exp += fmt.Sprintf(" line %d", w.Line)
		}
		check(fmt.Sprintf("heading %d", i+1), got, exp)
	}
	// every offset points at the text it names
	for _, f := range []*Field{d.IssuerMark, d.Addressees, d.CC, d.PrintedBy} {
		if f != nil && compactOf(text[f.Start:f.End], -1) != f.Text {
			t.Errorf("%s: offsets %d:%d give %q, not %q", name, f.Start, f.End, text[f.Start:f.End], f.Text)
		}
	}
	if d.Title != nil && compactOf(text[d.Title.Start:d.Title.End], -1) != d.Title.Text {
		t.Errorf("%s: title offsets give %q", name, text[d.Title.Start:d.Title.End])
	}
	if errs > 0 {
		t.Logf("%s: parsed %s", name, dumpJSON(d))
	}
}

// TestGongwenExpectedText: the fictional 公文's expected text gives every
// field of gongwen.fields.json, headings with their lines included.
func TestGongwenExpectedText(t *testing.T) {
	want := readGongwenFields(t)
	b, err := os.ReadFile(testenv.Shared(t, "bench", "intake", "expected", "gongwen.txt"))
	if err != nil {
		t.Fatal(err)
	}
	compareGongwen(t, "expected/gongwen.txt", string(b), want, true)
}

// TestGongwenFormats: every gongwen.* the input package can read today
// gives the same fields. Formats it cannot read yet are named and skipped.
func TestGongwenFormats(t *testing.T) {
	want := readGongwenFields(t)
	dir := testenv.Shared(t, "bench", "intake")
	files, _ := filepath.Glob(filepath.Join(dir, "gongwen*.*"))
	read := 0
	supported := map[string]bool{}
	for _, e := range input.SupportedExtensions() {
		supported[e] = true
	}
	for _, f := range files {
		if !supported[strings.ToLower(filepath.Ext(f))] {
			t.Logf("%s: not readable yet (the input package reads %v)", filepath.Base(f), input.SupportedExtensions())
			continue
		}
		doc, err := input.Read(input.Source{Path: f, Size: -1}, input.Options{})
		if err != nil {
			if errors.Is(err, input.ErrUnsupported) {
				t.Logf("%s: not readable yet (%v)", filepath.Base(f), err)
				continue
			}
			t.Logf("%s: %v", filepath.Base(f), err)
			continue
		}
		read++
		compareGongwen(t, filepath.Base(f), doc.Text, want, false)
	}
	if read == 0 {
		t.Fatal("no gongwen file could be read (docx at least should)")
	}
}

// fixedLayout re-lays a text as a PDF text extractor gives it: each
// paragraph wrapped at width display columns (the first line indented by
// indent columns), a space on each side of every run of ASCII letters and
// digits, a page number — N — and a form feed every pageLines lines, tabs
// as spaces.
func fixedLayout(text string, width, indent, pageLines int) string {
	var out strings.Builder
	line, page := 0, 1
	emit := func(s string) {
		out.WriteString(s)
		out.WriteByte('\n')
		line++
		if line%pageLines == 0 {
			fmt.Fprintf(&out, "— %d —\n\f", page)
			page++
		}
	}
	for _, para := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		para = strings.ReplaceAll(para, "\t", "    ")
		// spaces around ASCII runs
		var sp strings.Builder
		prevASCII := false
		for i, r := range para {
			a := r < utf8.RuneSelf && !unicode.IsSpace(r)
			if i > 0 && a != prevASCII && r != ' ' {
				sp.WriteByte(' ')
			}
			sp.WriteRune(r)
			prevASCII = a
		}
		var cur strings.Builder
		w := indent
		cur.WriteString(strings.Repeat(" ", indent))
		for _, r := range sp.String() {
			rw := runeWidth(r)
			if w+rw > width {
				emit(cur.String())
				cur.Reset()
				w = 0
			}
			cur.WriteRune(r)
			w += rw
		}
		emit(cur.String())
	}
	fmt.Fprintf(&out, "— %d —\n", page)
	return out.String()
}

// TestGongwenFixedLayout: the 公文 wrapped as a PDF page wraps it, with
// Han–digit spaces and page numbers, still gives every field (the
// extractors' layouts: no indentation, and -layout's indented paragraphs).
func TestGongwenFixedLayout(t *testing.T) {
	want := readGongwenFields(t)
	b, err := os.ReadFile(testenv.Shared(t, "bench", "intake", "expected", "gongwen.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ width, indent, page int }{{56, 0, 22}, {56, 4, 22}, {44, 0, 30}, {60, 4, 18}} {
		text := fixedLayout(string(b), c.width, c.indent, c.page)
		name := fmt.Sprintf("width %d indent %d", c.width, c.indent)
		compareGongwen(t, name, text, want, false)
		if d := Parse(text); d.Layout != "wrapped" || len(d.PageNumbers) == 0 {
			t.Errorf("%s: layout %s, %d page numbers", name, d.Layout, len(d.PageNumbers))
		}
	}
}

// TestOFDGongwen: the OFD 公文's key lines (expected/n.lines.txt, lines of
// the fixed layout with a number broken over two lines) give its number,
// title, addressee, date and 印发 line.
func TestOFDGongwen(t *testing.T) {
	b, err := os.ReadFile(testenv.Shared(t, "bench", "intake", "expected", "n.lines.txt"))
	if err != nil {
		t.Fatal(err)
	}
	checkOFDGongwen(t, "n.lines.txt", string(b))
	// the OFD file itself, through the input package's reader
	doc, err := input.Read(input.Source{Path: testenv.Shared(t, "bench", "intake", "ofd", "n.ofd"), Size: -1}, input.Options{})
	if err != nil {
		t.Fatalf("n.ofd: %v", err)
	}
	checkOFDGongwen(t, "n.ofd", doc.Text)
}

func checkOFDGongwen(t *testing.T, name, text string) {
	t.Helper()
	d := Parse(text)
	got := func(f *Field) string { return fieldText(f) }
	num := "<absent>"
	if d.Number != nil {
		num = d.Number.Text
	}
	title := "<absent>"
	if d.Title != nil {
		title = d.Title.Text + " " + d.Title.DocType
	}
	date, pd := "<absent>", "<absent>"
	if d.Date != nil {
		date = d.Date.ISO
	}
	if d.PrintedDate != nil {
		pd = d.PrintedDate.ISO
	}
	for _, c := range []struct{ what, got, want string }{
		{"number", num, "路卫发〔2011〕76号"},
		{"title", title, "关于同意张阿三同志辞职的批复 批复"},
		{"addressee", got(d.Addressees), "区中医院"},
		{"mark", got(d.IssuerMark), "测试符路桥区卫生局文件"},
		{"date", date, "2011-03-10"},
		{"printed date", pd, "2011-03-10"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %s = %q, want %q", name, c.what, c.got, c.want)
		}
	}
	// the two cited numbers, each broken over two lines
	var cited []string
	for _, c := range d.Citations {
		if c.Number != nil {
			cited = append(cited, c.Number.Text)
		}
	}
	if strings.Join(cited, " ") != "路中医发〔2011〕10号 浙人才〔1993〕73号" {
		t.Errorf("%s: cited numbers %v", name, cited)
	}
	if t.Failed() {
		t.Log(dumpJSON(d))
	}
}

// TestTraditionalGongwen: the 公文 in Traditional characters, parsed on its
// folded text, gives the same elements, with offsets and texts of the
// Traditional text and Simplified keys.
func TestTraditionalGongwen(t *testing.T) {
	b, err := os.ReadFile(testenv.Shared(t, "bench", "intake", "expected", "gongwen.txt"))
	if err != nil {
		t.Fatal(err)
	}
	conv, err := script.NewConverter("s2t")
	if err != nil {
		t.Fatal(err)
	}
	trad := conv.Convert(string(b))
	folded, ok := script.FoldIfTraditional(trad)
	if !ok {
		t.Fatal("not folded")
	}
	d := ParseFolded(trad, folded)
	simp := Parse(string(b))
	if d.Title == nil || d.Title.Text != conv.Convert(simp.Title.Text) || d.Title.DocType != "通知" {
		t.Fatalf("title %+v", d.Title)
	}
	if got := trad[d.Title.Start:d.Title.End]; compactOf(got, -1) != d.Title.Text {
		t.Errorf("title offsets give %q", got)
	}
	if len(d.Headings) != len(simp.Headings) || d.Headings[5].Text() != conv.Convert(simp.Headings[5].Text()) {
		t.Errorf("headings %d, want %d", len(d.Headings), len(simp.Headings))
	}
	for _, h := range d.Headings {
		if got := compactOf(trad[h.Start:h.End], -1); got != h.Text() {
			t.Errorf("heading offsets give %q, not %q", got, h.Text())
		}
	}
	if d.Date == nil || d.Date.ISO != "2026-03-18" || len(d.Signatures) != 1 || d.CC == nil {
		t.Errorf("closing/版记: %s", dumpJSON(d))
	}
	if len(d.Citations) != len(simp.Citations) {
		t.Errorf("%d citations, want %d", len(d.Citations), len(simp.Citations))
	}
}
