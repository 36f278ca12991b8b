// Package merge implements `zhpolicy merge`.
package merge

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis/freq"
	"zhpolicy/pkg/analysis/overview"
	analyzecmd "zhpolicy/pkg/cmd/analyze"
	freqcmd "zhpolicy/pkg/cmd/freq"
	"zhpolicy/pkg/cmd/freq/shared"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
)

// Options are the settings of one merge run.
type Options struct {
	IO      *iostreams.IOStreams
	Global  *cmdutil.GlobalOptions
	Version string

	Paths    []string
	Emit     string
	Top      int
	MinCount int
}

// NewCmdMerge returns the merge command. runF, when not nil, replaces the
// run function (tests check flag parsing with it).
func NewCmdMerge(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO, Global: f.Global, Version: f.Version}
	cmd := &cobra.Command{
		Use:   "merge partial...",
		Short: "Add up the partial counts of separate freq or analyze runs",
		Long: `Read partial files written by ` + "`zhpolicy freq --emit partial`" + ` or
` + "`zhpolicy analyze --emit partial`" + ` and print the report one run over all their
documents would have printed — the same counts, whatever the split of the
documents into runs and the order of the files.

A path may be a file (.jsonl, or .jsonl.gz compressed), - for standard
input, or a directory, whose *.jsonl and *.jsonl.gz files are read. All
partials must come from the same command with the same counting flags;
a partial that is cut short or damaged is refused, naming the file and line.

--emit partial writes the merged counts as one partial instead, to merge
again later (merging is associative: merge in a tree, in any order).
--top and --min-count apply to the report, as in freq and analyze.`,
		Example: `  # count shards anywhere, in parallel, then add up
  ls shards/ | parallel 'zhpolicy freq --emit partial shards/{} > parts/{}.jsonl'
  zhpolicy merge --top 50 parts/

  # merge in stages
  zhpolicy merge --emit partial parts/a*.jsonl > a.jsonl
  zhpolicy merge a.jsonl parts/b*.jsonl`,
		Args: cmdutil.MinimumArgs(1, "partial files or directories"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := cmdutil.ValidateFormat(opts.Global.Format, cmdutil.Formats); err != nil {
				return err
			}
			switch opts.Emit {
			case "report", "partial":
			default:
				return cmdutil.FlagErrorf("invalid --emit %q: use report or partial", opts.Emit)
			}
			if !c.Flags().Changed("top") {
				opts.Top = -1 // the default of the command that wrote the partials
			} else if err := cmdutil.CheckTop(opts.Top); err != nil {
				return err
			}
			if err := cmdutil.CheckMinCount(opts.MinCount); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return mergeRun(c.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Emit, "emit", "report", "report, or partial: the merged counts as one partial")
	fl.IntVarP(&opts.Top, "top", "k", 0, "terms shown (items per section for analyze); 0 for all (default: 20 for freq, 10 for analyze)")
	fl.IntVar(&opts.MinCount, "min-count", 1, "freq: leave out terms counted fewer times")
	return cmd
}

// files expands directories into their partial files, sorted.
func files(paths []string) ([]string, error) {
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

// part is one partial read.
type part struct {
	name    string
	command string
	tool    string
	fs      freq.Settings
	os      overview.Settings
	counts  *freq.Counts
	summary *overview.Summary
}

// read reads a partial file: one partial, or several one after the other
// (cat a.jsonl b.jsonl), which are merged.
func read(path string, opts *Options) (part, error) {
	rc, err := shared.OpenPartial(path, opts.IO.In)
	if err != nil {
		return part{}, err
	}
	defer rc.Close()
	lr := freq.NewLineReader(path, rc)
	var p part
	for first := true; first || lr.More(); first = false {
		env, line, err := lr.ReadEnvelope()
		if err != nil {
			return part{}, err
		}
		at := lr.Line
		q := part{name: path, command: env.Command, tool: env.Tool}
		switch env.Command {
		case "freq":
			h, c, err := freq.ReadFreqBody(lr, line)
			if err != nil {
				return part{}, err
			}
			q.fs, q.counts = h.Settings, c
		case "analyze":
			h, s, err := overview.ReadBody(lr, line)
			if err != nil {
				return part{}, err
			}
			q.os, q.summary = h.Settings, s
		default:
			return part{}, fmt.Errorf("%s:%d: a partial of %q, which merge does not know (freq or analyze)", path, at, env.Command)
		}
		if first {
			p = q
			continue
		}
		if err := p.add(q); err != nil {
			return part{}, fmt.Errorf("%s:%d: %v", path, at, err)
		}
	}
	return p, nil
}

// add merges q into p, when they were made by the same command the same
// way.
func (p *part) add(q part) error {
	if q.command != p.command {
		return fmt.Errorf("a partial of %s after one of %s: merge partials of one command", q.command, p.command)
	}
	switch p.command {
	case "freq":
		if !q.fs.Equal(p.fs) {
			return fmt.Errorf("counted differently (%s): merge partials counted with the same flags", p.fs.Diff(q.fs))
		}
		p.counts.Merge(q.counts)
	case "analyze":
		if !q.os.Equal(p.os) {
			return fmt.Errorf("made with different settings (%+v vs %+v)", p.os, q.os)
		}
		p.summary.Merge(q.summary)
	}
	if p.tool == "" {
		p.tool = q.tool
	}
	return nil
}

func mergeRun(ctx context.Context, opts *Options) error {
	paths, err := files(opts.Paths)
	if err != nil {
		return err
	}
	stdin := 0
	for _, p := range paths {
		if p == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return cmdutil.FlagErrorf("standard input (-) given more than once")
	}
	var first *part
	var total part
	tools := map[string]bool{}
	err = corpus.Map(ctx, paths, opts.Global.Jobs,
		func(ctx context.Context, _ int, path string) (part, error) { return read(path, opts) },
		func(_ int, path string, p part, err error) error {
			if err != nil {
				return err
			}
			if p.tool != "" {
				tools[p.tool] = true
			}
			if first == nil {
				first, total = &p, p
				return nil
			}
			if p.command != first.command {
				return fmt.Errorf("%s is a partial of %s, %s of %s: merge partials of one command", p.name, p.command, first.name, first.command)
			}
			if err := total.add(p); err != nil {
				return fmt.Errorf("%s and %s were %v", first.name, p.name, err)
			}
			return nil
		})
	if err != nil {
		return err
	}
	if len(tools) > 1 && !opts.Global.Quiet {
		fmt.Fprintf(opts.IO.ErrOut, "zhpolicy: warning: partials written by different versions of zhpolicy (%s): segmentation may differ\n",
			strings.Join(slices.Sorted(maps.Keys(tools)), ", "))
	}
	disp, err := cmdutil.NewDisplay(opts.Global.Script)
	if err != nil {
		return err
	}
	out := opts.IO.Out
	switch total.command {
	case "freq":
		if opts.Emit == "partial" {
			return freq.WritePartial(out, freq.Header{Envelope: freq.Envelope{Tool: opts.Version}, Settings: total.fs}, total.counts)
		}
		top := opts.Top
		if top < 0 {
			top = 20
		}
		return freqcmd.Write(out, opts.IO, opts.Global.Format, disp, total.fs, total.counts, int64(opts.MinCount), top)
	default:
		if opts.Emit == "partial" {
			return overview.WritePartial(out, overview.Header{Envelope: freq.Envelope{Tool: opts.Version}, Settings: total.os}, total.summary)
		}
		top := opts.Top
		if top < 0 {
			top = 10
		}
		return analyzecmd.Write(out, opts.Global.Format, disp, total.summary, top)
	}
}
