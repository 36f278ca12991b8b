// Package keywords implements `zhpolicy keywords`.
package keywords

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"

	"github.com/spf13/cobra"

	kw "zhpolicy/pkg/analysis/keywords"
	"zhpolicy/pkg/cmdutil"
	"zhpolicy/pkg/corpus"
	"zhpolicy/pkg/idf"
	"zhpolicy/pkg/iostreams"
	"zhpolicy/pkg/partial"
	"zhpolicy/pkg/report"
	"zhpolicy/pkg/safewrite"
	"zhpolicy/pkg/script"
	seg "zhpolicy/pkg/segment"
	"zhpolicy/pkg/spill"
	"zhpolicy/pkg/views"
)

// DefaultNewWords is whether keyword candidates include the words gse's
// HMM finds where the dictionary has none (算力, 免申即享): on, because it
// finds the terms the dictionary lacks (measured on the keyword benchmark,
// bench/RESULTS.md). analyze and report rank with it on too; the rest of
// the cut (and so the names) is the one every command reads (--hmm).
const DefaultNewWords = true

// Options are the settings of one keywords run.
type Options struct {
	IO *iostreams.IOStreams

	Paths      []string
	In         cmdutil.InputFlags
	Seg        cmdutil.SegFlags
	Format     string
	Script     string
	Top        int
	Method     string
	Background []string // builtin, none, corpus, or saved backgrounds and documents
	IDF        string   // builtin, or a file of `word idf` lines (corpus: --background corpus)
	Names      string
	POS        []string
	Stopwords  []string
	MinLen     int
	Corpus     bool
	Keyness    string // corpus or background
	Phrases    bool
	NewWords   bool   // keyword candidates with the HMM's new words
	Save       string // --save-background FILE
	Emit       string // report or partial (with --corpus)
}

