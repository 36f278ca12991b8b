package main

import (
	"fmt"
	"io"
	"log"
	"strings"
	"sync"

	"github.com/go-ego/gse"

	"zhpolicy/bench/sighan/internal/proto"
	"zhpolicy/dict"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
)

// cutFunc segments one line and returns its words in order.
type cutFunc func(line string) ([]string, error)

// system is one row of the results: a segmenter in one configuration.
type system struct {
	Name string
	Desc string
	// Trad says what the system is given on AS and CityU: "fold" (zhpolicy:
	// the text as it is for the segmenter to fold, or with -fold harness
	// the harness's t2s folding), "harness" (always the harness's t2s
	// folding), "raw" (the Traditional text as it is).
	Trad string
	// NoSimp is set for systems run only on the Traditional corpora.
	NoSimp bool
	// NeedsGseDict: the system reads gse's s_1.txt (-gse-dict).
	NeedsGseDict bool
	// Key names the loaded dictionary the system uses, so that systems
	// sharing one are run together and it is loaded once.
	Key  string
	Load func(e *env) (any, error)
	// Cut returns the function that cuts the lines of a corpus (trad: a
	// Traditional one).
	Cut func(inst any, trad bool) cutFunc
}

// env carries what systems need to load.
type env struct {
	gseDict string // path of gse's s_1.txt, for the single-frequency variants
	// segmenterFolds gives zhpolicy's segmenter script.FoldToSimplified
	// (Config.Fold), as the command line does; otherwise the harness folds
	// Traditional text with gocc t2s before cutting.
	segmenterFolds bool
}

// zhInst is a zhpolicy configuration built twice: plain, and with
// Config.Fold = script.FoldToSimplified.
type zhInst struct {
	plain, folding *segment.Segmenter
}

func zhpolicyLoad(noPolicy bool) func(*env) (any, error) {
	return func(e *env) (any, error) {
		var z zhInst
		var err error
		if z.plain, err = segment.New(segment.Config{NoPolicy: noPolicy}); err != nil {
			return nil, err
		}
		if z.folding, err = segment.New(segment.Config{NoPolicy: noPolicy, Fold: script.FoldToSimplified}); err != nil {
			return nil, err
		}
		// load now, so that loading is not timed as cutting
		for _, s := range []*segment.Segmenter{z.plain, z.folding} {
			if _, err := s.Cut("预热", segment.Options{}); err != nil {
				return nil, err
			}
		}
		return &z, nil
	}
}

// zhpolicyCut cuts with the folding segmenter on Traditional corpora
// (unless -fold harness: the harness then folds) and, unless foldAll, with
// the plain one on Simplified corpora: folding is for text detected as
// Traditional (FoldToSimplified changes Simplified text: 什么 → 什幺,
// 显著 → 显着).
func zhpolicyCut(hmm, foldAll bool, e *env) func(any, bool) cutFunc {
	return func(inst any, trad bool) cutFunc {
		z := inst.(*zhInst)
		s := z.plain
		if foldAll || (trad && e.segmenterFolds) {
			s = z.folding
		}
		return func(line string) ([]string, error) {
			toks, err := s.Cut(line, segment.Options{HMM: hmm})
			if err != nil {
				return nil, err
			}
			out := make([]string, len(toks))
			for i, t := range toks {
				out[i] = t.Text
			}
			return out, nil
		}
	}
}

var gseLogMu sync.Mutex

func gseLoad(name string) func(*env) (any, error) {
	return func(*env) (any, error) {
		gseLogMu.Lock()
		prev := log.Writer()
		log.SetOutput(io.Discard)
		defer func() {
			log.SetOutput(prev)
			gseLogMu.Unlock()
		}()
		g := &gse.Segmenter{SkipLog: true}
		if err := g.LoadDictEmbed(name); err != nil {
			return nil, fmt.Errorf("gse %s: %w", name, err)
		}
		return g, nil
	}
}

