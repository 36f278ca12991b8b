package check

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"zhpolicy/pkg/input"
	"zhpolicy/pkg/normalize"
	"zhpolicy/pkg/script"
)

// A plain-text document too big to hold whole (issue 21: a file costs
// about 10 bytes of memory per byte when checked whole) is checked in
// line-bounded parts, with the same findings as when checked whole:
//
//   - pinyin-annotation, width, invisible, brackets, script-mix and the
//     term matches look at a line (brackets at a paragraph: parts never end
//     inside a hard-wrapped paragraph, see PartEnd); script-mix and term
//     decide the document's script from the whole document, counted in a
//     first pass (DetectPart);
//   - encoding, empty, size, required terms and the duplicate fingerprint
//     are kept as running state and reported by Close;
//   - the GB/T 9704 rules read a 公文's structure (发文字号, title,
//     headings, 成文日期, 附件说明, page numbers): they read the first part
//     only, the head of the document (a real 公文 is far smaller than a
//     part).
//
// Nothing is fixed in parts: findings carry no edits (Fixable still says
// whether a whole-file check could fix them).

// DetectPart is the script detection of one part of a document as Check
// counts it (over the cleaned text); the detections of all parts, added up
// with script.Detection.Add, are the document's, which NewStream needs.
func DetectPart(text, format string) script.Detection {
	mk := prepareMarkup(text, format)
	return script.Detect(normalize.Clean(mk.masked, cleanOptions).Text)
}

// Stream checks one document given in consecutive parts.
type Stream struct {
	doc Document // Text unused
	set *Settings
	det script.Detection
	res Result

	off, lines int // bytes and lines before the next part
	parts      int
	nonBlank   bool
	found      []bool // required terms seen (indexes of Terms.terms)
	fp         *fingerprinter
	// scriptWhole: the one finding for a document written in the other
	// script was made (in the first part that has a stray character).
	scriptWhole bool
	// undecodable bytes: the first maxDecodeFindings runs, and how many
	runs int
	bad  []Finding
	cap  capper
}

// NewStream starts checking doc part by part. doc.Text is not read;
// doc.Size is the size of the whole file, doc.Warnings are ignored (Close
// takes the decoder's warnings, complete only at the end). det is the
// script detection of the whole document (DetectPart over every part,
// added up). s may be nil for the default settings.
func NewStream(doc Document, s *Settings, det script.Detection) *Stream {
	if s == nil {
		s = DefaultSettings()
	}
	doc.Text, doc.Warnings = "", nil
	st := &Stream{doc: doc, set: s, det: det}
	if s.Terms.Len() > 0 {
		st.found = make([]bool, len(s.Terms.terms))
	}
	if s.Severity(RuleDuplicate) != Off {
		st.fp = newFingerprinter()
	}
	return st
}

// Part checks the next part of the document: text that follows the
// previous part and ends at a line end (see PartEnd), except the last.
func (st *Stream) Part(text string) {
	doc := st.doc
	doc.Text = text
	loc := newLocator(text)
	loc.lineBase = st.lines
	mk := prepareMarkup(text, doc.Format)
	v := &view{doc: &doc, set: st.set, loc: loc, mk: mk, det: st.det, st: st}
	v.clean = normalize.Clean(mk.masked, cleanOptions)
	res := &Result{supp: newSuppressor(mk.directives, loc)}
	first := st.parts == 0
	out := v.run(res, func(r *ruleEntry) bool {
		switch r.ID {
		case RuleEncoding, RuleEmpty, RuleSize:
			return false // Close
		}
		if isGBT(r.ID) {
			return first
		}
		return true
	})
	st.res.Suppressed += res.Suppressed
	for i := range out {
		f := &out[i]
		f.Edits = nil
		// copies, not substrings that would keep the whole part in memory
		f.Text, f.Suggestion = strings.Clone(f.Text), strings.Clone(f.Suggestion)
		if f.EndOffset > 0 || f.Offset > 0 || f.Line != 1 || f.Column != 1 {
			f.Offset += st.off
			f.EndOffset += st.off
		}
	}
	SortFindings(out)
	st.res.Findings = st.cap.keep(st.res.Findings, out)
	if st.set.Severity(RuleEncoding) != Off {
		st.undecodable(v)
	}
	if !st.nonBlank && strings.TrimSpace(v.clean.Text) != "" {
		st.nonBlank = true
	}
	if st.fp != nil {
		st.fp.write(normaliseForDuplicates(v.clean.Text))
	}
	st.off += len(text)
	st.lines += strings.Count(text, "\n")
	st.parts++
}

func isGBT(id string) bool {
	for _, r := range gbt9704Rules {
		if r.ID == id {
			return true
		}
	}
	return false
}

