// Command measure measures pkg/structure: element coverage over the shared
// ministry notices (DEV and TEST, SPLIT.md), the blind gold of 20 TEST
// notices, the fictional 公文 in every format given as text files, and the
// OFD 公文's key lines. It prints Markdown for bench/RESULTS.md.
//
//	go run ./bench/structure/measure -shared ../shared -gold bench/structure/gold/notices_test.json [gongwen texts...]
package main

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"zhpolicy/pkg/structure"
)

func main() {
	shared := flag.String("shared", "../shared", "the shared data")
	goldPath := flag.String("gold", "bench/structure/gold/notices_test.json", "blind gold of the TEST notices")
	errorsOut := flag.String("errors", "", "write the gold disagreements to this file")
	ofdText := flag.String("ofd", "", "the text pkg/input extracts from ofd/n.ofd (optional)")
	flag.Parse()
	corpus := filepath.Join(*shared, "corpus", "ministry_provincial_notices")
	docs, err := loadCorpus(corpus)
	if err != nil {
		fail(err)
	}
	coverage(docs)
	gold(docs, *goldPath, *errorsOut)
	gongwen(*shared, flag.Args())
	ofd(*shared, *ofdText)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "measure:", err)
	os.Exit(1)
}

type doc struct {
	name  string
	test  bool
	text  string
	d     *structure.Document
	index string // release_date of index.tsv
}

// isTest is SPLIT.md's rule: the first byte of sha256(file name) < 77.
func isTest(file string) bool {
	h := sha256.Sum256([]byte(file))
	return h[0] < 77
}

func loadCorpus(dir string) ([]doc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("%s: no documents (%v)", dir, err)
	}
	index := map[string]string{}
	if f, err := os.Open(filepath.Join(dir, "index.tsv")); err == nil {
		r := csv.NewReader(f)
		r.Comma = '\t'
		r.LazyQuotes = true
		r.FieldsPerRecord = -1
		rows, _ := r.ReadAll()
		f.Close()
		for _, row := range rows {
			if len(row) > 2 {
				index[filepath.Base(row[0])] = row[2]
			}
		}
	}
	var out []doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		base := filepath.Base(f)
		out = append(out, doc{name: strings.TrimSuffix(base, ".txt"), test: isTest(base), text: string(b),
			d: structure.Parse(string(b)), index: index[base]})
	}
	return out, nil
}

func pct(n, of int) string {
	if of == 0 {
		return "–"
	}
	return fmt.Sprintf("%d (%.0f%%)", n, 100*float64(n)/float64(of))
}

// coverage counts the documents that get each element, DEV and TEST.
func coverage(docs []doc) {
	fmt.Println("Element coverage over `corpus/ministry_provincial_notices` (185 notices, most scraped without")
	fmt.Println("their 版头 and 版记, so most elements are absent from the text; a count says how many documents")
	fmt.Println("the parser gave the element, not how many have it):")
	fmt.Println()
	fmt.Println("| split | docs | title | 成文日期 | 发文字号 | 主送机关 | 署名 | 附件说明 | attachments | 版记 | headings | citations | date = index date |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, split := range []bool{false, true} {
		var n, title, date, num, addr, sig, note, att, rec, head, cite, dated, same int
		for _, x := range docs {
			if x.test != split {
				continue
			}
			d := x.d
			n++
			count := func(b bool, c *int) {
				if b {
					*c++
				}
			}
			count(d.Title != nil, &title)
			count(d.Date != nil, &date)
			count(d.Number != nil, &num)
			count(d.Addressees != nil, &addr)
			count(len(d.Signatures) > 0, &sig)
			count(d.AttachmentNote != nil, &note)
			count(len(d.Attachments) > 0, &att)
			count(d.CC != nil || d.PrintedDate != nil, &rec)
			count(len(d.Headings) > 0, &head)
			count(len(d.Citations) > 0, &cite)
			if d.Date != nil && x.index != "" {
				dated++
				count(d.Date.ISO == x.index, &same)
			}
		}
		name := "DEV"
		if split {
			name = "TEST"
		}
		fmt.Printf("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d of %d |\n", name, n,
			pct(title, n), pct(date, n), pct(num, n), pct(addr, n), pct(sig, n), pct(note, n), pct(att, n),
			pct(rec, n), pct(head, n), pct(cite, n), same, dated)
	}
	fmt.Println()
}

