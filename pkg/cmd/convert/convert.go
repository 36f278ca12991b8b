// Package convert implements `zhpolicy convert`.
package convert

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/normalize"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/safewrite"
	"zhpolicy/pkg/script"
)

// Options are the settings of one convert run.
type Options struct {
	IO *iostreams.IOStreams

	Paths          []string
	In             cmdutil.InputFlags
	Format         string // of --check's findings
	To             string // s, t, tw, twp, hk
	From           string // auto, s, t, tw, hk
	Config         string // an OpenCC configuration; overrides To and From
	Output         string // -o FILE
	OutDir         string
	InPlace        bool
	Check          bool
	Clean          bool
	OutputEncoding string // keep or utf-8
}

var (
	targets = []string{"s", "t", "tw", "twp", "hk"}
	sources = []string{"auto", "s", "t", "tw", "hk"}
)

// NewCmdConvert returns the convert command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdConvert(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "convert [path...] (--to s|t|tw|twp|hk | --config NAME)",
		Short: "Convert documents between Simplified and Traditional script, as OpenCC does",
		Long: `Convert documents between Simplified and Traditional Chinese script with
OpenCC's dictionaries and algorithm: the output is the same as OpenCC 1.1.6's.

--to picks the target script: s (Simplified), t (Traditional, OpenCC standard),
tw (Taiwan standard), twp (Taiwan standard with Taiwanese phrases: 软件 → 軟體),
hk (Hong Kong standard). The source script is detected per document: --to s
converts Traditional characters (OpenCC's t2s, which leaves Simplified text as
it is), and a document detected as Traditional is not converted again to
Traditional (s2t would damage it). --from s|t|tw|hk forces the source: use
--from tw or --from hk for Taiwan or Hong Kong variants (裡, 衞). --config names an OpenCC configuration
directly: ` + strings.Join(script.Configs(), ", ") + `.

The converted text goes to standard output, or to -o FILE (one input), to
--out-dir DIR (mirroring the input paths under DIR; HTML and DOCX inputs,
whose extracted text is converted, become .txt files), or back into each
file with --in-place. Files are written to a temporary file in the same
directory and renamed over the old one, so a failure never leaves a
half-written file; -o to a device or a FIFO (/dev/stdout) writes to it as it
is. --in-place keeps the file's mode, owner and group, and refuses to write
when the file changed while it was being converted (an edit is never lost),
when it has several hard links, and when it is not a plain-text file.
Files keep their encoding (UTF-8, UTF-16, GB18030, Big5) and line endings;
--output-encoding utf-8 writes UTF-8 instead (--encoding names the input's
encoding, as in every command). Inputs are read as a stream, so files of any
size convert in little memory.

--check converts nothing: it lists every place (file:line:column) that is not
already in the target script, and exits 1 if there is any — for CI
(--format json, csv … for machines).

Conversion is faithful: the text is not cleaned. --clean removes pinyin
annotations (會(huì) → 會) first.`,
		Example: `  zhpolicy convert --to t testdata/sample/municipal_report.txt > report-t.txt
  zhpolicy convert --to tw --out-dir tw/ testdata/sample/
  zhpolicy convert --config s2twp -o notes-tw.txt testdata/sample/municipal_report.txt
  zhpolicy convert --check --to s testdata/sample/traditional_notice.txt`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if c.Flags().Changed("format") && !opts.Check {
				return cmdutil.FlagErrorf("convert: --format applies to --check's findings; the converted text is written as text")
			}
			if err := validate(opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return convertRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, false)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	fl := cmd.Flags()
	fl.StringVarP(&opts.To, "to", "t", "", "target script: s, t, tw, twp or hk")
	fl.StringVar(&opts.From, "from", "auto", "source script: auto (detected per document), s, t, tw or hk")
	fl.StringVarP(&opts.Config, "config", "c", "", "OpenCC configuration, instead of --to/--from: "+strings.Join(script.Configs(), ", "))
	fl.StringVarP(&opts.Output, "output", "o", "", "write the result to `FILE` (one input only)")
	fl.StringVar(&opts.OutDir, "out-dir", "", "write each result under `DIR`, mirroring the input paths")
	fl.BoolVarP(&opts.InPlace, "in-place", "w", false, "rewrite each input file (temporary file + atomic rename)")
	fl.BoolVar(&opts.Check, "check", false, "convert nothing; list what is not in the target script, exit 1 if anything")
	fl.BoolVar(&opts.Clean, "clean", false, "remove pinyin annotations before converting")
	fl.StringVar(&opts.OutputEncoding, "output-encoding", "keep", "encoding of the converted files: keep (the input's) or utf-8")
	return cmd
}

