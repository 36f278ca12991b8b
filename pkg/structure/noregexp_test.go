package structure

import (
	goparser "go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoRegexp: the parser is scanners only (issue 23): no file of the
// package imports regexp.
func TestNoRegexp(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := goparser.ParseFile(fset, f, nil, goparser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range af.Imports {
			if strings.Trim(im.Path.Value, `"`) == "regexp" {
				t.Errorf("%s imports regexp", f)
			}
		}
	}
}