type goldDoc struct {
	Doc          string         `json:"doc"`
	Title        *string        `json:"title"`
	DocNumber    *string        `json:"doc_number"`
	Addressees   *string        `json:"addressees"`
	Attachments  []string       `json:"attachments"`
	Signatures   []string       `json:"signatures"`
	Date         *string        `json:"date"`
	Note         *string        `json:"note"`
	PrintedBy    *string        `json:"printed_by"`
	PrintedDate  *string        `json:"printed_date"`
	CitedNumbers []string       `json:"cited_numbers"`
	Headings     map[string]int `json:"headings"`
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// tally counts one field over the gold documents.
type tally struct{ correct, wrong, missed, spurious, absentOK int }

func (t *tally) add(gold, got string) bool {
	switch {
	case gold == "" && got == "":
		t.absentOK++
	case gold == "":
		t.spurious++
	case got == "":
		t.missed++
	case gold == got:
		t.correct++
	default:
		t.wrong++
	}
	return gold == got
}

// gold compares the parser with the blind gold of 20 TEST notices.
func gold(docs []doc, path, errorsOut string) {
	b, err := os.ReadFile(path)
	if err != nil {
		fail(err)
	}
	var gs []goldDoc
	if err := json.Unmarshal(b, &gs); err != nil {
		fail(err)
	}
	byName := map[string]*structure.Document{}
	for _, x := range docs {
		byName[x.name] = x.d
	}
	fields := []string{"title", "发文字号", "主送机关", "附件说明", "署名", "成文日期", "附注", "印发机关", "印发日期", "cited numbers"}
	tallies := map[string]*tally{}
	for _, f := range fields {
		tallies[f] = &tally{}
	}
	var errs []string
	kinds := []string{"一、", "（一）", "1.", "（1）", "第N章", "第N节", "第N条"}
	var hMatched, hTool, hGold, hExact, hDocs int
	for _, g := range gs {
		d := byName[g.Doc]
		if d == nil {
			fail(fmt.Errorf("gold names %s, not in the corpus", g.Doc))
		}
		got := map[string]string{}
		if d.Title != nil {
			got["title"] = d.Title.Text
		}
		if d.Number != nil {
			got["发文字号"] = d.Number.Text
		}
		if d.Addressees != nil {
			got["主送机关"] = d.Addressees.Text
		}
		if d.AttachmentNote != nil {
			var items []string
			for _, it := range d.AttachmentNote.Items {
				items = append(items, it.Text)
			}
			got["附件说明"] = strings.Join(items, " | ")
		}
		var sigs []string
		for _, s := range d.Signatures {
			sigs = append(sigs, s.Text)
		}
		got["署名"] = strings.Join(sigs, " | ")
		if d.Date != nil {
			got["成文日期"] = d.Date.ISO
		}
		var notes []string
		for _, n := range d.Notes {
			notes = append(notes, n.Text)
		}
		got["附注"] = strings.Join(notes, " | ")
		if d.PrintedBy != nil {
			got["印发机关"] = d.PrintedBy.Text
		}
		if d.PrintedDate != nil {
			got["印发日期"] = d.PrintedDate.ISO
		}
		var cited []string
		for _, c := range d.Citations {
			if c.Number != nil {
				cited = append(cited, c.Number.Canonical())
			}
		}
		sort.Strings(cited)
		got["cited numbers"] = strings.Join(cited, " | ")
		gc := append([]string(nil), g.CitedNumbers...)
		sort.Strings(gc)
		want := map[string]string{
			"title": str(g.Title), "发文字号": str(g.DocNumber), "主送机关": str(g.Addressees),
			"附件说明": strings.Join(g.Attachments, " | "), "署名": strings.Join(g.Signatures, " | "),
			"成文日期": str(g.Date), "附注": str(g.Note), "印发机关": str(g.PrintedBy), "印发日期": str(g.PrintedDate),
			"cited numbers": strings.Join(gc, " | "),
		}
		for _, f := range fields {
			if !tallies[f].add(want[f], got[f]) {
				errs = append(errs, fmt.Sprintf("%s %s: gold %q, tool %q", g.Doc, f, want[f], got[f]))
			}
		}
		if g.Headings == nil {
			continue
		}
		hDocs++
		count := map[string]int{}
		for _, h := range d.Headings {
			count[h.Kind]++
		}
		exact := true
		var diff []string
		for _, k := range kinds {
			hTool += count[k]
			hGold += g.Headings[k]
			hMatched += min(count[k], g.Headings[k])
			if count[k] != g.Headings[k] {
				exact = false
				diff = append(diff, fmt.Sprintf("%s %d (gold %d)", k, count[k], g.Headings[k]))
			}
		}
		if exact {
			hExact++
		} else {
			errs = append(errs, fmt.Sprintf("%s headings: %s", g.Doc, strings.Join(diff, ", ")))
		}
	}
	fmt.Printf("Blind gold, %d TEST notices (`bench/structure/gold/`, written before the parser existed). A field\n", len(gs))
	fmt.Println("is correct when the text (dates: ISO) is exactly the gold's; \"absent, right\" counts documents")
	fmt.Println("without the element where the parser gave none, \"spurious\" those where it invented one:")
	fmt.Println()
	fmt.Println("| field | correct | wrong | missed | spurious | absent, right |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: |")
	for _, f := range fields {
		t := tallies[f]
		fmt.Printf("| %s | %d | %d | %d | %d | %d |\n", f, t.correct, t.wrong, t.missed, t.spurious, t.absentOK)
	}
	p, r := 0.0, 0.0
	if hTool > 0 {
		p = float64(hMatched) / float64(hTool)
	}
	if hGold > 0 {
		r = float64(hMatched) / float64(hGold)
	}
	fmt.Println()
	fmt.Printf("Headings (counts by kind, %d documents with counted gold): %d in the gold, %d found; matched %d:\n", hDocs, hGold, hTool, hMatched)
	fmt.Printf("precision %.3f, recall %.3f; every count exact in %d of %d documents.\n\n", p, r, hExact, hDocs)
	if errorsOut != "" {
		if err := os.WriteFile(errorsOut, []byte(strings.Join(errs, "\n")+"\n"), 0o644); err != nil {
			fail(err)
		}
	}
	fmt.Println("Disagreements with the gold:")
	fmt.Println()
	fmt.Println("```")
	for _, e := range errs {
		fmt.Println(e)
	}
	fmt.Println("```")
	fmt.Println()
}

// gongwenFields is expected/gongwen.fields.json (the fields compared).
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
		RunIn bool   `json:"run_in"`
	} `json:"headings"`
}