// undecodable notes the runs of U+FFFD of a part (see undecodable, which
// Close finishes: they are findings only when the decoder warned).
func (st *Stream) undecodable(v *view) {
	replacementRuns(v.doc.Text, func(s, e, n int) {
		st.runs++
		if st.runs > maxDecodeFindings {
			return
		}
		f := v.loc.finding(RuleEncoding, s, e, undecodableMessage(n))
		f.Text = strings.Clone(f.Text)
		f.Offset += st.off
		f.EndOffset += st.off
		st.bad = append(st.bad, f)
	})
}

// Close ends the document and returns its result: every finding, in
// order, and the duplicate fingerprint. warnings are the decoder's for the
// whole document.
func (st *Stream) Close(warnings []input.Warning) *Result {
	st.cap.finish(st.res.Findings)
	s := st.set
	doc := st.doc
	doc.Warnings = warnings
	v := &view{doc: &doc, set: s, loc: newLocator(""), mk: &markup{}, det: st.det}
	add := func(id string, fs []Finding) {
		sev := s.Severity(id)
		if sev == Off {
			return
		}
		for _, f := range fs {
			f.File = doc.Name
			if f.Severity == Off {
				f.Severity = sev
			}
			st.res.Findings = append(st.res.Findings, f)
		}
	}
	if s.Severity(RuleEncoding) != Off {
		doc.Warnings = nil
		enc := ruleEncoding(v) // the document-level findings
		if len(warnings) > 0 {
			if len(st.bad) == 0 {
				enc = append(enc, documentFinding(RuleEncoding, warnings[0].Message+"; save the file as valid UTF-8"))
			} else {
				st.bad[0].Message += " [decoder: " + warnings[0].Message + "]"
				if st.runs > maxDecodeFindings {
					last := &st.bad[len(st.bad)-1]
					last.Message += fmt.Sprintf(" (%d more places not listed)", st.runs-maxDecodeFindings)
				}
				enc = append(enc, st.bad...)
			}
		}
		add(RuleEncoding, enc)
	}
	if doc.Size == 0 {
		add(RuleEmpty, []Finding{documentFinding(RuleEmpty, "empty file; add its content or delete it")})
	} else if !st.nonBlank {
		add(RuleEmpty, []Finding{documentFinding(RuleEmpty, "file has no text (only spaces or markup); add its content or delete it")})
	}
	add(RuleSize, ruleSize(v))
	if ts := s.Terms; s.Severity(RuleTerm) != Off && ts.Len() > 0 {
		var req []Finding
		for _, k := range ts.required {
			if !st.found[k] {
				req = append(req, requiredFinding(ts.terms[k]))
			}
		}
		add(RuleTerm, req)
	}
	SortFindings(st.res.Findings)
	if st.fp != nil {
		st.res.Fingerprint = st.fp.sum(s.DuplicateMinChars)
	}
	r := st.res
	return &r
}

// PartEnd says where the next part of a document should end in buf, the
// text not yet checked: after a line end about size bytes in (the last
// before it, else the first after it) where the next line does not go on
// with a hard-wrapped paragraph of the line before (the brackets rule
// reads such a paragraph as one). ok is false when more text is needed
// first; at eof, buf is always cut (whole, when no line end will do). A
// text with no such line end within 4·size bytes is cut at a line end, or
// failing one, after its last 。 or at a character boundary.
func PartEnd(buf []byte, size int, eof bool) (cut int, ok bool) {
	if len(buf) <= size {
		return len(buf), eof
	}
	// safe reports whether the cut after the '\n' at i is between
	// paragraphs; known is false when the next line is not all in buf.
	safe := func(i int) (ok, known bool) {
		ps := bytes.LastIndexByte(buf[:i], '\n') + 1
		ne := bytes.IndexByte(buf[i+1:], '\n')
		if ne < 0 {
			if !eof {
				return false, false
			}
			ne = len(buf) - i - 1
		}
		return !wrapped(string(buf[ps:i]), string(buf[i+1:i+1+ne])), true
	}
	for i := bytes.LastIndexByte(buf[:size], '\n'); i >= 0; i = bytes.LastIndexByte(buf[:i], '\n') {
		if ok, known := safe(i); ok && known {
			return i + 1, true
		}
	}
	for i := size; i < len(buf); {
		j := bytes.IndexByte(buf[i:], '\n')
		if j < 0 {
			break
		}
		ok, known := safe(i + j)
		if !known {
			break
		}
		if ok {
			return i + j + 1, true
		}
		i += j + 1
	}
	switch {
	case eof:
		return len(buf), true
	case len(buf) < 4*size:
		return 0, false
	}
	if i := bytes.LastIndexByte(buf, '\n'); i >= 0 {
		return i + 1, true
	}
	if i := bytes.LastIndex(buf, []byte("。")); i >= 0 {
		return i + len("。"), true
	}
	i := len(buf) - 1 // before the last character, which may be incomplete
	for i > 0 && !utf8.RuneStart(buf[i]) {
		i--
	}
	return max(i, 1), true
}
