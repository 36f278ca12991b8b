package slogans

// Rules 18 (round 11): quoted metaphors on notices. A ministry notice sets a
// plain noun of the general dictionary in quotation marks to use it as an
// image (“试验场”, “蓄水池”, “花架子”, “主阵地”): the word is one entry of
// the dictionary, a noun, a place word or a set phrase, with no tail that
// says what it names, and the national work reports and CPC congress
// reports never use it at all, quoted or not. A term of policy language the
// reference reports do use (“紧日子”, “传帮带”, “挑大梁”) or one they
// attest as a formulation (knownTerm) stays a formulation.

// plainMetaphor reports whether the quoted runes r[a:b] (key their
// Simplified key) are a plain dictionary word used as an image: three or
// four characters, one token of the document's segmentation with a nominal
// or set-phrase part of speech, in the general dictionary, and not used by
// the reference reports (dict/slogans/refwords.txt).
func (x *extractor) plainMetaphor(a, b int, key string) bool {
	if n := b - a; n < 3 || n > 4 || !x.words.inDictionary(key) || x.words.refUses(key) {
		return false
	}
	t, ok := x.v.tokenAt(a)
	if !ok || t.b != b {
		return false
	}
	switch t.pos {
	case "n", "nr", "nz", "ns", "nt", "nl", "ng", "s", "l", "i":
		return true
	}
	return false
}

// adverbOnly reports whether the members are one adverb of two characters
// or more, the same in all, each followed by one word of one or two
// characters (相互支撑、相互促进; 相互分离、相互制约、相互监督; 快速发现、快速
// 告警): they say how one thing relates or acts, an ordinary description,
// not a set phrase (rules 18). The adverb must be tagged as one in some
// member (gse reads 相互促进 as one idiom, 制约 after it as a noun). A
// member of a series of the reference reports (亲自部署 of 亲自指挥、亲自部署;
// 相互尊重) makes the series a formulation, and so does the series attested
// itself (attested).
func (x *extractor) adverbOnly(members [][]rune, rspans [][2]int) bool {
	v := x.v
	if x.ref == nil || !v.hasTokens || len(members) < 2 {
		return false // LoosePairs: the baseline's own generation keeps every pair
	}
	p := 0
	for p < len(members[0]) {
		same := true
		for _, m := range members[1:] {
			if p >= len(m) || m[p] != members[0][p] {
				same = false
				break
			}
		}
		if !same {
			break
		}
		p++
	}
	if p < 2 {
		return false
	}
	adverb := false
	for i, m := range members {
		if len(m)-p > 2 || len(m)-p < 1 {
			return false
		}
		if t, ok := v.tokenAt(rspans[i][0]); ok && t.pos == "d" && t.b-t.a == p {
			adverb = true
		}
	}
	if !adverb {
		return false
	}
	for _, m := range members {
		if x.ref.member(string(m)) {
			return false // a member of a series of the reference reports: 亲自部署 (亲自指挥、亲自部署)
		}
	}
	return true
}

// wordAcross reports whether a word of the dictionaries (two to four Han
// characters) runs across s[j-1] and s[j], where a hard-wrapped line was
// joined (rules 18): the segmenter saw the line break and cut the word
// (服务要\n求标准), so its token boundary there is no word boundary.
func (x *extractor) wordAcross(j int) bool {
	s := x.v.s
	for n := 2; n <= 4; n++ {
		for k := j - n + 1; k < j; k++ {
			if k < 0 || k+n > len(s) || !allHan(s[k:k+n]) {
				continue
			}
			if x.words.known(string(s[k : k+n])) {
				return true
			}
		}
	}
	return false
}
