package structure_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/flagtest"
	"zhpolicy/internal/testenv"
	structurecmd "zhpolicy/pkg/cmd/structure"
	"zhpolicy/pkg/structure"
)

func TestFlagParsing(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
		check   func(t *testing.T, o *structurecmd.Options)
	}{
		{args: []string{"a.txt"}, check: func(t *testing.T, o *structurecmd.Options) {
			if o.Show != "elements" || o.By != "" || o.Format != "table" {
				t.Errorf("defaults: %+v", o)
			}
		}},
		{args: []string{"--show", "citations", "--format", "csv", "x"}, check: func(t *testing.T, o *structurecmd.Options) {
			if o.Show != "citations" || o.Format != "csv" {
				t.Errorf("parsed: %+v", o)
			}
		}},
		{args: []string{"--by", "issuer", "x"}, check: func(t *testing.T, o *structurecmd.Options) {
			if o.By != "issuer" {
				t.Errorf("parsed: %+v", o)
			}
		}},
		{args: []string{"--show", "pages"}, wantErr: "invalid --show"},
		{args: []string{"--by", "stage"}, wantErr: "needs a --meta CSV"},
		{args: []string{"--by", "year", "--show", "headings"}, wantErr: "cannot be used with --show"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := flagtest.Parse(t, structurecmd.NewCmdStructure, nil, tt.args)
			if flagtest.Done(t, err, tt.wantErr) {
				return
			}
			tt.check(t, got)
		})
	}
}

// record is one JSON Lines record of the structure command.
type record struct {
	File      string             `json:"file"`
	Meta      structure.Meta     `json:"meta"`
	Structure structure.Document `json:"structure"`
}

// TestJSONOffsetsInTheGivenText: the JSON gives every element with byte
// offsets into the file as given, for the wrapped PDF-like text too.
func TestJSONOffsetsInTheGivenText(t *testing.T) {
	out := clitest.MustRun(t, clitest.Options{}, "structure", "--format", "jsonl", "testdata/structure/")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d records:\n%s", len(lines), out)
	}
	for _, l := range lines {
		var r record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(filepath.Join(testenv.Root(), r.File))
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		d := r.Structure
		if filepath.Base(r.File) == "lj_2012_draft.txt" {
			if d.Number == nil || len(d.Number.Nonstandard) != 3 || d.Date == nil || d.Date.Arabic || d.Date.ISO != "2012-07-01" {
				t.Errorf("old draft: %s", l)
			}
			continue
		}
		if d.Number == nil || d.Title == nil || d.Date == nil || len(d.Signatures) == 0 || d.PrintedDate == nil {
			t.Fatalf("%s: elements missing: %s", r.File, l)
		}
		if got := strings.ReplaceAll(text[d.Number.Start:d.Number.End], " ", ""); got != d.Number.Text {
			t.Errorf("%s: number offsets give %q", r.File, got)
		}
		if got := text[d.Signatures[0].Start:d.Signatures[0].End]; got != d.Signatures[0].Text {
			t.Errorf("%s: signature offsets give %q", r.File, got)
		}
		for _, c := range d.Citations {
			if c.Number != nil && !strings.Contains(strings.Join(strings.Fields(text[c.Start:c.End]), ""), c.Number.Text) {
				t.Errorf("%s: citation offsets give %q", r.File, text[c.Start:c.End])
			}
		}
		switch filepath.Base(r.File) {
		case "lj_2025_12.txt":
			if len(r.Meta.Issuers) != 2 || r.Meta.IssuerSource != "signature" || r.Meta.DocType != "办法" || r.Meta.Year != 2025 || !d.Number.Joint {
				t.Errorf("joint notice meta: %+v", r.Meta)
			}
		case "lj_2024_03.txt":
			if d.Layout != "wrapped" || len(d.PageNumbers) != 3 || d.Title.Text != "临江市人民政府办公室关于开展2024年度数字化车间评定工作的通知" {
				t.Errorf("wrapped notice: layout %s, %d pages, title %q", d.Layout, len(d.PageNumbers), d.Title.Text)
			}
			if d.AttachmentNote == nil || len(d.AttachmentNote.Items) != 2 || len(d.Attachments) != 2 {
				t.Errorf("attachments: %+v %+v", d.AttachmentNote, d.Attachments)
			}
		}
	}
}

func TestShowAndBy(t *testing.T) {
	out := clitest.MustRun(t, clitest.Options{}, "structure", "--show", "citations", "--format", "csv", "testdata/structure/")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || strings.Join(rows[0], ",") != "file,title,number,code,year,seq,start,end" {
		t.Errorf("citations:\n%s", out)
	}
	out = clitest.MustRun(t, clitest.Options{}, "structure", "--show", "headings", "testdata/structure/lj_2025_12.txt")
	for _, want := range []string{"（一）加强组织领导", "第一条", "2-1"} {
		if !strings.Contains(out, want) {
			t.Errorf("headings lack %q:\n%s", want, out)
		}
	}
	out = clitest.MustRun(t, clitest.Options{}, "structure", "--show", "sections", "--format", "tsv", "testdata/structure/lj_2025_12.txt")
	if !strings.Contains(out, "a1:1-2\t1\t第二条") {
		t.Errorf("sections:\n%s", out)
	}
	out = clitest.MustRun(t, clitest.Options{}, "structure", "--by", "year", "--format", "json", "testdata/structure/")
	var sum struct {
		By     string `json:"by"`
		Groups []struct {
			Year string `json:"year"`
			Docs int    `json:"docs"`
			Sig  int    `json:"signed"`
		} `json:"groups"`
		Issuers []struct {
			Issuer string `json:"issuer"`
		} `json:"issuers"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if sum.By != "year" || len(sum.Groups) != 3 || sum.Groups[0].Year != "2012" || len(sum.Issuers) != 4 {
		t.Errorf("by year: %s", out)
	}
}

func TestMetaColumn(t *testing.T) {
	dir := t.TempDir()
	meta := filepath.Join(dir, "meta.csv")
	if err := os.WriteFile(meta, []byte("file,stage,date\nlj_2025_12,execution,2025-07-01\nlj_2024_03,pilot,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := clitest.MustRun(t, clitest.Options{}, "structure", "--by", "stage", "--meta", meta, "--format", "csv", "testdata/structure/")
	if !strings.Contains(out, "execution,1,") || !strings.Contains(out, "pilot,1,") {
		t.Errorf("by stage:\n%s", out)
	}
	out = clitest.MustRun(t, clitest.Options{}, "structure", "--meta", meta, "--format", "jsonl", "testdata/structure/lj_2025_12.txt")
	if !strings.Contains(out, `"date":"2025-07-01","date_source":"meta"`) {
		t.Errorf("the meta date does not win:\n%s", out)
	}
	res := clitest.Run(t, clitest.Options{}, "structure", "--by", "agency", "--meta", meta, "testdata/structure/")
	if res.Code != 2 || !strings.Contains(res.Stderr, "no such column") {
		t.Errorf("unknown column: %d %s", res.Code, res.Stderr)
	}
}

// TestNoStructure: prose gives an empty table, exit 0.
func TestNoStructure(t *testing.T) {
	res := clitest.Run(t, clitest.Options{Stdin: "春天来了，河边的柳树发芽了。\n"}, "structure", "-")
	if res.Code != 0 || !strings.Contains(res.Stdout, "(no structure found)") {
		t.Errorf("%d %q %q", res.Code, res.Stdout, res.Stderr)
	}
}
