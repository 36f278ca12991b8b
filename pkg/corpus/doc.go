package corpus

import (
	"fmt"
	"sort"
	"strings"

	"zhpolicy/pkg/analysis"
	"zhpolicy/pkg/input"
	"zhpolicy/pkg/normalize"
	"zhpolicy/pkg/script"
	"zhpolicy/pkg/segment"
	"zhpolicy/pkg/structure"
)

// Doc is one document ready for analysis: its decoded text as the user gave
// it, the cleaned text the analyzers read, and what is known about it.
type Doc struct {
	Name     string
	Encoding string
	Format   string
	Size     int64
	Warnings []input.Warning

	// What a document file says about itself (input.Document): the program
	// that made it, its pages and the pages with a text layer (PDF, OFD).
	Producer  string
	Pages     int
	TextPages int

	// A big input may come in parts (Config.PartSize): Base is the byte
	// offset of this part's Original in the whole decoded document, Part its
	// number (0 for the first or only part), Final marks the last part.
	Base  int
	Part  int
	Final bool

	Original string // decoded text, offsets in results point here
	Text     string // cleaned text (Original when cleaning is off)
	Script   script.Detection
	// In is the document ready for the analyzers (segmented), when the run
	// was asked to segment (Config.Segmenter).
	In *analysis.Input

	clean *normalize.Result
}

// Prepare cleans a decoded document (unless clean is false) and detects its
// script.
func Prepare(d *input.Document, clean bool) *Doc {
	return prepare(d, clean, nil)
}

// Load reads one file whole, cleans it and segments it with cut, as the
// loop does for a document read whole (no lines repeated across a corpus
// are removed): for programs and tests that work on single files. The
// document's In holds the analysis input.
func Load(path string, seg *segment.Segmenter, cut segment.Options) (*Doc, error) {
	in, err := input.Read(input.Source{Path: path, Size: -1}, input.Options{})
	if err != nil {
		return nil, err
	}
	d := Prepare(in, true)
	toks, err := seg.Cut(d.Text, cut)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.Name, err)
	}
	d.In = analysis.NewInput(d.Name, d.Text, d.Script.Kind, toks)
	return d, nil
}

// prepare is Prepare, removing also the lines the corpus repeats (rep, may
// be nil).
func prepare(d *input.Document, clean bool, rep *normalize.Repeated) *Doc {
	doc := &Doc{
		Name: d.Name, Encoding: d.Encoding, Format: d.Format, Size: d.Size, Warnings: d.Warnings,
		Producer: d.Producer, Pages: d.Pages, TextPages: d.TextPages,
		Original: d.Text, Text: d.Text, Final: true,
	}
	if clean {
		opts := normalize.DefaultOptions()
		opts.Repeated = rep
		doc.clean = normalize.Clean(d.Text, opts)
		doc.Text = doc.clean.Text
	}
	doc.Script = script.Detect(doc.Text)
	return doc
}

// Meta marks the document's metadata lines in Text (title, occasion,
// speaker, names, captions: normalize.Meta), when it was cleaned.
func (d *Doc) Meta() []normalize.Meta {
	if d.clean == nil {
		return nil
	}
	return d.clean.Meta
}

// OriginalSpan maps a byte range of Text to the range of Original it came
// from.
func (d *Doc) OriginalSpan(start, end int) (int, int) {
	if d.clean == nil {
		return start, end
	}
	return d.clean.Original(start), d.clean.OriginalEnd(end)
}

// Changes lists what cleaning changed, with positions in Original.
func (d *Doc) Changes() []normalize.Change {
	if d.clean == nil {
		return nil
	}
	return d.clean.Changes
}

// Input is the document for the analyzers: the segmented input when the
// run segmented it, else one without tokens (for character counts).
func (d *Doc) Input() *analysis.Input {
	if d.In == nil {
		d.In = analysis.NewInput(d.Name, d.Text, d.Script.Kind, nil)
	}
	return d.In
}

// Cleaning is what cleaning did (nil when the document was not cleaned).
func (d *Doc) Cleaning() *normalize.Result { return d.clean }

// Structure parses the structure of the document's text. Its layout is
// "wrapped" when cleaning rejoined the lines of its pages
// (normalize.Options.Unwrap), as it was before cleaning: the parser, given
// the joined text, no longer sees the page width.
func (d *Doc) Structure() *structure.Document {
	doc, _ := d.structure()
	return doc
}

// StructureOriginal is Structure with its offsets in Original, and with the
// page numbers cleaning removed where a page broke inside a sentence (the
// page number went with the soft line break it joined, so the parsed text no
// longer holds it): every page-number line of the document is listed.
func (d *Doc) StructureOriginal() *structure.Document {
	doc, joined := d.structure()
	doc.MapOffsets(d.OriginalSpan)
	if len(joined) == 0 {
		return doc
	}
	// A removed number that does not count up from the page before is no
	// page number (a table's row number cleaning took for one): left out.
	isJoined := make(map[int]bool, len(joined))
	for _, p := range joined {
		isJoined[p.Start] = true
	}
	pages := append(doc.PageNumbers, joined...)
	sort.SliceStable(pages, func(i, j int) bool { return pages[i].Start < pages[j].Start })
	kept := pages[:0]
	for _, p := range pages {
		if isJoined[p.Start] && len(kept) > 0 && p.Number <= kept[len(kept)-1].Number {
			continue
		}
		kept = append(kept, p)
	}
	doc.PageNumbers = kept
	return doc
}

// structure parses the text and returns the page numbers cleaning removed
// with its joins, offsets in Original.
func (d *Doc) structure() (*structure.Document, []structure.PageNumber) {
	var removed, joined []structure.PageNumber
	if d.clean != nil && d.clean.Unwrapped() {
		removed, joined = d.joinedPageNumbers()
	}
	doc := structure.ParseFoldedPages(d.Text, d.Input().Folded, removed)
	if d.clean != nil && d.clean.Unwrapped() {
		doc.Layout = "wrapped"
	}
	return doc, joined
}

// joinedPageNumbers reads the page-number lines inside the soft line breaks
// cleaning joined: at, with Start the offset in Text where each stood (the
// join), and orig, with offsets in Original.
func (d *Doc) joinedPageNumbers() (at, orig []structure.PageNumber) {
	shift := 0 // Text offset = Original offset - shift, before the change at hand
	for _, c := range d.Changes() {
		if c.Kind == normalize.ChangeJoin && strings.Contains(c.Old, "\n") {
			for off := 0; off < len(c.Old); {
				end := strings.IndexByte(c.Old[off:], '\n')
				if end < 0 {
					end = len(c.Old)
				} else {
					end += off
				}
				line := c.Old[off:end]
				if t := strings.TrimSpace(line); t != "" {
					if n, std, ok := structure.ReadPageNumber(t); ok {
						s := c.Start + off + strings.Index(line, t)
						orig = append(orig, structure.PageNumber{
							Field:  structure.Field{Text: t, Start: s, End: s + len(t)},
							Number: n, Standard: std,
						})
						p := c.Start - shift
						at = append(at, structure.PageNumber{Field: structure.Field{Text: t, Start: p, End: p}, Number: n, Standard: std})
					}
				}
				off = end + 1
			}
		}
		shift += len(c.Old) - len(c.New)
	}
	return at, orig
}
