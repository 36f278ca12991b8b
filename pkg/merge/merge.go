// Package merge reads the partial files of separate runs (--emit partial)
// and adds them up: the library side of `zhpolicy merge` and of compare's
// partial inputs.
package merge

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/analysis/overview"
	"zhpolicy/pkg/partial"
)

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

// Part is one partial read, or several merged.
type Part struct {
	Name    string // the file it came from (the first, when merged)
	Command string // the command that wrote it: freq or analyze
	Tool    string // the zhpolicy version that wrote it
	// freq partials
	FreqSettings freq.Settings
	Counts       *freq.Counts
	// analyze partials
	OverviewSettings overview.Settings
	Summary          *overview.Summary
}

// Read reads a partial file ("-": stdin): one partial, or several one
// after the other (cat a.jsonl b.jsonl), which are merged.
func Read(path string, stdin io.Reader) (Part, error) {
	rc, err := partial.Open(path, stdin)
	if err != nil {
		return Part{}, err
	}
	defer rc.Close()
	lr := freq.NewLineReader(path, rc)
	var p Part
	for first := true; first || lr.More(); first = false {
		env, line, err := lr.ReadEnvelope()
		if err != nil {
			return Part{}, err
		}
		at := lr.Line
		q := Part{Name: path, Command: env.Command, Tool: env.Tool}
		switch env.Command {
		case "freq":
			h, c, err := freq.ReadFreqBody(lr, line)
			if err != nil {
				return Part{}, err
			}
			q.FreqSettings, q.Counts = h.Settings, c
		case "analyze":
			h, s, err := overview.ReadBody(lr, line)
			if err != nil {
				return Part{}, err
			}
			q.OverviewSettings, q.Summary = h.Settings, s
		default:
			return Part{}, fmt.Errorf("%s:%d: a partial of %q, which merge does not know (freq or analyze)", path, at, env.Command)
		}
		if first {
			p = q
			continue
		}
		if err := p.Add(q); err != nil {
			return Part{}, fmt.Errorf("%s:%d: %v", path, at, err)
		}
	}
	return p, nil
}

// Add merges q into p, when they were made by the same command the same
// way.
func (p *Part) Add(q Part) error {
	if q.Command != p.Command {
		return fmt.Errorf("a partial of %s after one of %s: merge partials of one command", q.Command, p.Command)
	}
	switch p.Command {
	case "freq":
		if !q.FreqSettings.Equal(p.FreqSettings) {
			return fmt.Errorf("counted differently (%s): merge partials counted with the same flags", p.FreqSettings.Diff(q.FreqSettings))
		}
		p.Counts.Merge(q.Counts)
	case "analyze":
		if !q.OverviewSettings.Equal(p.OverviewSettings) {
			return fmt.Errorf("made with different settings (%+v vs %+v)", p.OverviewSettings, q.OverviewSettings)
		}
		p.Summary.Merge(q.Summary)
	}
	if p.Tool == "" {
		p.Tool = q.Tool
	}
	return nil
}