// NewCmdKeywords returns the keywords command. runF, when not nil, replaces
// the run function (tests check flag parsing with it).
func NewCmdKeywords(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "keywords [path...]",
		Short: "Rank the keywords of each document, and what a corpus is about",
		Long: `Rank the keywords of each document: the terms particular to it.

Keywords are nouns, verbal nouns, names and fixed expressions (--pos), at
least two characters long (--min-len), never punctuation, numbers, pinyin or
the words every policy text uses (a built-in stopword list, extended with
--stopwords). Adjacent words a document repeats as a unit, or puts in
quotation marks ("四个中心"), are ranked as one key phrase; a phrase is
headed by a noun, has no verb or function word inside and does not cross a
clause (--phrases=false ranks single words only). A word that is a piece of
a longer one (湾区 of 大湾区, 号线 of 18号线) is left out, and in a long
document (1,000 words or more) a keyword occurs at least twice. A short text
(under 300 words) that is not policy text (an abstract, a brief) is ranked
the plain way: phrases by repetition alone, against the general table rather
than the policy background, with its names among its keywords. A short
policy text is ranked as a long one is, against the background: one made of
the formulas policy documents repeat (a resolution on a work report), or laid
out as a 公文 (headings 一、 （一） 第一条, a signature and a date). In a text
under 1,000 words, a word written once inside a longer unit is left out
(推进改革 of 推进改革开放, 大局 of 两个大局), and so is the guiding-ideology
chain (a term written only inside 以…为指导 or 高举…旗帜: 邓小平理论, 三个代表):
such a text, a resolution of a hundred words, may list fewer than --top.

--method picks the score: tfidf (the default: frequency in the document,
damped to 1 + ln n, words in headings counting three times, times inverse
document frequency), textrank (centrality in the graph of words that occur
near each other) or both (a geometric mean of the two).

The inverse document frequency combines a background with the general
table (--idf: builtin, gse's and jieba's, or a file of ` + "`word idf`" + ` lines).
--background builtin (the default) is a policy background: how many of 223
reference policy documents (government work reports 1954–2025, provincial
reports, ministry notices, Presidential Office speeches) use each term, so
that what every policy document says (高质量发展, 经济社会发展, 推进) ranks
below what is particular to this one. --background corpus uses the
documents given; --background FILE reads a background saved with
--save-background, or builds one from the documents at a path (repeat
--background to combine several); --background none uses the general table
alone (for text that is not policy, such as abstracts).

Candidates include the words gse's HMM finds where the dictionary has none
(算力, 免申即享, 上云用数赋智; --new-words=false leaves them out), while
names are found on the dictionary's cut, as zhpolicy entities finds them:
the document is cut once, as every command cuts it (--hmm), and only its
runs of single characters are cut again. analyze and report rank a
document's keywords the same way, with the same scores.

Names of places, organisations and people (and officials' titles), as the
entity recogniser finds them, are ranked apart by default (--names apart: a
second list per document); --names keep ranks them with the keywords,
--names drop leaves them out.

--corpus shows, instead of each document's list, what the corpus is about
(its keywords by their mean score over all documents, and its names) and,
per document, what distinguishes it: the terms it uses significantly more
(p < 0.01) than the rest of the corpus (--keyness corpus, the default) or
the background (--keyness background), by log-likelihood (G²), with the
counts and the log ratio of relative frequencies (+1: twice as frequent).
With --emit partial, --corpus writes the corpus ranking as a partial file
instead, for zhpolicy merge (the per-document tables need the whole corpus
and are left out). Shards of one corpus must rank against one background:
save each shard's (--save-background), add them up (zhpolicy merge --emit
partial), and rank each shard against the sum (--background FILE);
--background corpus is refused there, a shard's own background not being
the corpus's.

Terms are counted in Simplified script, so Traditional and Simplified
documents count together; a keyword is shown as its document wrote it
(--script auto), or converted (--script s|t|tw|hk). Columns: rank, keyword,
score, count, name (the entity type of a name); CSV, TSV and JSON also give
the file and the byte offsets (start, end) of the first occurrence in the
text as given.

Memory: every document is ranked whole (a file over 1 MiB is read as
documents FILE#1, FILE#2, … of about 1 MiB). With --background corpus or
--corpus each document's rankable terms (not its text) are kept for a
second pass, in memory up to 64 MiB and past that in a temporary file
(TMPDIR), and so is each document's vocabulary until the corpus has been
read. What stays in memory is the corpus's counts of the terms its
documents rank (with --background corpus, also of their parts and what is
left of a term when another is taken out of it). --save-background holds
the vocabulary it writes, about 50 bytes a word or word sequence (771 MB
at 1 GB of text that never repeats a word).`,
		Example: `  zhpolicy keywords testdata/sample/municipal_report.txt
  zhpolicy keywords --top 10 --format csv testdata/sample/ > keywords.csv
  zhpolicy keywords --corpus --top 10 testdata/sample/
  zhpolicy keywords --names keep --top 10 testdata/sample/provincial_notice.html
  zhpolicy keywords --save-background bg.jsonl testdata/sample/ && zhpolicy keywords --background bg.jsonl testdata/sample/city_plan.docx
  zhpolicy keywords --background none --method textrank --pos n,nz,vn testdata/sample/city_plan.docx`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.In.Validate(); err != nil {
				return err
			}
			if _, err := kw.ParseMethod(opts.Method); err != nil {
				return cmdutil.FlagErrorf("invalid --method: %v", err)
			}
			if _, err := kw.ParseNames(opts.Names); err != nil {
				return cmdutil.FlagErrorf("invalid --names: %v", err)
			}
			if err := cmdutil.CheckTop(opts.Top); err != nil {
				return err
			}
			if opts.MinLen < 1 {
				return cmdutil.FlagErrorf("invalid --min-len %d: must be at least 1", opts.MinLen)
			}
			if opts.IDF == "" {
				return cmdutil.FlagErrorf("invalid --idf: use builtin or a file of `word idf` lines")
			}
			if opts.IDF == "corpus" { // the flag of earlier versions
				opts.IDF, opts.Background = "builtin", []string{"corpus"}
			}
			if err := checkBackground(opts.Background); err != nil {
				return err
			}
			if len(opts.POS) > 0 {
				if _, err := kw.NewPOSFilter(opts.POS); err != nil {
					return cmdutil.FlagErrorf("invalid --pos: %v", err)
				}
			}
			if opts.Save != "" && opts.Corpus {
				return cmdutil.FlagErrorf("--save-background writes a background, not a ranking: leave out --corpus")
			}
			if opts.Emit == "partial" {
				switch {
				case !opts.Corpus:
					return cmdutil.FlagErrorf("--emit partial needs --corpus: partials hold corpus counts (a background's partial is --save-background)")
				case opts.Background[0] == "corpus":
					return cmdutil.FlagErrorf("--emit partial cannot rank against --background corpus: a shard's own background is not the corpus's. Save each shard's background (--save-background), add them up with zhpolicy merge --emit partial, and rank every shard against the sum (--background FILE)")
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return keywordsRun(c.Context(), f, opts)
		},
	}
	cmdutil.AddInputFlags(cmd, &opts.In, true)
	cmdutil.AddSegFlags(cmd, &opts.Seg, seg.DefaultHMM)
	cmdutil.AddFormatFlag(cmd, &opts.Format, report.Formats...)
	cmdutil.AddScriptFlag(cmd, &opts.Script)
	cmdutil.AddTopFlag(cmd, &opts.Top, 20, "keywords per document (or in each corpus list)")
	cmdutil.AddEmitFlag(cmd, &opts.Emit)
	fl := cmd.Flags()
	fl.StringVar(&opts.Method, "method", "tfidf", "scoring: tfidf, textrank or both")
	fl.StringArrayVar(&opts.Background, "background", []string{"builtin"}, "what a keyword stands out from: builtin (policy documents), corpus (the documents given), none, or a saved background or documents (repeatable)")
	fl.StringVar(&opts.IDF, "idf", "builtin", "the general inverse document frequencies: builtin, or a file of `word idf` lines")
	fl.StringVar(&opts.Names, "names", kw.DefaultNames.String(), "names of places, organisations and people: keep (ranked with the keywords), apart (listed apart) or drop")
	fl.StringSliceVar(&opts.POS, "pos", nil, "parts of speech allowed (gse tags, comma-separated; n* for all n…; all); default "+strings.Join(kw.DefaultPOS(), ","))
	fl.StringArrayVar(&opts.Stopwords, "stopwords", nil, "file of more stopwords, one a line (repeatable)")
	fl.IntVar(&opts.MinLen, "min-len", 2, "shortest keyword, in characters")
	fl.BoolVar(&opts.NewWords, "new-words", DefaultNewWords, "keyword candidates include the words gse's HMM finds where the dictionary has none (算力, 免申即享)")
	fl.BoolVar(&opts.Corpus, "corpus", false, "show what the corpus is about and what distinguishes each document, instead of each document's keywords")
	cmdutil.EnumFlag(cmd, &opts.Keyness, "keyness", "", "with --corpus, what a document is compared with", "corpus", "background")
	fl.BoolVar(&opts.Phrases, "phrases", true, "rank the word sequences a document repeats as one key phrase (--phrases=false: single words)")
	fl.StringVar(&opts.Save, "save-background", "", "write the background of the documents given to `FILE` (JSON Lines; read it with --background FILE, add backgrounds up with zhpolicy merge) instead of ranking")
	return cmd
}