func validate(opts *Options) error {
	switch {
	case opts.Config == "" && opts.To == "":
		return cmdutil.FlagErrorf("convert: give the target script with --to (s, t, tw, twp, hk) or a --config")
	case opts.Config != "" && opts.To != "":
		return cmdutil.FlagErrorf("convert: --to and --config cannot be used together")
	case opts.Config != "" && opts.From != "auto":
		return cmdutil.FlagErrorf("convert: --from goes with --to, not with --config")
	case opts.To != "" && !slices.Contains(targets, opts.To):
		return cmdutil.FlagErrorf("invalid --to %q: use s, t, tw, twp or hk", opts.To)
	case !slices.Contains(sources, opts.From):
		return cmdutil.FlagErrorf("invalid --from %q: use auto, s, t, tw or hk", opts.From)
	case opts.Config != "" && script.Describe(opts.Config) == "":
		return cmdutil.FlagErrorf("invalid --config %q: use one of %s", opts.Config, strings.Join(script.Configs(), ", "))
	case opts.OutputEncoding != "keep" && !strings.EqualFold(opts.OutputEncoding, "utf-8") && !strings.EqualFold(opts.OutputEncoding, "utf8"):
		return cmdutil.FlagErrorf("invalid --output-encoding %q: use keep or utf-8", opts.OutputEncoding)
	}
	n := 0
	for _, set := range []bool{opts.Output != "", opts.OutDir != "", opts.InPlace} {
		if set {
			n++
		}
	}
	if n > 1 {
		return cmdutil.FlagErrorf("convert: use only one of -o, --out-dir and --in-place")
	}
	if opts.Check && n > 0 {
		return cmdutil.FlagErrorf("convert: --check writes nothing; drop -o, --out-dir and --in-place")
	}
	if opts.InPlace && len(opts.Paths) == 0 {
		return cmdutil.FlagErrorf("convert: --in-place needs file or directory paths")
	}
	if opts.OutputEncoding != "keep" {
		opts.OutputEncoding = "utf-8"
	}
	return nil
}

// plan returns the converter for a document whose detected script is det.
//
// With --from auto, --to s converts from Traditional (t2s, which leaves
// Simplified text as it is), and the Traditional targets convert from
// Simplified unless the document is detected as Traditional: converting
// Traditional text again with s2t would damage it (后 → 後 in 皇后).
// For --check the document does not matter: a text is in the target script
// when converting it to that script changes nothing.
func plan(opts *Options, det script.Detection) (*script.Converter, error) {
	if opts.Config != "" {
		return script.NewConverter(opts.Config)
	}
	from := opts.From
	if from == "auto" {
		switch {
		case opts.To == "s":
			from = "t"
		case opts.Check || det.Kind != script.Traditional:
			from = "s"
		default:
			from = "t"
		}
	}
	chain := chains[from+">"+opts.To]
	if opts.Check && len(chain) == 0 {
		// --from names the target script: check against the plain conversion.
		if opts.To == "s" {
			chain = chains["t>s"]
		} else {
			chain = chains["s>"+opts.To]
		}
	}
	return script.Chain(chain...)
}

// fixedPlan reports whether plan returns the same converter for every
// document, whatever its detected script.
func fixedPlan(opts *Options) bool {
	return opts.Config != "" || opts.From != "auto" || opts.To == "s" || opts.Check
}

