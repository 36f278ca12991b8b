package cmdutil

import (
	"errors"
	"fmt"
	"os"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"zhpolicy/pkg/analysis/timeseries"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/segment"
)

// Every flag name means one thing in every command that has it; a command
// registers only the groups that mean something for it.

// InputFlags are the flags of a command that reads documents.
type InputFlags struct {
	Encoding string
	Include  []string
	Exclude  []string
	Jobs     int
	NoClean  bool
	// KeepRepeated keeps the lines many documents of the run repeat (the
	// corpus pass of the cleaning removes them).
	KeepRepeated bool
	Shard        string
	MaxSize      string
	Password     string
	// Binary reads inputs that look binary (many NUL or control bytes) as text anyway.
	Binary bool

	// all are the inputs of the last Sources, before the shard was taken
	// (the corpus pass counts lines over all of them).
	all         []input.Source
	seen        map[string]bool
	hasClean    bool
	hasRepeated bool
	shard       corpus.Shard
	maxBytes    int64
}

// DefaultJobs is the default of --jobs: the processors this process may
// use.
func DefaultJobs() int { return runtime.GOMAXPROCS(0) }

// AddInputFlags registers the input flags on cmd; clean adds --no-clean
// (for commands that read the cleaned text).
func AddInputFlags(cmd *cobra.Command, in *InputFlags, clean bool) {
	fl := cmd.Flags()
	fl.StringVar(&in.Encoding, "encoding", "auto", "input encoding: auto, utf-8, utf-16le, utf-16be, gb18030, gbk, gb2312, big5")
	fl.StringSliceVar(&in.Include, "include", nil, "when walking directories, take only files matching these globs")
	fl.StringSliceVar(&in.Exclude, "exclude", nil, "skip files and directories matching these globs")
	fl.IntVarP(&in.Jobs, "jobs", "j", DefaultJobs(), "documents processed in parallel")
	fl.StringVar(&in.Shard, "shard", "", "take only shard `i/n` of the inputs (by a hash of each path; for splitting a corpus over machines)")
	fl.StringVar(&in.MaxSize, "max-size", "", "largest input, e.g. 512M or 2G (default 1G; a plain-text file read in parts costs bounded memory at any size, but is limited too: raise it for bigger ones); also what one document may unpack (zip parts, PDF streams; default 128M)")
	fl.BoolVar(&in.Binary, "binary", false, "read inputs that look binary (more than 1% NUL or control bytes) as text anyway, instead of skipping them")
	fl.StringVar(&in.Password, "password", "", "password of encrypted PDFs (without it, PDFs restricted by an owner password still open)")
	if clean {
		fl.BoolVar(&in.NoClean, "no-clean", false, "do not clean the text (pinyin annotations, invisible characters, boilerplate)")
		in.hasClean = true
		AddRepeatedFlag(cmd, in)
	}
}

// AddRepeatedFlag registers --keep-repeated, for commands that clean: the
// corpus pass removes the lines many documents of the run repeat.
func AddRepeatedFlag(cmd *cobra.Command, in *InputFlags) {
	cmd.Flags().BoolVar(&in.KeepRepeated, "keep-repeated", false, "keep the lines that many documents of the run repeat (site chrome no rule knows is removed by default)")
	in.hasRepeated = true
}

// DefaultMaxSize is what one document read whole may take.
const DefaultMaxSize = 1 << 30

// Validate checks the input flags once, before any input is read: a bad
// encoding name or glob is a usage error, not a problem of every file.
func (in *InputFlags) Validate() error {
	if in.Jobs < 1 {
		return FlagErrorf("invalid --jobs %d: must be at least 1", in.Jobs)
	}
	if in.Encoding != "" && in.Encoding != "auto" {
		if _, err := input.ParseEncoding(in.Encoding); err != nil {
			return FlagErrorf("invalid --encoding %q: use auto, utf-8, utf-16le, utf-16be, gb18030, gbk, gb2312 or big5", in.Encoding)
		}
	}
	for _, g := range []struct {
		name string
		pats []string
	}{{"--include", in.Include}, {"--exclude", in.Exclude}} {
		for _, p := range g.pats {
			if _, err := path.Match(strings.TrimSuffix(p, "/"), ""); err != nil {
				return FlagErrorf("invalid %s %q: %v", g.name, p, err)
			}
		}
	}
	if in.Shard != "" {
		s, err := corpus.ParseShard(in.Shard)
		if err != nil {
			return FlagErrorf("invalid --shard: %v", err)
		}
		in.shard = s
	}
	in.maxBytes = DefaultMaxSize
	if in.MaxSize != "" {
		n, err := ParseSize(in.MaxSize)
		if err != nil {
			return FlagErrorf("invalid --max-size %q: %v", in.MaxSize, err)
		}
		in.maxBytes = n
	}
	return nil
}