func checkBackground(specs []string) error {
	for _, s := range specs {
		switch s {
		case "":
			return cmdutil.FlagErrorf("invalid --background: use builtin, corpus, none, or a path")
		case "builtin", "none", "corpus":
			if len(specs) > 1 {
				return cmdutil.FlagErrorf("invalid --background %s: it cannot be combined with another --background", s)
			}
		}
	}
	return nil
}

// docResult is what the workers hand back for one document.
type docResult struct {
	name  string
	terms *kw.Terms
	span  views.Span
	out   *views.Prepared // a document ranked alone: its tables, rendered on the worker
	// a document kept for the second pass with --corpus: its vocabulary
	// and its compacted terms, encoded on the worker (terms is then the
	// compacted form, span nil)
	vocab, enc []byte
	want       []string // with --background corpus: the keys ranking it looks up
}

func keywordsRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	exOpts, err := extractOptions(opts)
	if err != nil {
		return err
	}
	if err := opts.Seg.Load(f); err != nil {
		return err
	}
	if opts.NewWords {
		exOpts.NewWords = opts.Seg.NewWords(f)
	}
	general, err := loadIDF(opts.IDF)
	if err != nil {
		return err
	}
	fromCorpus := opts.Background[0] == "corpus"
	var bg *kw.Background // the background scores are against
	switch opts.Background[0] {
	case "builtin":
		if bg, err = kw.BuiltinBackground(); err != nil {
			return err
		}
	case "none", "corpus":
	default:
		if bg, err = userBackground(ctx, f, opts); err != nil {
			return err
		}
	}
	exOpts.IDF = bg.IDF(general)
	if opts.Save != "" {
		return saveBackground(ctx, f, opts)
	}
	disp, err := script.NewDisplay(opts.Script)
	if err != nil {
		return err
	}
	w, err := report.NewWriter(opts.IO.Out, opts.Format, report.Options{TTY: opts.IO.IsStdoutTTY()})
	if err != nil {
		return err
	}
	keep := fromCorpus || opts.Corpus
	// a document ranked alone is added to no background
	exOpts.NoVocabulary = !keep
	docs := cmdutil.Docs{F: f, In: &opts.In, Label: "keywords", StreamsOutput: !keep, ReleaseInput: true,
		Cut: &seg.Options{Mode: seg.Precise, HMM: opts.Seg.HMM, POS: true}}
	// the documents held for a second pass, compacted and encoded: on
	// disk past spill.DefaultLimit, so that memory does not grow with
	// the corpus
	kept := spill.New("", spillLimit)
	defer kept.Close()
	vocabs := spill.New("", spillLimit)
	defer vocabs.Close()
	corpusBg := kw.NewBackground() // the documents' own background
	inputs := partial.Inputs{Empty: opts.In.Shard + " " + strings.Join(opts.Paths, " ")}
	res, err := cmdutil.RunDocs(ctx, docs, opts.Paths,
		func(ctx context.Context, d *corpus.Doc) (docResult, error) {
			r := docResult{name: d.Name, terms: kw.Collect(d.In, exOpts), span: d.OriginalSpan}
			var err error
			if keep {
				// the corpus is the reference of keyness and, with
				// --background corpus, of the IDF: the first looks up
				// the terms the documents rank, the second also their
				// parts and remainders (LookupKeys). Their counts are
				// taken from the vocabularies once all are known.
				// Positions are mapped now: the span function holds the
				// whole document, which must not stay in memory.
				r.vocab = r.terms.AppendVocabulary(nil)
				r.enc, err = r.terms.Compact(exOpts.Method, r.span).AppendBinary(nil)
				if fromCorpus {
					r.want = r.terms.LookupKeys()
				}
				r.span = nil
				return r, err
			}
			r.out, err = docView(r, exOpts, opts.Top, disp).Prepare(w, opts.Format)
			return r, err
		},
		func(d *corpus.Doc, r docResult) error {
			if !r.terms.Chinese && !r.terms.Empty {
				cmdutil.Warnf(opts.IO, "%s: no Chinese text; no keywords", r.name)
			}
			if !keep {
				return r.out.Write(w)
			}
			inputs.Add(d.Name, int64(len(d.Original)))
			if err := vocabs.Add(r.vocab); err != nil {
				return err
			}
			if fromCorpus {
				corpusBg.WantKeys(r.want)
			} else {
				corpusBg.WantTerms(r.terms)
			}
			return kept.Add(r.enc)
		})
	if err != nil {
		return err
	}
	if keep {
		for rec, err := range vocabs.All() {
			if err == nil {
				err = corpusBg.CountVocabulary(rec)
			}
			if err != nil {
				return err
			}
		}
		vocabs.Close()
	}
	if fromCorpus {
		exOpts.IDF = corpusBg.IDF(general)
	}
	switch {
	case opts.Emit == "partial":
		h := kw.CorpusHeader{Envelope: partial.Envelope{Tool: f.Version, Parts: inputs.Parts()}}
		if h.Settings, err = rankSettings(opts, exOpts, bg); err != nil {
			return err
		}
		if err := writeCorpusPartial(ctx, opts.IO.Out, kept, exOpts, h); err != nil {
			return err
		}
		return cmdutil.Exit(res, 0)
	case opts.Corpus:
		if err := writeCorpus(ctx, w, kept, corpusBg, bg, exOpts, opts, disp); err != nil {
			return err
		}
	case keep:
		for t, err := range keptTerms(kept) {
			if err == nil {
				err = ctx.Err()
			}
			if err != nil {
				return err
			}
			if err := docView(docResult{name: t.Name, terms: t}, exOpts, opts.Top, disp).Write(w, opts.Format); err != nil {
				return err
			}
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	return cmdutil.Exit(res, 0)
}

// docView ranks one document: its keywords (and names).
func docView(r docResult, o kw.Options, top int, disp *script.Display) *views.View {
	var names []kw.Keyword
	if o.Names == kw.NamesApart {
		// nil for a short text that is not policy, whose names are
		// ranked with its keywords: no table of names then
		names = r.terms.Names(o, top)
	}
	return views.KeywordsDoc(r.name, r.terms.Score(o, top), names, disp, r.span)
}

// spillLimit is the memory the kept documents may take before they go to
// disk: 0 for spill.DefaultLimit; tests set it to send them to disk.
var spillLimit int

// keptTerms reads back the documents' Terms in order.
func keptTerms(s *spill.Store) iter.Seq2[*kw.Terms, error] {
	return func(yield func(*kw.Terms, error) bool) {
		for rec, err := range s.All() {
			t := new(kw.Terms)
			if err == nil {
				err = t.UnmarshalBinary(rec)
			}
			if !yield(t, err) || err != nil {
				return
			}
		}
	}
}

// writeCorpus writes what the corpus is about and what distinguishes each
// document.
func writeCorpus(ctx context.Context, w *report.Writer, kept *spill.Store, corpusBg, bg *kw.Background, o kw.Options, opts *Options, disp *script.Display) error {
	ref, within, refName := corpusBg, true, "the rest of the corpus"
	if opts.Keyness == "background" {
		if bg == nil {
			return cmdutil.FlagErrorf("--keyness background needs a background: use --background builtin, or a saved one")
		}
		ref, within, refName = bg, false, "the background"
		if opts.Background[0] == "builtin" {
			refName = "the policy background"
		}
	}
	var docs []views.KeynessDoc
	c, err := corpusRanking(ctx, kept, o, func(t *kw.Terms) {
		docs = append(docs, views.KeynessDoc{File: t.Name, Terms: t.Keyness(ref, within, o, opts.Top)})
	})
	if err != nil {
		return err
	}
	which := kw.All
	if o.Names == kw.NamesApart {
		which = kw.KeywordsOnly
	}
	return views.KeywordsCorpus(c, which, o.Names == kw.NamesApart, docs, refName, disp, opts.Top).Write(w, opts.Format)
}

// corpusRanking adds up the rankings of the kept documents.
func corpusRanking(ctx context.Context, kept *spill.Store, o kw.Options, each func(*kw.Terms)) (*kw.Corpus, error) {
	c := kw.NewCorpus()
	for t, err := range keptTerms(kept) {
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			return nil, err
		}
		if o.Names == kw.NamesApart {
			c.Add(t, t.Score(o, 0), t.Names(o, 0))
		} else {
			c.Add(t, t.Score(o, 0))
		}
		if each != nil {
			each(t)
		}
	}
	return c, nil
}