// chains maps source>target to the OpenCC configurations to apply.
var chains = map[string][]string{
	"s>t": {"s2t"}, "s>tw": {"s2tw"}, "s>twp": {"s2twp"}, "s>hk": {"s2hk"},
	"t>s": {"t2s"}, "t>tw": {"t2tw"}, "t>twp": {"t2tw"}, "t>hk": {"t2hk"},
	"tw>s": {"tw2s"}, "tw>t": {"tw2t"}, "tw>hk": {"tw2t", "t2hk"},
	"hk>s": {"hk2s"}, "hk>t": {"hk2t"}, "hk>tw": {"hk2t", "t2tw"}, "hk>twp": {"hk2t", "t2tw"},
}

// finding is one place that is not in the target script.
type finding struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"` // in characters, from 1
	Offset    int64  `json:"offset"` // bytes into the decoded text
	Text      string `json:"text"`
	Converted string `json:"converted"`
}

func convertRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	if fixedPlan(opts) {
		// The conversion tables are decoded on first use (a few ms for
		// t2s); when every document uses the same converter, decode them
		// while the paths are walked rather than on the first worker while
		// the others wait for it (issue 23). A failure is returned again
		// by the workers' own call.
		go func() { _, _ = plan(opts, script.Detection{}) }()
	}
	srcs, skipped, err := opts.In.Sources(f, opts.Paths)
	if err != nil {
		return err
	}
	if opts.Output != "" && len(srcs)+len(skipped) > 1 {
		return cmdutil.FlagErrorf("convert: -o takes one input, got %d; use --out-dir for several", len(srcs)+len(skipped))
	}
	if opts.InPlace || opts.OutDir != "" {
		for _, s := range srcs {
			if s.IsStdin() {
				return cmdutil.FlagErrorf("convert: standard input cannot be converted --in-place or into --out-dir; use -o or stdout")
			}
		}
	}
	if err := checkTargets(opts); err != nil {
		return err
	}
	in := opts.In
	if !opts.Check && !opts.InPlace && opts.OutDir == "" {
		in.Jobs = 1 // standard output or -o: one input after the other, streaming
	}
	var w *report.Writer
	if opts.Check && opts.Format != "table" {
		if w, err = report.NewWriter(opts.IO.Out, opts.Format, report.Options{}); err != nil {
			return err
		}
	}
	nFiles := 0
	docs := cmdutil.Docs{F: f, In: &in, Label: "convert", Expanded: true, Sources: srcs, Skipped: skipped, StreamsOutput: opts.Output == "" && opts.OutDir == "" && !opts.InPlace}
	// a file's findings are rendered on its worker; emit writes the bytes
	type checked struct {
		n     int
		lines string           // the plain lines (--check, table format)
		table *report.Prepared // or the table of another format
	}
	out, err := cmdutil.RunSources(ctx, docs, nil,
		func(ctx context.Context, src input.Source) (checked, error) {
			fs, err := convertOne(ctx, opts, src)
			c := checked{n: len(fs)}
			if err != nil || !opts.Check {
				return c, err
			}
			if w == nil {
				c.lines = findingLines(fs)
				return c, nil
			}
			c.table, err = w.Prepare(findingTable(fs))
			return c, err
		},
		func(src input.Source, c checked) error {
			if c.n > 0 {
				nFiles++
			}
			switch {
			case !opts.Check:
				return nil
			case w == nil:
				_, err := io.WriteString(opts.IO.Out, c.lines)
				return err
			}
			return w.WritePrepared(c.table)
		})
	if err != nil {
		return err
	}
	if opts.InPlace || opts.OutDir != "" {
		var written []string
		for _, s := range srcs {
			if opts.InPlace {
				written = append(written, s.Path)
			} else {
				written = append(written, filepath.Join(opts.OutDir, outName(s.Path)))
			}
		}
		for _, t := range safewrite.Stale(written) {
			cmdutil.Warnf(opts.IO, "%s: a temporary file left by an interrupted zhpolicy run; remove it", t)
		}
	}
	if opts.Check {
		if w != nil {
			if nFiles == 0 {
				if err := w.Table(findingTable(nil)); err != nil {
					return err
				}
			}
			if err := w.Close(); err != nil {
				return err
			}
		}
		if nFiles > 0 && !opts.IO.Quiet() {
			fmt.Fprintf(opts.IO.ErrOut, "zhpolicy: %d file(s) not in %s script\n", nFiles, scriptName(opts))
		}
		return cmdutil.Exit(out, nFiles)
	}
	return cmdutil.Exit(out, 0)
}

