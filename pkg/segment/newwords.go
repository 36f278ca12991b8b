package segment

import (
	"errors"
	"unicode/utf8"
)

// NewWords turns toks, the precise cut of text without HMM (Cut with
// Options{Mode: Precise, HMM: false}), into the precise cut with HMM,
// without cutting the text again. gse's HMM only ever changes the runs of
// single characters the dictionary's route leaves (三|大 of 三大攻坚战,
// 算|力 of 算力): each run of two or more one-character tokens of a block
// (see inRun) is cut again with HMM on, alone. The route over such a run alone is the run
// of single characters it was in context (every path the context adds
// passes through the run's end, where the context's best path ends the
// run), so the run is the pending run gse's cutDAG hands its HMM.
//
// It lets one cut serve analyses that want the dictionary's words (the
// entity recogniser, tuned on them) and analyses that want the new words
// (keyword candidates): analyze and report cut once. toks is returned
// as is when no run changes; otherwise a new slice (toks is not modified).
// opt.POS says whether tokens carry parts of speech, as Cut's. folded, when
// not empty, is text as the segmenter's Config.Fold folds it (the caller
// has it: analysis.Input.Folded), so that it is not folded again.
func (s *Segmenter) NewWords(text, folded string, toks []Token, opt Options) ([]Token, error) {
	if opt.Mode != Precise {
		return nil, errors.New("segment: NewWords recuts a precise cut only")
	}
	opt.HMM = true
	work, same := text, true
	if s.cfg.Fold != nil && folded != "" {
		if utf8.RuneCountInString(folded) != utf8.RuneCountInString(text) {
			return nil, errors.New("segment: NewWords: the folded text has another number of characters")
		}
		work, same = folded, folded == text
	} else if s.cfg.Fold != nil {
		if f, ok := s.cfg.Fold(text); ok && f != text {
			if utf8.RuneCountInString(f) != utf8.RuneCountInString(text) {
				return nil, errors.New("segment: script folding changed the number of characters")
			}
			work, same = f, false
		}
	}
	// the work offset of a text offset, for folded texts: a cursor that
	// only moves forward (runs come in order)
	ti, wi := 0, 0
	workAt := func(t int) int {
		if same {
			return t
		}
		for ti < t {
			_, n := utf8.DecodeRuneInString(text[ti:])
			_, m := utf8.DecodeRuneInString(work[wi:])
			ti += n
			wi += m
		}
		return wi
	}
	var out []Token // nil until a run changes
	sc := s.pool.Get().(*scratch)
	defer s.pool.Put(sc)
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && s.inRun(toks[j]) && (j == i || toks[j].Start == toks[j-1].End) {
			j++
		}
		if j-i < 2 {
			if out != nil {
				out = append(out, toks[i])
			}
			i++
			continue
		}
		a, b := int(toks[i].Start), int(toks[j-1].End)
		c := cutter{s: s, sc: sc, opt: opt, text: text[a:b], work: work[workAt(a):workAt(b)], plain: s.cfg.Plain}
		c.same = c.work == c.text
		c.out = make([]Token, 0, j-i)
		if !c.run() {
			return nil, errInvalid
		}
		if !sameCut(c.out, toks[i:j], a) {
			if out == nil {
				out = make([]Token, i, len(toks))
				copy(out, toks[:i])
			}
			for _, t := range c.out {
				t.Start += int32(a)
				t.End += int32(a)
				out = append(out, t)
			}
		} else if out != nil {
			out = append(out, toks[i:j]...)
		}
		i = j
	}
	if out == nil {
		return toks, nil
	}
	return out, nil
}

// inRun says whether t may be part of a run the HMM cuts: one character
// of a block (Han, or an ASCII letter, digit or joiner as the cutter reads
// them), or ASCII letters and digits, which the cut without HMM joins
// into one token where the route has them one by one (2|.|5D of 2.5D,
// which the HMM reads 2.5|D).
func (s *Segmenter) inRun(t Token) bool {
	if t.Text == "" {
		return false
	}
	r, n := utf8.DecodeRuneInString(t.Text)
	if n == len(t.Text) {
		return classOf(widthFold(r, s.cfg.Plain)) == clBlock
	}
	for _, r := range t.Text {
		if !isASCIIAlnum(widthFold(r, s.cfg.Plain)) {
			return false
		}
	}
	return true
}

// sameCut says whether cut (offsets relative to a) has the boundaries of
// toks.
func sameCut(cut, toks []Token, a int) bool {
	if len(cut) != len(toks) {
		return false
	}
	for i := range cut {
		if int(cut[i].Start)+a != int(toks[i].Start) || int(cut[i].End)+a != int(toks[i].End) {
			return false
		}
	}
	return true
}