// writeCorpusPartial writes the corpus ranking as a partial (--emit
// partial), for zhpolicy merge.
func writeCorpusPartial(ctx context.Context, w io.Writer, kept *spill.Store, o kw.Options, h kw.CorpusHeader) error {
	c, err := corpusRanking(ctx, kept, o, nil)
	if err != nil {
		return err
	}
	return c.WritePartial(w, h)
}

// rankSettings describe how a corpus ranking was made, so that merge adds
// up only rankings made alike: how documents were collected, the method,
// phrases, names, and what they were ranked against (the background by
// its totals, the general IDF table by a digest of its file).
func rankSettings(opts *Options, o kw.Options, bg *kw.Background) (kw.Settings, error) {
	s, err := settings(opts)
	if err != nil {
		return s, err
	}
	s.Method, s.Phrases, s.Names = o.Method.String(), opts.Phrases, o.Names.String()
	against := opts.Background[0]
	if bg != nil && against != "builtin" {
		against = fmt.Sprintf("background of %d documents, %d words, %d terms", bg.Docs(), bg.Units(), bg.Len())
	}
	general := "builtin"
	if opts.IDF != "builtin" {
		b, err := os.ReadFile(opts.IDF)
		if err != nil {
			return s, fmt.Errorf("--idf %s: %w", opts.IDF, cmdutil.PathErr(err))
		}
		general = fmt.Sprintf("file %x", sha256.Sum256(b))[:21]
	}
	s.IDF = against + "; idf " + general
	return s, nil
}