func gseCut(hmm bool) func(any, bool) cutFunc {
	return func(inst any, _ bool) cutFunc {
		g := inst.(*gse.Segmenter)
		return func(line string) ([]string, error) { return g.Cut(line, hmm), nil }
	}
}

func policyEntries() ([]proto.Entry, error) {
	es, err := segment.ParseDict("dict/policy.txt", strings.NewReader(dict.Policy))
	if err != nil {
		return nil, err
	}
	out := make([]proto.Entry, len(es))
	for i, e := range es {
		out[i] = proto.Entry{Word: e.Word, Freq: e.Freq, POS: e.POS}
	}
	return out, nil
}

func protoLoad(v protoVariant) func(*env) (any, error) {
	return func(e *env) (any, error) {
		o := proto.DictOptions{PrefixFreq1: !v.noPrefix, FixedTotal: v.fixedTotal}
		var err error
		if !v.noPolicy {
			if o.Overlay, err = policyEntries(); err != nil {
				return nil, err
			}
		}
		if v.single {
			if e.gseDict == "" {
				return nil, fmt.Errorf("the single-frequency variants need -gse-dict (gse's data/dict/zh/s_1.txt)")
			}
			if o.SingleFreqs, err = proto.ReadSingleFreqs(e.gseDict); err != nil {
				return nil, err
			}
		}
		return proto.New(o)
	}
}

func protoCut(o proto.CutOptions) func(any, bool) cutFunc {
	return func(inst any, _ bool) cutFunc {
		s := inst.(*proto.Segmenter)
		return func(line string) ([]string, error) { return s.Cut(line, o), nil }
	}
}

// allSystems lists every row the harness can produce, in table order.
// jieba's rows come from jieba_rows.py; they are listed here for the table.
func allSystems() []system { return systemsFor(&env{segmenterFolds: true}) }

func systemsFor(e *env) []system {
	hmmName := map[bool]string{true: "HMM on", false: "HMM off"}
	def := segment.DefaultHMM
	sys := []system{
		{Name: "zhpolicy", Desc: "zhpolicy default (" + hmmName[def] + ", policy dictionary)", Trad: "fold", Key: "zhpolicy",
			Load: zhpolicyLoad(false), Cut: zhpolicyCut(def, false, e)},
		{Name: "zhpolicy-hmm", Desc: "zhpolicy, HMM on", Trad: "fold", Key: "zhpolicy",
			Load: zhpolicyLoad(false), Cut: zhpolicyCut(true, false, e)},
		{Name: "zhpolicy-nohmm", Desc: "zhpolicy, HMM off", Trad: "fold", Key: "zhpolicy",
			Load: zhpolicyLoad(false), Cut: zhpolicyCut(false, false, e)},
		{Name: "zhpolicy-foldall-nohmm", Desc: "zhpolicy, HMM off, FoldToSimplified applied to Simplified text too", Trad: "fold", Key: "zhpolicy",
			Load: zhpolicyLoad(false), Cut: zhpolicyCut(false, true, e)},
		{Name: "zhpolicy-nopolicy-hmm", Desc: "zhpolicy without policy dictionary, HMM on", Trad: "fold", Key: "zhpolicy-nopolicy",
			Load: zhpolicyLoad(true), Cut: zhpolicyCut(true, false, e)},
		{Name: "zhpolicy-nopolicy-nohmm", Desc: "zhpolicy without policy dictionary, HMM off", Trad: "fold", Key: "zhpolicy-nopolicy",
			Load: zhpolicyLoad(true), Cut: zhpolicyCut(false, false, e)},
		{Name: "gse-s-hmm", Desc: "gse raw, Simplified dictionary, HMM on (AS/CityU: t2s-folded text)", Trad: "harness", Key: "gse-zh_s",
			Load: gseLoad("zh_s"), Cut: gseCut(true)},
		{Name: "gse-s-nohmm", Desc: "gse raw, Simplified dictionary, HMM off (AS/CityU: t2s-folded text)", Trad: "harness", Key: "gse-zh_s",
			Load: gseLoad("zh_s"), Cut: gseCut(false)},
		{Name: "gse-t-hmm", Desc: "gse raw, its Traditional dictionary, HMM on", Trad: "raw", NoSimp: true, Key: "gse-zh_t",
			Load: gseLoad("zh_t"), Cut: gseCut(true)},
		{Name: "gse-t-nohmm", Desc: "gse raw, its Traditional dictionary, HMM off", Trad: "raw", NoSimp: true, Key: "gse-zh_t",
			Load: gseLoad("zh_t"), Cut: gseCut(false)},
		{Name: "jieba-hmm", Desc: "jieba 0.42.1 default (HMM on)", Trad: "raw"},
		{Name: "jieba-nohmm", Desc: "jieba 0.42.1, HMM off", Trad: "raw"},
	}
	return append(sys, protoSystems()...)
}

