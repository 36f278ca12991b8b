package slogans

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"zhpolicy/pkg/analysis"
)

// The features of a formulation a learned decision reads (round 14): what
// the extractor already knows of it (kind, counts, novelty, extent) and the
// words around its first use (their parts of speech, a verb glued before
// it, a list or a definition around it). FeatureNames names them in order;
// Features computes them. They are generic shapes, no words of any document.

// FeatureNames names the features of Features, in order.
func FeatureNames() []string {
	return []string{
		"bias",
		"kind_quoted", "kind_numbered", "kind_parallel", "kind_lexicon", "kind_plan",
		"log_count", "quoted_share", "all_quoted", "log_forms",
		"new", "src_lexicon", "src_policy", "src_baseline", "log_base_count",
		"len", "len_le3", "len_ge8", "has_digit", "has_latin", "has_plus",
		"head_or_tail", "members", "member_len",
		"prev_verb", "prev_noun", "prev_punct", "prev_one_char_verb", "prev_prep",
		"next_verb", "next_noun", "next_punct", "next_de", "next_deng",
		"list_around", "quote_run", "define_before", "contrast",
		"first_pos", "log_doc_len", "title_line",
		"core_in_dict", "core_idf", "core_common", "core_composed", "core_ref", "core_policy",
		"head_verb", "head_noun", "tail_verb", "tail_noun", "core_tokens",
	}
}

// Features computes the features of FeatureNames for a formulation of the
// document in (a result of Analyze on in). The same function serves the
// bench script that fits the weights and the filter that applies them.
func Features(in *analysis.Input, f *Formulation) []float64 {
	return features(in, f, utf8.RuneCountInString(in.Text))
}

// features is Features with the document's length in runes counted once.
func features(in *analysis.Input, f *Formulation, docRunes int) []float64 {
	x := make([]float64, 0, 52)
	b := func(c bool) float64 {
		if c {
			return 1
		}
		return 0
	}
	x = append(x, 1,
		b(f.Kind == Quoted), b(f.Kind == Numbered), b(f.Kind == Parallel), b(f.Kind == Lex), b(f.Kind == Plan))
	share := 0.0
	if f.Count > 0 {
		share = float64(f.Quoted) / float64(f.Count)
	}
	x = append(x, math.Log1p(float64(f.Count)), share, b(f.Count > 0 && f.Bare == 0), math.Log1p(float64(len(f.Forms))))
	n := f.Novelty
	x = append(x, b(n.New()), b(n.Source == SourceLexicon), b(n.Source == SourcePolicy), b(n.Source == SourceBaseline),
		math.Log1p(float64(n.Count)))
	key := []rune(f.Key)
	var digit, latin, plus bool
	for _, r := range key {
		switch {
		case r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十两百千万", r):
			digit = true
		case r < 128 && unicode.IsLetter(r):
			latin = true
		case r == '+' || r == '＋':
			plus = true
		}
	}
	L := float64(len(key))
	x = append(x, math.Min(L, 20)/10, b(len(key) <= 3), b(len(key) >= 8), b(digit), b(latin), b(plus))
	mlen := 0.0
	if len(f.Members) > 0 {
		for _, m := range f.Members {
			mlen += float64(utf8.RuneCountInString(m))
		}
		mlen /= float64(len(f.Members))
	}
	x = append(x, b(f.Core != "" && f.Core != f.Key), math.Min(float64(len(f.Members)), 8)/4, math.Min(mlen, 12)/6)

	// the words around the first use
	start, end := -1, -1
	if len(f.Occurrences) > 0 {
		start, end = f.Occurrences[0].Start, f.Occurrences[0].End
	}
	var prev, prev2, next *tokenView
	if start >= 0 {
		toks := in.Tokens
		i := sort.Search(len(toks), func(i int) bool { return int(toks[i].Start) >= start })
		if i > 0 {
			prev = &tokenView{toks[i-1].Text, toks[i-1].POS}
		}
		if i > 1 {
			prev2 = &tokenView{toks[i-2].Text, toks[i-2].POS}
		}
		j := sort.Search(len(toks), func(j int) bool { return int(toks[j].Start) >= end })
		if j < len(toks) {
			next = &tokenView{toks[j].Text, toks[j].POS}
		}
	}
	x = append(x, b(prev.is('v')), b(prev.is('n')), b(prev == nil || prev.punct()),
		b(prev.is('v') && utf8.RuneCountInString(prev.text) == 1), b(prev.is('p')))
	x = append(x, b(next.is('v')), b(next.is('n')), b(next == nil || next.punct()),
		b(next != nil && next.text == "的"), b(next != nil && next.text == "等"))
	before, after := runesAround(in.Text, start, end, 12)
	list := (len(before) > 0 && strings.ContainsRune("、", before[len(before)-1])) ||
		(len(after) > 0 && strings.ContainsRune("、", after[0]))
	run := 0
	if len(before) > 0 && isCloseQuote(before[len(before)-1]) {
		run++
	}
	if len(after) > 0 && isOpenQuote(after[0]) {
		run++
	}
	define := false
	if prev != nil && prev2 != nil {
		define = strings.Contains(prev2.text+prev.text, "称") || strings.Contains(prev2.text+prev.text, "是指") ||
			strings.Contains(prev2.text+prev.text, "所谓")
	}
	contrast := strings.Contains(string(before), "从") && (strings.Contains(string(after), "到") || strings.Contains(string(after), "向"))
	x = append(x, b(list), float64(run)/2, b(define), b(contrast))
	pos := 0.0
	if start >= 0 && len(in.Text) > 0 {
		pos = float64(start) / float64(len(in.Text))
	}

	x = append(x, pos, math.Log1p(float64(docRunes))/10, b(shortLine(in.Text, start, end, 30)))

	// the core as a word: in the general dictionary (and how common), cut
	// into known words, used by the reference reports, a policy term
	w := builtinWords()
	core := f.Core
	if core == "" {
		core = f.Key
	}
	idfv := 0.0
	if w != nil && w.idf != nil {
		if v, ok := w.idf.Lookup(core); ok && v > 0 {
			idfv = v
		}
	}
	x = append(x, b(w.inDictionary(core)), idfv/12, b(w.common(core)), b(w.composed(core)), b(w.refUses(core)), b(w.policy(core)))
	// the first and last words of the extent, and how many words it has
	var head, tail *tokenView
	ntok := 0
	if start >= 0 {
		toks := in.Tokens
		i := sort.Search(len(toks), func(i int) bool { return int(toks[i].End) > start })
		for j := i; j < len(toks) && int(toks[j].Start) < end; j++ {
			t := &tokenView{toks[j].Text, toks[j].POS}
			if t.punct() {
				continue
			}
			if head == nil {
				head = t
			}
			tail = t
			ntok++
		}
	}
	x = append(x, b(head.is('v')), b(head.is('n')), b(tail.is('v')), b(tail.is('n')), math.Min(float64(ntok), 8)/4)
	return x
}

