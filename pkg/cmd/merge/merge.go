// Package merge implements `zhpolicy merge`.
package merge

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/merge"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/script"
)

// Options are the settings of one merge run.
type Options struct {
	IO *iostreams.IOStreams

	Paths    []string
	Format   string
	Script   string
	Jobs     int
	Emit     string
	Top      int
	MinCount int
}

// NewCmdMerge returns the merge command. runF, when not nil, replaces the
// run function (tests check flag parsing with it).
func NewCmdMerge(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
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
		Example: `  zhpolicy freq --emit partial --shard 1/2 testdata/sample/ > s1.jsonl && zhpolicy freq --emit partial --shard 2/2 testdata/sample/ > s2.jsonl && zhpolicy merge --top 50 s1.jsonl s2.jsonl
  zhpolicy analyze --emit partial testdata/sample/ > a.jsonl && zhpolicy merge --emit partial a.jsonl > merged.jsonl && zhpolicy merge merged.jsonl`,
		Args: cmdutil.MinimumArgs(1, "partial files or directories"),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.Jobs < 1 {
				return cmdutil.FlagErrorf("invalid --jobs %d: must be at least 1", opts.Jobs)
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
			return mergeRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddScriptFlag(cmd, &opts.Script)
	cmdutil.AddEmitFlag(cmd, &opts.Emit)
	fl := cmd.Flags()
	fl.IntVarP(&opts.Jobs, "jobs", "j", cmdutil.DefaultJobs(), "partial files read in parallel")
	fl.IntVarP(&opts.Top, "top", "k", 0, "terms shown (items per section for analyze); 0 for all (default: 20 for freq, 10 for analyze)")
	fl.IntVar(&opts.MinCount, "min-count", 1, "freq: leave out terms counted fewer times")
	return cmd
}

func mergeRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	paths, err := merge.Files(opts.Paths)
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
	var total merge.Partial
	var first string
	tools := map[string]bool{}
	err = corpus.Map(ctx, paths, opts.Jobs,
		func(ctx context.Context, _ int, path string) (merge.Partial, error) {
			return merge.Read(path, opts.IO.In)
		},
		func(_ int, path string, p merge.Partial, err error) error {
			if err != nil {
				return err
			}
			if t := p.Envelope().Tool; t != "" {
				tools[t] = true
			}
			if total == nil {
				total, first = p, path
				return nil
			}
			if err := merge.Add(total, p); err != nil {
				return fmt.Errorf("%s and %s: %v", first, path, err)
			}
			return nil
		})
	if err != nil {
		return err
	}
	if len(tools) > 1 {
		cmdutil.Warnf(opts.IO, "partials written by different versions of zhpolicy (%s): segmentation may differ",
			strings.Join(slices.Sorted(maps.Keys(tools)), ", "))
	}
	if opts.Emit == "partial" {
		return total.Write(opts.IO.Out, f.Version)
	}
	disp, err := script.NewDisplay(opts.Script)
	if err != nil {
		return err
	}
	w, err := report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()})
	if err != nil {
		return err
	}
	v := total.View(disp, merge.ViewOptions{Top: opts.Top, MinCount: int64(opts.MinCount), Format: opts.Format})
	if err := v.Write(w, opts.Format); err != nil {
		return err
	}
	return w.Close()
}
