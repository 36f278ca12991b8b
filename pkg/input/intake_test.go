package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhpolicy/internal/intakecheck"
	"zhpolicy/internal/testenv"
)

// intakeDir returns ../shared/bench/intake (skipped on a clone without it,
// failing in CI).
func intakeDir(t testing.TB) string {
	t.Helper()
	return testenv.Shared(t, "bench", "intake")
}

// TestIntakeFixtures reads every fixture of ../shared/bench/intake and
// checks what its manifest row asks: the expected lines (at least 98%
// found, by the folder's comparison rules), no text and a warning for a
// page without a text layer, and a clear error naming the file for the
// bad ones.
func TestIntakeFixtures(t *testing.T) {
	dir := intakeDir(t)
	fixtures, err := intakecheck.Manifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	wantErr := map[string]struct {
		kind error
		msg  string
	}{
		"bad/encrypted_open_password.pdf":  {ErrEncrypted, "encrypted PDF: a password is needed"},
		"bad/encrypted_open_password.docx": {ErrEncrypted, "encrypted .docx (password protected)"},
		"bad/encrypted_open_password.doc":  {ErrEncrypted, "encrypted .doc (password protected)"},
		"bad/truncated.pdf":                {ErrCorrupt, "truncated or damaged PDF"},
		"bad/zipbomb_200mb.docx":           {ErrTooLarge, "too large: word/document.xml unpacks to more than the 128.0 MiB limit"},
		"bad/empty.ofd":                    {ErrCorrupt, "empty file (0 bytes)"},
	}
	for _, fx := range fixtures {
		t.Run(fx.File, func(t *testing.T) {
			path := filepath.Join(dir, filepath.FromSlash(fx.File))
			doc, err := Read(Source{Path: path}, Options{})
			switch fx.Expect {
			case "error":
				w, ok := wantErr[fx.File]
				if !ok {
					t.Fatalf("no expected error for %s", fx.File)
				}
				if err == nil {
					t.Fatalf("Read = %d bytes of text, want an error", len(doc.Text))
				}
				if !errors.Is(err, w.kind) || !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), w.msg) {
					t.Errorf("error = %q (%v), want %v naming the file and saying %q", err, errors.Unwrap(err), w.kind, w.msg)
				}
				return
			case "no_text_layer":
				if err != nil {
					t.Fatal(err)
				}
				if strings.TrimSpace(doc.Text) != "" || len(doc.Warnings) == 0 || !strings.Contains(doc.Warnings[0].Message, "OCR") ||
					doc.Warnings[0].Page != 1 || doc.HasTextLayer() {
					t.Errorf("text %q, warnings %v: want no text and a warning suggesting OCR for page 1", doc.Text, doc.Warnings)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(fx.Expected)))
			if err != nil {
				t.Fatal(err)
			}
			res := intakecheck.Compare(doc.Text, string(want), fx.Expect == "lines")
			if res.Found*100 < res.Lines*98 {
				t.Errorf("%s: %d of %d expected lines found; missing %q", doc.Format, res.Found, res.Lines, res.Missing)
			}
		})
	}
}
