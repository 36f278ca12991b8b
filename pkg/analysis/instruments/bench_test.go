package instruments

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/script"
)

// BenchmarkCode codes a policy text (the shared corpus's central_070 when
// present, else the sample repeated) with the built-in frame.
func BenchmarkCode(b *testing.B) {
	text := strings.Repeat(sample, 40)
	if data, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "corpus", "ministry_provincial_notices", "central_070.txt")); err == nil {
		text = string(data)
	}
	f, _ := Builtin()
	c, err := NewCoder(f)
	if err != nil {
		b.Fatal(err)
	}
	in := analysis.NewInput("d", text, script.Detect(text).Kind, nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Code(context.Background(), in, Options{Unit: UnitSentence}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewCoder(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		f, _ := Builtin()
		if _, err := NewCoder(f); err != nil {
			b.Fatal(err)
		}
	}
}