// settings describe how documents are collected, for saved backgrounds.
func settings(opts *Options) (kw.Settings, error) {
	// HMM: whether the candidates have the HMM's words, from the cut
	// (--hmm) or added to it (--new-words): the same candidates
	s := kw.Settings{Version: kw.PartialVersion, MinLen: opts.MinLen, POS: opts.POS, HMM: opts.Seg.HMM || opts.NewWords, Clean: opts.In.Clean()}
	d, err := opts.Seg.Digest()
	if err != nil {
		return s, err
	}
	s.Dicts = d
	if len(opts.Stopwords) > 0 {
		h := strings.Builder{}
		for _, p := range opts.Stopwords {
			b, err := os.ReadFile(p)
			if err != nil {
				return s, fmt.Errorf("--stopwords %s: %w", p, cmdutil.PathErr(err))
			}
			fmt.Fprintf(&h, "%d:%x;", len(b), b[:min(len(b), 64)])
		}
		s.Stopwords = fmt.Sprintf("%x", []byte(h.String()))[:32]
	}
	return s, nil
}

// collectBackground reads documents and adds each to a background.
func collectBackground(ctx context.Context, f *cmdutil.Factory, opts *Options, in *cmdutil.InputFlags, paths []string) (*kw.Background, partial.Inputs, corpus.Outcome, error) {
	bgOpts, err := extractOptions(opts)
	if err != nil {
		return nil, partial.Inputs{}, corpus.Outcome{}, err
	}
	bgOpts.Entities = nil
	if opts.NewWords {
		bgOpts.NewWords = opts.Seg.NewWords(f)
	}
	bg := kw.NewBackground()
	inputs := partial.Inputs{Empty: in.Shard + " " + strings.Join(paths, " ")}
	docs := cmdutil.Docs{F: f, In: in, Label: "background", Cut: &seg.Options{Mode: seg.Precise, HMM: opts.Seg.HMM, POS: true}}
	out, err := cmdutil.RunDocs(ctx, docs, paths,
		func(ctx context.Context, d *corpus.Doc) (*kw.Terms, error) { return kw.Collect(d.In, bgOpts), nil },
		func(d *corpus.Doc, t *kw.Terms) error {
			inputs.Add(d.Name, int64(len(d.Original)))
			bg.Add(t)
			return nil
		})
	return bg, inputs, out, err
}