// protoVariant is one experimental change measured with internal/proto.
// The base is pkg/segment as it stands: policy dictionary, prefix-only
// characters at frequency 1; each variant changes one thing (or, for
// "proposed", the changes recommended together).
type protoVariant struct {
	name, desc string
	noPolicy   bool // leave out the policy dictionary
	noPrefix   bool // gse's log(0) for prefix-only characters
	single     bool // single characters keep the file's frequency
	fixedTotal bool // the overlay does not change the total frequency
	cut        proto.CutOptions
}

func (v protoVariant) key() string {
	return fmt.Sprintf("proto-policy=%v-prefix1=%v-single=%v-fixed=%v", !v.noPolicy, !v.noPrefix, v.single, v.fixedTotal)
}

var proposedCut = proto.CutOptions{PunctRuns: true, Decimals: true, Percent: true, Width: true}

var protoVariants = []protoVariant{
	{name: "base", desc: "prototype of pkg/segment as it is (policy dictionary, prefix-only characters at frequency 1)"},
	{name: "nopolicy", desc: "without the policy dictionary", noPolicy: true},
	{name: "fixedtotal", desc: "total frequency of gse's word list alone: the policy/user words do not change other words' scores", fixedTotal: true},
	{name: "noprefix1", desc: "prefix-only characters scored log(0), as plain gse (undoes the char fix)", noPrefix: true},
	{name: "single", desc: "single characters keep the dictionary file's frequency, not 2", single: true},
	{name: "punct", desc: "a run of one dash/ellipsis character (——, ……) is one token", cut: proto.CutOptions{PunctRuns: true}},
	{name: "decimal", desc: "decimals kept whole (5.2, ５．２); full-width digits join blocks", cut: proto.CutOptions{Decimals: true}},
	{name: "percent", desc: "a number and a following %, ％, ‰ kept together", cut: proto.CutOptions{Percent: true}},
	{name: "width", desc: "full-width ASCII folded to half-width rune by rune before cutting", cut: proto.CutOptions{Width: true}},
	{name: "dates", desc: "digits glued to a following 年/月/日 (the corpora's convention)", cut: proto.CutOptions{Dates: true}},
	{name: "proposed", desc: "fixedtotal + punct + decimal + percent + width", fixedTotal: true, cut: proposedCut},
	{name: "proposed-nopolicy", desc: "proposed, without the policy dictionary", noPolicy: true, fixedTotal: true, cut: proposedCut},
	{name: "proposed-dates", desc: "proposed + dates", fixedTotal: true,
		cut: proto.CutOptions{PunctRuns: true, Decimals: true, Percent: true, Width: true, Dates: true}},
}

func protoSystems() []system {
	var out []system
	for _, hmm := range []bool{false, true} {
		for _, v := range protoVariants {
			c := v.cut
			c.HMM = hmm
			suffix := "-nohmm"
			if hmm {
				suffix = "-hmm"
			}
			out = append(out, system{
				Name: "proto-" + v.name + suffix, Desc: v.desc, Trad: "harness", Key: v.key(),
				Load: protoLoad(v), Cut: protoCut(c), NeedsGseDict: v.single,
			})
		}
	}
	return out
}