// quality is the learned probability that a formulation of the document is
// one an analyst would keep (the logistic regression of modelWeights over
// Features). The per-document salience order multiplies the salience score
// by it (round 14); it removes nothing.
func quality(w *[52]float64, in *analysis.Input, f *Formulation, docRunes int) float64 {
	x := features(in, f, docRunes)
	s := 0.0
	for i := range x {
		s += w[i] * x[i]
	}
	return 1 / (1 + math.Exp(-s))
}

// shortLine reports whether the line holding text[s:e] has at most n runes,
// looking no further than such a line could reach (4n bytes each side).
func shortLine(text string, s, e, n int) bool {
	if s < 0 || e > len(text) || s > e {
		return false
	}
	lo := max(0, s-4*n-1)
	ls := strings.LastIndexByte(text[lo:s], '\n')
	if ls < 0 && lo > 0 {
		return false
	}
	ls += lo + 1
	hi := min(len(text), e+4*n+1)
	le := strings.IndexByte(text[e:hi], '\n')
	if le < 0 {
		if hi < len(text) {
			return false
		}
		le = len(text) - e
	}
	return utf8.RuneCountInString(text[ls:e+le]) <= n
}

type tokenView struct{ text, pos string }

func (t *tokenView) is(c byte) bool { return t != nil && t.pos != "" && t.pos[0] == c }

func (t *tokenView) punct() bool {
	if t == nil {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsPunct(r) || unicode.IsSpace(r) || t.pos == "x" || t.pos == "w"
}

// runesAround gives up to n runes of text before s and after e.
func runesAround(text string, s, e, n int) (before, after []rune) {
	if s < 0 || e > len(text) || s > e {
		return nil, nil
	}
	b := []rune(text[max(0, s-4*n):s])
	if len(b) > n {
		b = b[len(b)-n:]
	}
	a := []rune(text[e:min(len(text), e+4*n)])
	if len(a) > n {
		a = a[:n]
	}
	return b, a
}

func isOpenQuote(r rune) bool  { return strings.ContainsRune("“‘「『\"", r) }
func isCloseQuote(r rune) bool { return strings.ContainsRune("”’」』\"", r) }

// FeatureWords gives the symbolic features of a formulation's first use:
// the word before it and after it, its first and last words, the last
// character of its key, each with its part of speech where it has one
// ("prev=推进", "prevpos=v", "tailchar=台"). A learned model keeps those a
// training set attests often enough.
func FeatureWords(in *analysis.Input, f *Formulation) []string {
	out := []string{"kind=" + string(f.Kind)}
	if r := []rune(f.Key); len(r) > 0 {
		out = append(out, "tailchar="+string(r[len(r)-1]), "headchar="+string(r[0]))
	}
	if len(f.Occurrences) == 0 {
		return out
	}
	start, end := f.Occurrences[0].Start, f.Occurrences[0].End
	toks := in.Tokens
	i := sort.Search(len(toks), func(i int) bool { return int(toks[i].Start) >= start })
	if i > 0 {
		out = append(out, "prev="+toks[i-1].Text, "prevpos="+toks[i-1].POS)
	}
	j := sort.Search(len(toks), func(j int) bool { return int(toks[j].Start) >= end })
	if j < len(toks) {
		out = append(out, "next="+toks[j].Text, "nextpos="+toks[j].POS)
	}
	var head, tail string
	for k := sort.Search(len(toks), func(k int) bool { return int(toks[k].End) > start }); k < len(toks) && int(toks[k].Start) < end; k++ {
		t := tokenView{toks[k].Text, toks[k].POS}
		if t.punct() {
			continue
		}
		if head == "" {
			head = "head=" + t.text
			out = append(out, "headpos="+t.pos)
		}
		tail = "tail=" + t.text
	}
	if head != "" {
		out = append(out, head, tail)
	}
	return out
}
