package corpus

import (
	"strings"
	"testing"

	"zhpolicy/pkg/segment"
)

// TestLoad: one file read whole as the loop reads it — decoded (GBK here),
// cleaned (the pinyin annotations gone), segmented into tokens that are the
// cleaned text at their offsets; a missing file is an error naming it.
func TestLoad(t *testing.T) {
	seg, err := testSeg()
	if err != nil {
		t.Fatal(err)
	}
	opts := segment.Options{Mode: segment.Precise, POS: true}
	d, err := Load("../../testdata/sample/gbk_notice.txt", seg, opts)
	if err != nil {
		t.Fatal(err)
	}
	if d.Encoding != "gb18030" || d.In == nil || len(d.In.Tokens) == 0 || d.In.Text != d.Text {
		t.Fatalf("gbk_notice: encoding %q, input %v", d.Encoding, d.In != nil)
	}
	last := int32(0)
	for _, tk := range d.In.Tokens {
		if tk.Start < last || d.Text[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %q at %d–%d is not the text there (or out of order)", tk.Text, tk.Start, tk.End)
		}
		last = tk.End
	}
	p, err := Load("../../testdata/sample/pinyin_annotated.txt", seg, opts)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(p.Text, "(guān)") || !strings.Contains(p.Original, "(guān)") {
		t.Errorf("pinyin_annotated: not cleaned: %.80q", p.Text)
	}
	if _, err := Load("../../testdata/sample/missing.txt", seg, opts); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("a missing file: %v", err)
	}
}