// saveBackground writes the background of the documents given.
func saveBackground(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	s, err := settings(opts)
	if err != nil {
		return err
	}
	if opts.Save != "-" {
		// before the documents are read: a mistyped directory fails at once
		if err := safewrite.Check(opts.Save); err != nil {
			return fmt.Errorf("--save-background %w", err)
		}
	}
	bg, inputs, out, err := collectBackground(ctx, f, opts, &opts.In, opts.Paths)
	if err != nil {
		return err
	}
	h := kw.BackgroundHeader{Envelope: partial.Envelope{Tool: f.Version, Parts: inputs.Parts()}, Settings: s}
	write := func(w io.Writer) error { return bg.WritePartial(w, h) }
	if opts.Save == "-" {
		err = write(opts.IO.Out)
	} else {
		err = safewrite.Create(ctx, opts.Save, write)
	}
	if err != nil {
		return err
	}
	return cmdutil.Exit(out, 0)
}

// userBackground reads the saved backgrounds and the documents given with
// --background, and adds them up.
func userBackground(ctx context.Context, f *cmdutil.Factory, opts *Options) (*kw.Background, error) {
	want, err := settings(opts)
	if err != nil {
		return nil, err
	}
	var total *kw.Background
	add := func(b *kw.Background, what string) error {
		if total == nil {
			total = b
			return nil
		}
		if err := total.Merge(b); err != nil {
			return fmt.Errorf("--background %s: %w", what, err)
		}
		return nil
	}
	var docPaths []string
	for _, p := range opts.Background {
		if !partial.IsPath(p) {
			docPaths = append(docPaths, p)
			continue
		}
		rc, err := partial.Open(p, opts.IO.In)
		if err != nil {
			return nil, fmt.Errorf("--background %w", err)
		}
		h, b, err := kw.ReadBackgroundPartial(p, rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("--background %w", err)
		}
		if d := want.Diff(h.Settings); d != "" {
			return nil, cmdutil.FlagErrorf("--background %s was built differently (%s): build it again with the flags of this run", p, d)
		}
		if err := add(b, p); err != nil {
			return nil, err
		}
	}
	if len(docPaths) > 0 {
		in := opts.In // the background is every document given, whatever the shard
		in.Shard = ""
		if err := in.Validate(); err != nil {
			return nil, err
		}
		b, _, out, err := collectBackground(ctx, f, opts, &in, docPaths)
		if err != nil {
			return nil, err
		}
		if out.Docs == 0 {
			return nil, fmt.Errorf("--background %s: no document read", strings.Join(docPaths, " "))
		}
		if err := add(b, strings.Join(docPaths, " ")); err != nil {
			return nil, err
		}
	}
	return total, nil
}

