package instruments_test

import (
	"strings"
	"testing"

	"zhpolicy/internal/clitest"
)

// TestByStructure: --by issuer and doctype group by the documents' own
// structure; --unit section codes the sections zhpolicy structure reads
// (an attachment's articles included).
func TestByStructure(t *testing.T) {
	out := clitest.MustRun(t, clitest.Options{}, "instruments", "--by", "issuer", "--format", "csv", "testdata/structure/")
	for _, want := range []string{"临江市工业和信息化局,", "临江市人民政府办公室,"} {
		if !strings.Contains(out, want) {
			t.Errorf("by issuer lacks %q:\n%s", want, out)
		}
	}
	out = clitest.MustRun(t, clitest.Options{}, "instruments", "--by", "doctype,year", "--format", "csv", "testdata/structure/")
	if !strings.Contains(out, "办法,2025,") || !strings.Contains(out, "通知,2024,") {
		t.Errorf("by doctype,year:\n%s", out)
	}
	out = clitest.MustRun(t, clitest.Options{}, "instruments", "--unit", "section", "--format", "csv", "testdata/structure/lj_2025_12.txt")
	if !strings.Contains(out, "\ntestdata/structure/lj_2025_12.txt,2-3,section,") {
		t.Errorf("the attachment's third article is not a unit:\n%s", out)
	}
}