func scriptName(opts *Options) string {
	if opts.Config != "" {
		return "the " + opts.Config + " target"
	}
	return map[string]string{"s": "Simplified", "t": "Traditional", "tw": "Taiwan Traditional",
		"twp": "Taiwan Traditional (with phrases)", "hk": "Hong Kong Traditional"}[opts.To]
}

// headRecorder keeps the first bytes read through it (to find a BOM).
type headRecorder struct {
	r    io.Reader
	head []byte
}

func (h *headRecorder) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	if len(h.head) < 4 {
		h.head = append(h.head, p[:min(n, 4-len(h.head))]...)
	}
	return n, err
}

// detectWindow is how much decoded text decides a document's script.
const detectWindow = 256 << 10

// convertOne converts (or checks) one input.
func convertOne(ctx context.Context, opts *Options, src input.Source) ([]finding, error) {
	inOpts := opts.In.ReadOptions()
	name := src.Path
	var raw io.Reader
	var hasher *safewrite.Hasher
	switch {
	case src.IsStdin():
		name = input.StdinName
		raw = opts.IO.In
	case opts.InPlace:
		if !isPlainText(src.Path) {
			return nil, fmt.Errorf("%s: convert writes plain text, so it rewrites only text and Markdown files in place; use -o or --out-dir", name)
		}
		f, h, err := safewrite.Open(src.Path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		raw, hasher = h.Reader(f), h
	default:
		f, err := os.Open(src.Path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src.Path, cmdutil.PathErr(err))
		}
		defer f.Close()
		raw = f
	}
	head := &headRecorder{r: raw}
	tr, err := input.NewTextReader(name, head, inOpts)
	if err != nil {
		return nil, err
	}
	enc := tr.Encoding()
	if opts.InPlace && tr.Format() != input.FormatText && tr.Format() != input.FormatMarkdown {
		// a .txt that is a PDF or a Word file inside: its text is extracted,
		// and writing it back would replace the document
		return nil, fmt.Errorf("%s: is a %s document, not plain text; convert rewrites only text and Markdown files in place; use -o or --out-dir", name, tr.Format())
	}
	// Decide the conversion from the start of the document.
	// (read into a buffer that grows: a small file does not cost the
	// clearing of a whole window)
	var pb bytes.Buffer
	if src.Size > 0 {
		// room for a file of UTF-8 (or its window) read whole, so that
		// the buffer is not grown and copied on the way
		pb.Grow(int(min(src.Size, detectWindow)) + bytes.MinRead)
	}
	if _, err := io.CopyN(&pb, tr, detectWindow); err != nil && err != io.EOF {
		return nil, err
	}
	prefix := pb.Bytes()
	conv, err := plan(opts, script.DetectBytes(prefix))
	if err != nil {
		return nil, err
	}
	text := io.MultiReader(bytes.NewReader(prefix), &ctxReader{ctx, tr})
	if opts.Clean {
		text = &cleaningReader{br: bufio.NewReaderSize(text, 64<<10)}
	}
	if opts.Check {
		var fs []finding
		err := conv.ConvertLines(nil, text, func(line int, offset int64, orig, out string) {
			fs = append(fs, diff(name, line, offset, orig, out)...)
		})
		return fs, err
	}
	outEnc := enc
	if opts.OutputEncoding == "utf-8" {
		outEnc = input.EncUTF8
	}
	warn := func() {
		for _, w := range tr.Warnings() {
			cmdutil.Warnf(opts.IO, "%s: %s", name, w.Message)
		}
	}
	convertTo := func(w io.Writer) (bool, error) {
		changed := false
		ew, err := newEncoder(w, outEnc, head.head)
		if err != nil {
			return false, fmt.Errorf("%s: %w", name, err)
		}
		err = conv.ConvertLines(ew, text, func(int, int64, string, string) { changed = true })
		if cerr := ew.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return false, encodeError(name, outEnc, err)
		}
		return changed || opts.Clean || outEnc != enc, nil
	}
	switch {
	case opts.InPlace:
		return nil, safewrite.Replace(ctx, name, hasher, func(w io.Writer) (bool, error) {
			changed, err := convertTo(w)
			if err == nil && len(tr.Warnings()) > 0 {
				warn()
				return false, fmt.Errorf("%s: has byte sequences that are invalid in %s; not modified (fix them, or write a new file with -o)", name, enc)
			}
			return changed, err
		})
	case opts.OutDir != "" || opts.Output != "":
		target := opts.Output
		if target == "" {
			target = filepath.Join(opts.OutDir, outName(src.Path))
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return nil, err
			}
		}
		err = safewrite.Create(ctx, target, func(w io.Writer) error {
			_, err := convertTo(w)
			return err
		})
		warn()
		return nil, err
	default:
		_, err = convertTo(opts.IO.Out)
		warn()
		return nil, err
	}
}