// extractOptions turns flags into library options, reading stopword files.
func extractOptions(opts *Options) (kw.Options, error) {
	o, err := kw.Default()
	if err != nil {
		return o, err
	}
	o.Method, _ = kw.ParseMethod(opts.Method)
	o.Names, _ = kw.ParseNames(opts.Names)
	o.MinLen, o.NoPhrases = opts.MinLen, !opts.Phrases

	if len(opts.POS) > 0 {
		p, err := kw.NewPOSFilter(opts.POS)
		if err != nil {
			return o, cmdutil.FlagErrorf("invalid --pos: %v", err)
		}
		o.POS = p
	}
	stop := kw.BuiltinStopwords()
	for _, path := range opts.Stopwords {
		s, err := readStopwords(path)
		if err != nil {
			return o, err
		}
		stop = stop.Union(s)
	}
	o.Stopwords = stop
	return o, nil
}

func readStopwords(path string) (*kw.Stopwords, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--stopwords %s: %w", path, cmdutil.PathErr(err))
	}
	defer fh.Close()
	return kw.ParseStopwords(path, fh)
}

// loadIDF opens the built-in table or reads a file.
func loadIDF(spec string) (kw.IDF, error) {
	if spec == "builtin" {
		return idf.Default()
	}
	fh, err := os.Open(spec)
	if err != nil {
		return nil, fmt.Errorf("--idf %s: %w (use builtin or a file of `word idf` lines)", spec, cmdutil.PathErr(err))
	}
	defer fh.Close()
	return kw.ParseIDF(spec, fh)
}