// Clean says whether the documents are cleaned (--no-clean not given).
func (in *InputFlags) Clean() bool { return !in.NoClean }

// ReadOptions are the input options the flags give. --max-size, when
// given, also raises (or lowers) what one document may unpack.
func (in *InputFlags) ReadOptions() input.Options {
	max := in.maxBytes
	if max == 0 {
		max = DefaultMaxSize
	}
	o := input.Options{Encoding: in.Encoding, MaxBytes: max, LimitHint: "raise the limit with --max-size", Password: in.Password, AllowBinary: in.Binary}
	if in.MaxSize != "" {
		o.MaxUnpacked = max
	}
	return o
}

// Sources expands the paths (stdin when there are none and it is not a
// terminal) and keeps this shard's share. Problems with single paths are
// returned in skipped.
func (in *InputFlags) Sources(f *Factory, paths []string) (srcs []input.Source, skipped []error, err error) {
	if len(paths) == 0 {
		if f.IO.IsStdinTTY() {
			return nil, nil, ErrNoInput
		}
		paths = []string{"-"}
	}
	srcs, skipped = input.Expand(paths, input.ExpandOptions{Include: in.Include, Exclude: in.Exclude})
	if in.seen == nil {
		in.seen = map[string]bool{}
	}
	for _, s := range srcs { // every input of the run, over all calls (report's groups)
		if !in.seen[s.Path] {
			in.seen[s.Path] = true
			in.all = append(in.all, s)
		}
	}
	if in.shard.N > 1 {
		srcs = in.shard.Filter(srcs)
	}
	return srcs, skipped, nil
}

// ParseSize reads a size such as 512M, 2G, 100k or 1048576 (bytes).
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	mult := int64(1)
	if n := len(t); n > 0 {
		switch t[n-1] {
		case 'K':
			mult, t = 1<<10, t[:n-1]
		case 'M':
			mult, t = 1<<20, t[:n-1]
		case 'G':
			mult, t = 1<<30, t[:n-1]
		case 'T':
			mult, t = 1<<40, t[:n-1]
		}
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
	if err != nil || f <= 0 || f*float64(mult) > 1<<62 {
		return 0, fmt.Errorf("use a positive size such as 512M or 2G")
	}
	return int64(f * float64(mult)), nil
}

// enumValue is a string flag that takes one of a fixed set of values: a
// wrong value is a usage error at parse time.
type enumValue struct {
	p       *string
	allowed []string
}

func (e *enumValue) String() string { return *e.p }
func (e *enumValue) Type() string   { return "string" }
func (e *enumValue) Set(v string) error {
	if !slices.Contains(e.allowed, v) {
		return fmt.Errorf("use one of %s", strings.Join(e.allowed, ", "))
	}
	*e.p = v
	return nil
}

// EnumFlag registers a flag that accepts only the given values; the first
// is the default.
func EnumFlag(cmd *cobra.Command, p *string, name, short, usage string, allowed ...string) {
	*p = allowed[0]
	cmd.Flags().VarP(&enumValue{p: p, allowed: allowed}, name, short, usage+": "+strings.Join(allowed, ", "))
}

// AddFormatFlag registers -f/--format with the formats a command writes;
// the first is the default.
func AddFormatFlag(cmd *cobra.Command, p *string, formats ...string) {
	EnumFlag(cmd, p, "format", "f", "output format", formats...)
}

// AddScriptFlag registers --script, the script results are shown in.
func AddScriptFlag(cmd *cobra.Command, p *string) {
	EnumFlag(cmd, p, "script", "", "script of displayed results: auto (each document's own), s, t, tw or hk", "auto", "s", "t", "tw", "hk")
}

// SegFlags are the flags of a command that segments.
type SegFlags struct {
	HMM   bool
	Dicts []string
}