func text(f *structure.Field) string {
	if f == nil {
		return ""
	}
	return f.Text
}

// gongwen checks the fictional 公文's fields in each text given (the
// expected text, and the texts extracted from its other formats).
func gongwen(shared string, texts []string) {
	b, err := os.ReadFile(filepath.Join(shared, "bench", "intake", "expected", "gongwen.fields.json"))
	if err != nil {
		fail(err)
	}
	var want gongwenFields
	if err := json.Unmarshal(b, &want); err != nil {
		fail(err)
	}
	all := append([]string{filepath.Join(shared, "bench", "intake", "expected", "gongwen.txt")}, texts...)
	fmt.Println("The fictional 公文 (`intake/gongwen.*`) against `expected/gongwen.fields.json`: 11 fields and 19")
	fmt.Println("headings (level, text as printed, run-in):")
	fmt.Println()
	fmt.Println("| text | layout | fields right | headings right | wrong |")
	fmt.Println("| --- | --- | ---: | ---: | --- |")
	for _, p := range all {
		b, err := os.ReadFile(p)
		if err != nil {
			fail(err)
		}
		d := structure.Parse(string(b))
		var sigs, notes, items []string
		for _, s := range d.Signatures {
			sigs = append(sigs, s.Text)
		}
		for _, n := range d.Notes {
			notes = append(notes, n.Text)
		}
		if d.AttachmentNote != nil {
			for _, it := range d.AttachmentNote.Items {
				items = append(items, it.Text)
			}
		}
		num, title, date, pd := "", "", "", ""
		if d.Number != nil {
			num = d.Number.Text
		}
		if d.Title != nil {
			title = d.Title.Text
		}
		if d.Date != nil {
			date = d.Date.Text
		}
		if d.PrintedDate != nil {
			pd = d.PrintedDate.Text
		}
		checks := []struct{ name, got, want string }{
			{"issuer_mark", text(d.IssuerMark), want.IssuerMark}, {"doc_number", num, want.DocNumber},
			{"title", title, want.Title}, {"addressees", text(d.Addressees), want.Addressees},
			{"attachments", strings.Join(items, "|"), strings.Join(want.Attachments, "|")},
			{"signature", strings.Join(sigs, "|"), want.Signature}, {"date", date, want.Date},
			{"note", strings.Join(notes, "|"), want.Note}, {"cc", text(d.CC), want.CC},
			{"printed_by", text(d.PrintedBy), want.PrintedBy}, {"printed_date", pd, want.PrintedDate},
		}
		right := 0
		var wrong []string
		for _, c := range checks {
			if c.got == c.want {
				right++
			} else {
				wrong = append(wrong, c.name)
			}
		}
		hr := 0
		for i, h := range want.Headings {
			if i < len(d.Headings) && d.Headings[i].Level == h.Level && d.Headings[i].Text() == h.Text && d.Headings[i].RunIn == h.RunIn {
				hr++
			}
		}
		if len(d.Headings) != len(want.Headings) {
			wrong = append(wrong, fmt.Sprintf("%d headings", len(d.Headings)))
		}
		name := filepath.Base(p)
		if strings.HasPrefix(p, os.TempDir()) {
			name = strings.TrimSuffix(name, ".txt")
		}
		fmt.Printf("| %s | %s | %d/%d | %d/%d | %s |\n", name, d.Layout, right, len(checks), hr, len(want.Headings), strings.Join(wrong, ", "))
	}
	fmt.Println()
}

