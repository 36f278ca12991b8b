package keywords

import "math"

// FeatureNames name the values of Candidate.Features, in order: what the
// extractor knows of a ranked term that a learned model (bench/keywords/
// learn, session 11) may weigh. Every value but inside is computed from what
// a compacted Terms keeps (Terms.Compact); inside counts, in a compacted
// Terms, only the longer terms that can be ranked.
var FeatureNames = []string{
	"score_rel",  // log of the score over the document's best score
	"gen_idf",    // general IDF (the table's median when it lacks the key)
	"gen_known",  // 1 when the general table has the key
	"bg_df",      // ln(1 + policy-background document frequency)
	"bg_mean",    // ln of the background's mean count per document using it
	"genre",      // ln of the call-for-applications genre ratio (0: not genre vocabulary)
	"proc",       // the procedure vocabulary's share of the key (0: none)
	"idf_rel",    // the ranking IDF over the IDF of an unknown term
	"count",      // ln of the occurrences
	"damp",       // ln(weight / count): below 0 when procedure or genre damped it, above with headings and quotes
	"runes",      // length in characters
	"phrase",     // 1 for a key phrase
	"quoted",     // 1 for a quoted phrase
	"parts",      // words of a phrase (1 for a word)
	"pos_n",      // noun (n, nz, ng)
	"pos_v",      // verb or verbal noun (v, vn)
	"pos_x",      // a word only the HMM found (x)
	"name",       // tagged as a name
	"plain",      // a plain word of policy text (see plainWord)
	"first",      // first occurrence, as a share of the document (by the last first occurrence of any term)
	"inside",     // ln(1 + count of the most frequent longer candidate holding the key / count)
	"part_min",   // a phrase's least informative word: its IDF over an unknown term's (a word: idf_rel)
	"last_gen",   // 1 when a phrase's last word is generic (see generic)
	"two_runes",  // 1 for a word of two characters
	"four_runes", // 1 for a term of four characters or more
}

// Candidate is one ranked term with the features of FeatureNames.
type Candidate struct {
	Keyword
	Features []float64
}

// Candidates ranks the document's terms as Score does (top of them; 0:
// all) and gives each its features: for measuring and learning, not for
// ranking.
func (t *Terms) Candidates(opts Options, top int) []Candidate {
	kws := t.rank(opts, top, false)
	if len(kws) == 0 {
		return nil
	}
	idf := t.idf(opts.IDF)
	at := make(map[string]int, len(t.terms))
	last := int32(1)
	for i := range t.terms {
		at[t.terms[i].key] = i
		if len(t.terms[i].spans) > 0 {
			last = max(last, t.terms[i].spans[0][0])
		}
	}
	// the most frequent longer term holding each ranked key
	holder := make(map[string]int, len(kws))
	for _, k := range kws {
		holder[k.Key] = 0
	}
	for i := range t.terms {
		tm := &t.terms[i]
		eachPart(tm.key, func(sub string) bool {
			if n, ok := holder[sub]; ok && tm.count > n {
				holder[sub] = tm.count
			}
			return true
		})
	}
	med := 1.0
	if idf != nil {
		med = idf.Median()
	}
	lookup := func(key string) float64 {
		if idf == nil {
			return 1
		}
		v, ok := idf.Lookup(key)
		if !ok {
			v = med
		}
		return v
	}
	bx, _ := opts.IDF.(*bgIDF) // a short text ranks by its general table: the features still read both
	genre := genreVocabulary()
	proc := procVocabulary()
	best := kws[0].Score
	out := make([]Candidate, 0, len(kws))
	for _, k := range kws {
		tm := &t.terms[at[k.Key]]
		f := make([]float64, 0, len(FeatureNames))
		rel := -10.0
		if best > 0 && k.Score > 0 {
			rel = math.Log(k.Score / best)
		}
		f = append(f, rel)
		g, gok := 1.0, false
		var df, cnt int64
		if bx != nil {
			g, gok = bx.gen(k.Key)
			df, cnt = bx.bg.Lookup(k.Key)
		}
		f = append(f, g, b2f(gok), math.Log1p(float64(df)))
		mean := 0.0
		if df > 0 {
			mean = math.Log(float64(cnt) / float64(df))
		}
		f = append(f, mean)
		gr := 0.0
		if r, ok := genre[k.Key]; ok && r > 1 {
			gr = math.Log(r)
		}
		f = append(f, gr, proc[k.Key], termIDF(idf, tm, t.short)/med)
		f = append(f, math.Log(float64(max(tm.count, 1))), math.Log(max(tm.weight, 1e-3)/float64(max(tm.count, 1))))
		n := runeLen(k.Key)
		f = append(f, float64(n), b2f(tm.phrase), b2f(tm.quoted), float64(max(len(tm.parts), 1)))
		p := tm.pos
		f = append(f, b2f(!tm.phrase && (p == "n" || p == "nz" || p == "ng")),
			b2f(!tm.phrase && (p == "v" || p == "vn")), b2f(!tm.phrase && p == "x"), b2f(tm.name != ""),
			b2f(!tm.phrase && plainWord(idf, k.Key)))
		first := 0.0
		if len(tm.spans) > 0 {
			first = float64(tm.spans[0][0]) / float64(last)
		}
		f = append(f, min(first, 1), math.Log1p(float64(holder[k.Key])/float64(max(tm.count, 1))))
		pm, lastGen := lookup(k.Key)/med, false
		if tm.phrase && len(tm.parts) > 0 {
			pm = math.Inf(1)
			for _, part := range tm.parts {
				pm = min(pm, lookup(part)/med)
			}
			lastGen = generic(idf, tm.parts[len(tm.parts)-1])
		}
		f = append(f, pm, b2f(lastGen), b2f(n == 2), b2f(n >= 4))
		out = append(out, Candidate{Keyword: k, Features: f})
	}
	return out
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