// AddSegFlags registers --hmm (with its default for the command) and
// --dict.
func AddSegFlags(cmd *cobra.Command, s *SegFlags, hmm bool) {
	fl := cmd.Flags()
	fl.BoolVar(&s.HMM, "hmm", hmm, "segment with gse's HMM new-word detection (joins unknown characters into new words)")
	fl.StringArrayVar(&s.Dicts, "dict", nil, "user dictionary, one `word [freq] [pos]` a line (repeatable)")
}

// Load reads the --dict files into the segmenter configuration. It must
// run before the segmenter is first used.
func (s *SegFlags) Load(f *Factory) error {
	for _, p := range s.Dicts {
		fh, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("--dict %s: %w", p, PathErr(err))
		}
		entries, err := segment.ParseDict(p, fh)
		fh.Close()
		if err != nil {
			return err
		}
		f.SegmenterConfig.User = append(f.SegmenterConfig.User, entries...)
	}
	return nil
}

// NewWords is keywords.Options.NewWords for a cut with these flags: the
// keyword candidates get the words gse's HMM finds where the dictionary
// has none, on the cut without HMM every other analysis reads (nil with
// --hmm: the cut has them already). Call it after Load.
func (s *SegFlags) NewWords(f *Factory) func(string, string, []segment.Token) ([]segment.Token, error) {
	if s.HMM {
		return nil
	}
	return func(text, folded string, toks []segment.Token) ([]segment.Token, error) {
		sg, err := f.Segmenter()
		if err != nil {
			return nil, err
		}
		return sg.NewWords(text, folded, toks, segment.Options{Mode: segment.Precise, POS: true})
	}
}

// AddTopFlag registers -k/--top with its default; 0 means all.
func AddTopFlag(cmd *cobra.Command, p *int, def int, usage string) {
	cmd.Flags().IntVarP(p, "top", "k", def, usage+"; 0 for all")
}

// CheckTop validates a --top value: 0 for all, or a positive count.
func CheckTop(n int) error {
	if n < 0 {
		return FlagErrorf("invalid --top %d: must be 0 (all) or more", n)
	}
	return nil
}

// CheckMinCount validates a --min-count value: at least 1.
func CheckMinCount(n int) error {
	if n < 1 {
		return FlagErrorf("invalid --min-count %d: must be at least 1", n)
	}
	return nil
}

// AddEmitFlag registers --emit report|partial for the commands whose
// corpus results can be merged.
func AddEmitFlag(cmd *cobra.Command, p *string) {
	EnumFlag(cmd, p, "emit", "", "report, or partial: mergeable counts (JSON Lines) for zhpolicy merge", "report", "partial")
}

// ExactArgs is cobra.ExactArgs returning a FlagError.
func ExactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return FlagErrorf("%s: expected %s, got %d argument(s)", cmd.CommandPath(), what, len(args))
		}
		return nil
	}
}

// MinimumArgs is cobra.MinimumNArgs returning a FlagError.
func MinimumArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return FlagErrorf("%s: expected %s", cmd.CommandPath(), what)
		}
		return nil
	}
}

// NoArgs is cobra.NoArgs returning a FlagError.
func NoArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return FlagErrorf("%s takes no arguments, got %q", cmd.CommandPath(), args[0])
	}
	return nil
}

// PathErr strips the *os.PathError around err: messages name the file
// themselves ("--dict a.txt: no such file or directory").
func PathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// AddDateFlag registers --date-from-name[=REGEXP]: read each document's
// date from its path, by the built-in reading ("auto", what the bare flag
// means) or by a regular expression whose first group is the date. def is
// the command's default ("" for off).
func AddDateFlag(cmd *cobra.Command, p *string, def, usage string) {
	cmd.Flags().StringVar(p, "date-from-name", def, usage+"; bare: a year 1900–2099 in the file name (2024.txt, 2024-03-05_a.txt) or a directory; or a regexp whose first group is the date")
	cmd.Flags().Lookup("date-from-name").NoOptDefVal = "auto"
}

// DateFinder validates a --date-from-name value.
func DateFinder(expr string) (*timeseries.NameFinder, error) {
	f, err := timeseries.NewNameFinder(expr)
	if err != nil {
		return nil, FlagErrorf("invalid --date-from-name %q: %v", expr, err)
	}
	return f, nil
}
