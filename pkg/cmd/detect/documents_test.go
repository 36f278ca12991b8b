package detect_test

import (
	"path/filepath"
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
	"zhpolicy/internal/testenv"
)

// Documents: the format from the content, the pages, the text layer and
// the producer the file names.
func TestDocuments(t *testing.T) {
	pdf := filepath.Join(testenv.Root(), "pkg", "input", "testdata", "pdf", "rc4-40.pdf")
	r := clitest.Run(t, clitest.Options{}, "detect", "--format", "json", pdf)
	if r.Code != 0 || !strings.Contains(r.Stdout, `"format": "pdf"`) || !strings.Contains(r.Stdout, `"pages": 1`) ||
		!strings.Contains(r.Stdout, `"text_layer": "yes"`) || !strings.Contains(r.Stdout, `"producer": "zhpolicy test"`) {
		t.Errorf("exit %d, stdout %s, stderr %s", r.Code, r.Stdout, r.Stderr)
	}
	dir := testenv.Shared(t, "bench", "intake")
	r = clitest.Run(t, clitest.Options{}, "detect", filepath.Join(dir, "pdf-fonts", "identity_h_no_tounicode.pdf"), filepath.Join(dir, "ofd", "n.ofd"))
	if r.Code != 0 || !strings.Contains(r.Stdout, "│ no ") || !strings.Contains(r.Stdout, "│ ofd ") || !strings.Contains(r.Stderr, "run OCR") {
		t.Errorf("exit %d, stdout %s, stderr %s", r.Code, r.Stdout, r.Stderr)
	}
}