// ofd checks the OFD 公文: its expected key lines, and the text extracted
// from the file when given.
func ofd(shared, extracted string) {
	srcs := []string{filepath.Join(shared, "bench", "intake", "expected", "n.lines.txt")}
	head := "| element | `expected/n.lines.txt` |"
	sep := "| --- | --- |"
	if extracted != "" {
		srcs = append(srcs, extracted)
		head += " `n.ofd` read by pkg/input |"
		sep += " --- |"
	}
	var docs []*structure.Document
	for _, p := range srcs {
		b, err := os.ReadFile(p)
		if err != nil {
			fail(err)
		}
		docs = append(docs, structure.Parse(string(b)))
	}
	get := func(f func() string) string {
		defer func() { _ = recover() }()
		return f()
	}
	fmt.Println("The OFD 公文 (`ofd/n.ofd`):")
	fmt.Println()
	fmt.Println(head)
	fmt.Println(sep)
	row := func(name string, f func(d *structure.Document) string) {
		fmt.Printf("| %s |", name)
		for _, d := range docs {
			fmt.Printf(" %s |", get(func() string { return f(d) }))
		}
		fmt.Println()
	}
	row("发文字号", func(d *structure.Document) string { return d.Number.Text })
	row("标题 (文种)", func(d *structure.Document) string { return d.Title.Text + " (" + d.Title.DocType + ")" })
	row("主送机关", func(d *structure.Document) string { return text(d.Addressees) })
	row("成文日期", func(d *structure.Document) string { return d.Date.ISO })
	row("印发 line", func(d *structure.Document) string {
		return strings.TrimSpace(text(d.PrintedBy) + " " + d.PrintedDate.ISO + " 印发")
	})
	row("cited numbers (broken over two lines in the key lines)", func(d *structure.Document) string {
		var cited []string
		for _, c := range d.Citations {
			if c.Number != nil {
				cited = append(cited, c.Number.Text)
			}
		}
		return strings.Join(cited, ", ")
	})
	fmt.Println()
}
