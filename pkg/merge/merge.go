// Package merge reads the partial files of separate runs (--emit partial)
// and adds them up: the library side of `zhpolicy merge` and of compare's
// partial inputs. Each kind of partial (freq, analyze …) has an adapter
// here that reads it, adds two of them, writes the sum back as a partial
// and shows it as its command would.
package merge

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/views"
)

// Partial is a partial of one kind, read (or the sum of several).
type Partial interface {
	// Envelope is the partial's envelope (kind, tool, parts).
	Envelope() *partial.Envelope
	// Add adds o, a partial of the same kind: it refuses one made with
	// other settings, one that holds a part this one holds (the same
	// documents counted twice), and counts that overflow.
	Add(o Partial) error
	// Write writes the partial (with tool as the writer's version).
	Write(w io.Writer, tool string) error
	// View is the report of the partial's command.
	View(disp *script.Display, o ViewOptions) *views.View
}

// ViewOptions are the report settings of merge.
type ViewOptions struct {
	Top      int // items shown; -1: the command's own default
	MinCount int64
	Format   string
}

// readers are the kinds merge knows, by the kind in the envelope.
var readers = map[string]func(pr *partial.Reader, header []byte) (Partial, error){
	"freq":            readFreq,
	"analyze":         readAnalyze,
	"instruments":     readInstruments,
	"network":         readNetwork,
	"entities":        readEntities,
	"slogans":         readSlogans,
	"keywords":        readKeywords,
	kw.KindBackground: readBackground,
}

// Kinds lists the kinds of partial merge knows.
func Kinds() []string {
	var out []string
	for k := range readers {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Files expands directories into their partial files, sorted.
func Files(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: no such file or directory", p)
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(path, ".jsonl") || strings.HasSuffix(path, ".jsonl.gz")) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no .jsonl or .jsonl.gz partial files in this directory", p)
		}
		slices.Sort(found)
		out = append(out, found...)
	}
	return out, nil
}

// Read reads a partial file ("-": stdin): one partial, or several one
// after the other (cat a.jsonl b.jsonl), which are added up.
func Read(path string, stdin io.Reader) (Partial, error) {
	rc, err := partial.Open(path, stdin)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	pr := partial.NewReader(path, rc)
	var sum Partial
	for first := true; ; first = false {
		env, line, err := pr.Next(first)
		if err == io.EOF {
			return sum, nil
		}
		if err != nil {
			return nil, err
		}
		at := pr.Line
		read := readers[env.Kind]
		if read == nil {
			return nil, fmt.Errorf("%s:%d: a partial of %q, which merge does not know (it knows %s)", path, at, env.Kind, strings.Join(Kinds(), ", "))
		}
		p, err := read(pr, line)
		if err != nil {
			return nil, err
		}
		if sum == nil {
			sum = p
			continue
		}
		if err := Add(sum, p); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, at, err)
		}
	}
}

// Add adds q to p, when they are of one kind.
func Add(p, q Partial) error {
	if pk, qk := p.Envelope().Kind, q.Envelope().Kind; pk != qk {
		return fmt.Errorf("a partial of %s and one of %s: merge partials of one command", pk, qk)
	}
	if err := p.Add(q); err != nil {
		return err
	}
	if e := p.Envelope(); e.Tool == "" {
		e.Tool = q.Envelope().Tool
	}
	return nil
}