// ctxReader stops reading when the context is cancelled: a conversion of
// a big file stops within one read.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// outName is the path of a converted input under --out-dir: the input's
// path, with .txt for HTML and DOCX inputs (convert writes their text).
func outName(p string) string {
	m := mirror(p)
	if !isPlainText(p) {
		m = strings.TrimSuffix(m, filepath.Ext(m)) + ".txt"
	}
	return m
}

// isPlainText reports whether a file is read as text as it is (not HTML or
// DOCX, whose extracted text is what convert writes).
func isPlainText(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case "", ".txt", ".text", ".md", ".markdown", ".csv", ".tsv", ".log":
		return true
	}
	return false
}

// mirror turns an input path into a relative path under --out-dir.
func mirror(p string) string {
	p = filepath.Clean(p)
	if vol := filepath.VolumeName(p); vol != "" {
		p = p[len(vol):]
	}
	parts := strings.Split(filepath.ToSlash(p), "/")
	for len(parts) > 1 && (parts[0] == "" || parts[0] == ".." || parts[0] == ".") {
		parts = parts[1:]
	}
	return filepath.FromSlash(strings.Join(parts, "/"))
}

// encoder writes UTF-8 text in an output encoding.
type encoder struct {
	io.Writer
	close func() error
}

func (e *encoder) Close() error { return e.close() }

// newEncoder returns a writer that encodes into w. head is the start of the
// raw input: a UTF-16 input that began with a byte-order mark gets one.
func newEncoder(w io.Writer, enc string, head []byte) (*encoder, error) {
	nop := func() error { return nil }
	var e encoding.Encoding
	var bom string
	switch enc {
	case input.EncUTF8:
		return &encoder{w, nop}, nil
	case input.EncUTF8BOM:
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return nil, err
		}
		return &encoder{w, nop}, nil
	case input.EncUTF16LE:
		e = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
		if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) {
			bom = "\xFF\xFE"
		}
	case input.EncUTF16BE:
		e = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
		if bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
			bom = "\xFE\xFF"
		}
	case input.EncGB18030:
		e = simplifiedchinese.GB18030
	case input.EncBig5:
		e = traditionalchinese.Big5
	default:
		return nil, fmt.Errorf("cannot write encoding %q; use --encoding utf-8", enc)
	}
	if bom != "" {
		if _, err := io.WriteString(w, bom); err != nil {
			return nil, err
		}
	}
	tw := transform.NewWriter(w, e.NewEncoder())
	return &encoder{tw, tw.Close}, nil
}

func encodeError(name, enc string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) || errors.Is(err, context.Canceled) {
		return err
	}
	if enc != input.EncUTF8 && (errors.Is(err, encoding.ErrInvalidUTF8) || strings.Contains(err.Error(), "encoding: rune not supported")) {
		return fmt.Errorf("%s: the converted text has characters that %s cannot encode; use --encoding utf-8", name, enc)
	}
	if strings.HasPrefix(err.Error(), name+":") {
		return err
	}
	return fmt.Errorf("%s: %w", name, err)
}

// cleaningReader removes pinyin annotations line by line.
type cleaningReader struct {
	br  *bufio.Reader
	buf []byte
	err error
}

func (c *cleaningReader) Read(p []byte) (int, error) {
	for len(c.buf) == 0 {
		if c.err != nil {
			return 0, c.err
		}
		line, err := c.br.ReadString('\n')
		c.err = err
		if line != "" {
			c.buf = append(c.buf[:0], normalize.Clean(line, normalize.Options{Pinyin: true}).Text...)
		}
	}
	n := copy(p, c.buf)
	c.buf = c.buf[n:]
	return n, nil
}

// diff lists the places where a line and its conversion differ: runs of
// changed characters when the conversion keeps the character count, else
// the span between the common prefix and suffix.
func diff(name string, line int, offset int64, orig, conv string) []finding {
	orig = strings.TrimRight(orig, "\r\n")
	conv = strings.TrimRight(conv, "\r\n")
	a, b := []rune(orig), []rune(conv)
	var out []finding
	// at is the byte offset of rune i: the length of string(a[:i]), kept
	// as a running sum (i only grows), not re-encoded for every finding,
	// which made a long line with many findings quadratic.
	n, nb := 0, int64(0)
	at := func(i int) int64 {
		for ; n < i; n++ {
			nb += int64(utf8.RuneLen(a[n]))
		}
		return offset + nb
	}
	if len(a) == len(b) {
		for i := 0; i < len(a); {
			if a[i] == b[i] {
				i++
				continue
			}
			j := i
			for j < len(a) && a[j] != b[j] {
				j++
			}
			out = append(out, finding{File: name, Line: line, Column: i + 1, Offset: at(i), Text: string(a[i:j]), Converted: string(b[i:j])})
			i = j
		}
		return out
	}
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	return []finding{{File: name, Line: line, Column: p + 1, Offset: at(p), Text: string(a[p : len(a)-s]), Converted: string(b[p : len(b)-s])}}
}

// findingLines are findings as lines file:line:column: text → converted.
func findingLines(fs []finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(report.Printable(f.File))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(f.Line))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(f.Column))
		b.WriteString(": ")
		b.WriteString(f.Text)
		b.WriteString(" → ")
		b.WriteString(f.Converted)
		b.WriteByte('\n')
	}
	return b.String()
}

// findingTable lists the findings of one file for the machine formats.
func findingTable(fs []finding) *report.Table {
	t := &report.Table{Name: "findings", Columns: []report.Column{{Name: "file"}, {Name: "line", Align: report.Right},
		{Name: "column", Align: report.Right}, {Name: "offset", Align: report.Right}, {Name: "text"}, {Name: "converted"}}}
	for _, f := range fs {
		t.Rows = append(t.Rows, []any{f.File, f.Line, f.Column, f.Offset, f.Text, f.Converted})
	}
	return t
}

// checkTargets tells, before any input is read, whether -o FILE or
// --out-dir DIR can be written: a mistyped or read-only destination fails
// at once, with exit 2, instead of once for every input after the work.
// --out-dir is made here (with its parents) when it does not exist.
func checkTargets(opts *Options) error {
	switch {
	case opts.Check:
		return nil
	case opts.Output != "" && opts.Output != "-":
		if err := safewrite.Check(opts.Output); err != nil {
			return fmt.Errorf("-o %w", err)
		}
	case opts.OutDir != "":
		if st, err := os.Stat(opts.OutDir); err == nil && !st.IsDir() {
			return fmt.Errorf("--out-dir %s: not a directory", opts.OutDir)
		}
		if err := os.MkdirAll(opts.OutDir, 0o777); err != nil {
			return fmt.Errorf("--out-dir %s: cannot make it: %w", opts.OutDir, cmdutil.PathErr(err))
		}
		if err := safewrite.Check(filepath.Join(opts.OutDir, "zhpolicy-convert")); err != nil {
			return fmt.Errorf("--out-dir %w", err)
		}
	}
	return nil
}
